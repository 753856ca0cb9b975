"""Initiatives and the directory import in the editors' admin at /beheer/."""

from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from buurtwijs.directory import admin_views
from buurtwijs.directory.models import Initiative
from buurtwijs.search.services import index_later


class InitiativeFilterSet(WagtailFilterSet):
    class Meta:
        model = Initiative
        fields = ["status", "kind", "municipality__province"]


class InitiativeDeleteView(DeleteView):
    """Deleting in the admin also takes the initiative out of the search index."""

    def delete_action(self) -> None:
        # Django clears the primary key of a deleted instance: keep it first.
        pk = self.object.pk
        super().delete_action()
        index_later(kind="initiative", object_id=pk)


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    delete_view_class = InitiativeDeleteView
    icon = "group"
    menu_label = _("Initiatives")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "status", "updated_at"]
    search_fields = ["name", "summary"]
    filterset_class = InitiativeFilterSet
    ordering = ["name"]


register_snippet(InitiativeViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def index_saved_initiative(request: HttpRequest, instance: Any) -> None:
    """An editor's change in the admin reaches the search index like any other."""
    if isinstance(instance, Initiative):
        index_later(kind="initiative", object_id=instance.pk)


@hooks.register("after_delete_snippet")
def unindex_bulk_deleted_initiatives(request: HttpRequest, instances: Any) -> None:
    # Bulk deletion deletes through a queryset, so the instances keep their keys
    # (a single deletion is handled by InitiativeDeleteView).
    for instance in instances:
        if isinstance(instance, Initiative) and instance.pk is not None:
            index_later(kind="initiative", object_id=instance.pk)


@hooks.register("register_admin_urls")
def register_moderation_urls() -> list:
    from buurtwijs.directory.admin_moderation import urlpatterns

    return urlpatterns


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item() -> MenuItem:
    return MenuItem(
        _("Moderation"),
        reverse("directory_moderation"),
        icon_name="tasks",
        order=190,
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return admin_views.can_import(request)


@hooks.register("register_admin_urls")
def register_import_urls() -> list[URLPattern]:
    return [
        path("directory-import/", admin_views.import_view, name="directory_import"),
        path(
            "directory-import/template/<str:kind>.<str:extension>",
            admin_views.template_view,
            name="directory_import_template",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item() -> MenuItem:
    return ImportMenuItem(
        _("Import directory"),
        reverse("directory_import"),
        icon_name="upload",
        order=220,
    )
