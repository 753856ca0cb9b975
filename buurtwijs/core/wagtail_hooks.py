"""Themes in the editors' admin at /beheer/: labels editable, slugs fixed."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buurtwijs.core.models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "name_en", "slug"]
    ordering = ["position"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("keywords"),
        FieldPanel("position"),
        FieldPanel("slug", read_only=True),
    ]


register_snippet(ThemeViewSet)
