"""Initiatives and the directory import in the editors' admin at /beheer/."""

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buurtwijs.directory import admin_views
from buurtwijs.directory.models import Initiative


class InitiativeFilterSet(WagtailFilterSet):
    class Meta:
        model = Initiative
        fields = ["status", "kind", "municipality__province"]


class InitiativeViewSet(SnippetViewSet):
    model = Initiative
    icon = "group"
    menu_label = _("Initiatives")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "municipality", "status", "updated_at"]
    search_fields = ["name", "summary"]
    filterset_class = InitiativeFilterSet
    ordering = ["name"]


register_snippet(InitiativeViewSet)


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
