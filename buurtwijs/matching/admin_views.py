"""Knowledge gaps in /beheer/: per theme, the learning questions nobody answers yet."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.agenda.selectors import user_is_agenda_editor
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.matching.models import QuestionMatch
from buurtwijs.matching.selectors import knowledge_gaps

# A best suggestion below this relevance is no good answer: a theme in common and
# a word or two, at most.
GAP_THRESHOLD = 0.3


def _editor(request: HttpRequest) -> None:
    if not user_is_agenda_editor(request.user):
        raise PermissionDenied


def gaps_view(request: HttpRequest) -> HttpResponse:
    _editor(request)
    scored = QuestionMatch.objects.aggregate(n=Count("id"), at=Max("computed_at"))
    published = LearningQuestion.objects.filter(
        status=LearningQuestion.Status.PUBLISHED
    ).count()
    return TemplateResponse(
        request,
        "matching/admin/gaps.html",
        {
            "page_title": _("Knowledge gaps"),
            "gaps": knowledge_gaps(threshold=GAP_THRESHOLD) if scored["n"] else [],
            "threshold": GAP_THRESHOLD,
            "scored": scored["n"],
            "computed_at": scored["at"],
            "published": published,
        },
    )


@require_POST
def gaps_refresh(request: HttpRequest) -> HttpResponse:
    _editor(request)
    from buurtwijs.matching.tasks import question_matches_refresh_task

    transaction.on_commit(lambda: question_matches_refresh_task.enqueue())
    messages.success(
        request,
        _(
            "The learning questions are being matched again. Reload this page in a "
            "few minutes."
        ),
    )
    return redirect("matching_gaps")


urlpatterns = [
    path("kennislacunes/", gaps_view, name="matching_gaps"),
    path("kennislacunes/herberekenen/", gaps_refresh, name="matching_gaps_refresh"),
]
