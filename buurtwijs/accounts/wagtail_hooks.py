"""Profiles in the editors' admin at /beheer/."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buurtwijs.accounts.models import Profile


class ProfileFilterSet(WagtailFilterSet):
    class Meta:
        model = Profile
        fields = ["is_public", "kind", "municipality__province"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
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
