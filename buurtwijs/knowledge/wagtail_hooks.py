"""Shared documents in the editors' admin at /beheer/, and their moderation queue."""

from functools import partial
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.models.documents import document_storage
from buurtwijs.knowledge.selectors import user_is_document_editor
from buurtwijs.search.services import index_later


class DocumentViewSet(SnippetViewSet):
    model = Document
    icon = "doc-full"
    menu_label = _("Knowledge base")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "kind", "municipality", "status", "created_at"]
    list_filter = ["status", "kind", "visibility", "text_status"]
    search_fields = ["title", "description"]
    # Files come in through the members' upload form, where their content is
    # checked, and are published through the moderation queue; here editors
    # correct what is said about a document.
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("municipality"),
        FieldPanel("initiative"),
        FieldPanel("licence"),
        FieldPanel("deadline"),
        FieldPanel("visibility"),
    ]


register_snippet(DocumentViewSet)


@hooks.register("after_edit_snippet")
def reindex_edited_document(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, Document):
        index_later(kind="document", object_id=instance.pk)


@hooks.register("before_delete_snippet")
def remember_document_ids(request: HttpRequest, instances: list[Any]) -> None:
    # Django clears the primary key on delete; the search index still needs it.
    for instance in instances:
        if isinstance(instance, Document):
            instance._deleted_pk = instance.pk  # type: ignore[attr-defined]


@hooks.register("after_delete_snippet")
def forget_deleted_documents(request: HttpRequest, instances: list[Any]) -> None:
    storage = document_storage()
    for instance in instances:
        if not isinstance(instance, Document):
            continue
        deleted_pk = getattr(instance, "_deleted_pk", None) or instance.pk
        if deleted_pk is not None:
            index_later(kind="document", object_id=deleted_pk)
        for name in (instance.file.name, instance.thumbnail.name):
            if name:
                transaction.on_commit(partial(storage.delete, name))


@hooks.register("register_admin_urls")
def register_document_moderation_urls() -> list:
    from buurtwijs.knowledge.admin_moderation import urlpatterns

    return urlpatterns


class DocumentQueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_is_document_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_document_moderation_menu_item() -> MenuItem:
    return DocumentQueueMenuItem(
        _("Documents to review"),
        reverse("knowledge_document_moderation"),
        icon_name="doc-full",
        order=191,
    )
