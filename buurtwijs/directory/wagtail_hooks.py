"""Initiatives in the editors' admin at /beheer/."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
