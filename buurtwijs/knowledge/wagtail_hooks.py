"""Shared documents in the editors' admin at /beheer/."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buurtwijs.knowledge.models import Document


class DocumentViewSet(SnippetViewSet):
    model = Document
    icon = "doc-full"
    menu_label = _("Knowledge base")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "kind", "municipality", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "description"]


register_snippet(DocumentViewSet)
