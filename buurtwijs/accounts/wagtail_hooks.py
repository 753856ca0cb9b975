"""Profiles in the editors' admin at /beheer/."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from buurtwijs.accounts.models import Profile
from buurtwijs.search.services import index_later


class ProfileFilterSet(WagtailFilterSet):
    class Meta:
        model = Profile
        fields = ["is_public", "kind", "municipality__province"]


class ProfileDeleteView(DeleteView):
    """Deleting in the admin also takes the person out of the search index."""

    def delete_action(self) -> None:
        # Django clears the primary key of a deleted instance: keep it first.
        pk = self.object.pk
        super().delete_action()
        index_later(kind="person", object_id=pk)


class ProfileViewSet(SnippetViewSet):
    model = Profile
    delete_view_class = ProfileDeleteView
    icon = "user"
    menu_label = _("People")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "organisation", "municipality", "is_public"]
    search_fields = ["name", "organisation", "expertise"]
    filterset_class = ProfileFilterSet
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("email"),
        FieldPanel("organisation"),
        FieldPanel("municipality"),
        FieldPanel("kind"),
        FieldPanel("expertise"),
        FieldPanel("themes"),
        FieldPanel("is_public"),
        FieldPanel("show_organisation"),
        FieldPanel("show_municipality"),
        FieldPanel("show_kind"),
        FieldPanel("show_expertise"),
        FieldPanel("show_themes"),
    ]


register_snippet(ProfileViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def index_saved_profile(request: HttpRequest, instance: Any) -> None:
    """An editor's change in the admin reaches the search index like any other."""
    if isinstance(instance, Profile):
        index_later(kind="person", object_id=instance.pk)


@hooks.register("after_delete_snippet")
def unindex_bulk_deleted_profiles(request: HttpRequest, instances: Any) -> None:
    # Bulk deletion deletes through a queryset, so the instances keep their keys
    # (a single deletion is handled by ProfileDeleteView).
    for instance in instances:
        if isinstance(instance, Profile) and instance.pk is not None:
            index_later(kind="person", object_id=instance.pk)
