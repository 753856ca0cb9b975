"""The editors' queue of uploaded documents in /beheer/: publish or reject."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.selectors import (
    document_moderation_queue,
    user_is_document_editor,
)
from buurtwijs.knowledge.services import document_moderate


def _editor(request: HttpRequest) -> User:
    if not user_is_document_editor(request.user):
        raise PermissionDenied
    return cast(User, request.user)


def document_queue(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return TemplateResponse(
        request,
        "knowledge/admin/document_moderation.html",
        {
            "pending": document_moderation_queue(),
            "page_title": _("Documents to review"),
        },
    )


@require_POST
def document_decide(request: HttpRequest, pk: int) -> HttpResponse:
    editor = _editor(request)
    document = get_object_or_404(Document, pk=pk, status=Document.Status.PENDING)
    approve = request.POST.get("decision") == "approve"
    document_moderate(document=document, editor=editor, approve=approve)
    messages.success(
        request,
        (_("%(title)s is published.") if approve else _("%(title)s is rejected."))
        % {"title": document.title},
    )
    return redirect("knowledge_document_moderation")


urlpatterns = [
    path(
        "kennisbank-moderatie/",
        document_queue,
        name="knowledge_document_moderation",
    ),
    path(
        "kennisbank-moderatie/<int:pk>/",
        document_decide,
        name="knowledge_document_decide",
    ),
]
