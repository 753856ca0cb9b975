"""The editors' list of comments in /beheer/: approve, hide, delete, block."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from buurtwijs.accounts.models import User
from buurtwijs.articles.models import Comment, CommentBlock
from buurtwijs.articles.selectors import (
    MODERATION_FILTERS,
    blocked_emails,
    comment_moderation_list,
    user_is_comment_editor,
)
from buurtwijs.articles.services import (
    comment_author_block,
    comment_author_unblock,
    comment_delete,
    comment_moderate,
)

PAGE_SIZE = 50
FILTER_LABELS = {
    "": gettext_lazy("All"),
    "reported": gettext_lazy("Reported"),
    "published": gettext_lazy("Published"),
    "hidden": gettext_lazy("Hidden"),
    "pending": gettext_lazy("Waiting for e-mail confirmation"),
}


def _editor(request: HttpRequest) -> User:
    if not user_is_comment_editor(request.user):
        raise PermissionDenied
    return cast(User, request.user)


def comment_moderation(request: HttpRequest) -> HttpResponse:
    _editor(request)
    show = request.GET.get("toon", "")
    if show not in MODERATION_FILTERS:
        show = ""
    page = Paginator(comment_moderation_list(show=show), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    comments = list(page)
    blocked = blocked_emails(comment.email for comment in comments)
    for comment in comments:
        comment.author_blocked = (  # type: ignore[attr-defined]
            comment.email.lower() in blocked
            if not comment.user_id
            else hasattr(comment.user, "comment_block")
        )
    return TemplateResponse(
        request,
        "articles/admin/comment_moderation.html",
        {
            "page_title": _("Comments"),
            "page_obj": page,
            "comments": comments,
            "show": show,
            "filters": list(FILTER_LABELS.items()),
            "blocks": CommentBlock.objects.select_related("user__profile").order_by(
                "-created_at"
            )[:100],
        },
    )


@require_POST
def comment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    editor = _editor(request)
    comment = get_object_or_404(Comment, pk=pk)
    decision = request.POST.get("decision")
    if decision == "approve":
        comment_moderate(comment=comment, editor=editor, approve=True)
        messages.success(request, _("The comment is published."))
    elif decision == "hide":
        comment_moderate(comment=comment, editor=editor, approve=False)
        messages.success(request, _("The comment is hidden."))
    elif decision == "delete":
        comment_delete(comment=comment, editor=editor)
        messages.success(request, _("The comment is deleted."))
    elif decision == "block":
        comment_author_block(comment=comment, editor=editor)
        messages.success(
            request,
            _("%(name)s can no longer comment; their comments are hidden.")
            % {"name": comment.name},
        )
    else:
        messages.error(request, _("Unknown decision; nothing was changed."))
    back = reverse("articles_comment_moderation")
    show = request.POST.get("toon", "")
    return redirect(f"{back}?toon={show}" if show in MODERATION_FILTERS else back)


@require_POST
def comment_unblock(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    block = get_object_or_404(CommentBlock, pk=pk)
    comment_author_unblock(block=block)
    messages.success(request, _("The block is lifted."))
    return redirect("articles_comment_moderation")


urlpatterns = [
    path("reacties/", comment_moderation, name="articles_comment_moderation"),
    path("reacties/<int:pk>/", comment_decide, name="articles_comment_decide"),
    path(
        "reacties/blokkade/<int:pk>/opheffen/",
        comment_unblock,
        name="articles_comment_unblock",
    ),
]
