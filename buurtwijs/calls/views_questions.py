"""Public pages of learning questions: the list, a question, posting, "also mine"."""

import hashlib
import secrets
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.calls.forms import LearningQuestionForm, QuestionFilterForm
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.calls.selectors import (
    QuestionFilters,
    learning_question_detail_public,
    learning_question_filter_choices,
    learning_question_list_public,
    learning_questions_voted,
)
from buurtwijs.calls.services import (
    VoteRefused,
    learning_question_create,
    learning_question_vote,
)
from buurtwijs.core.filters import unknown_filters
from buurtwijs.core.models import Municipality, Theme

PAGE_SIZE = 20
_SESSION_VOTER = "calls_voter"


def voter_key(request: HttpRequest, *, create: bool = False) -> str:
    """The key of this browser's votes: a hash of a random id in its session.

    The id survives logging in (Django keeps the session data), so a visitor who
    voted and then signs in is recognised.
    """
    secret = request.session.get(_SESSION_VOTER)
    if not secret and create:
        secret = secrets.token_urlsafe(24)
        request.session[_SESSION_VOTER] = secret
    return hashlib.sha256(secret.encode()).hexdigest() if secret else ""


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    themes, provinces = learning_question_filter_choices()
    form = QuestionFilterForm(request.GET or None, themes=themes, provinces=provinces)
    questions = LearningQuestion.objects.none()
    if not form.is_bound:
        questions = learning_question_list_public()
    elif form.is_valid():
        data = form.cleaned_data
        questions = learning_question_list_public(
            filters=QuestionFilters(
                theme=data["thema"],
                province=data["provincie"],
                call=data["oproep"],
                sort=data["sorteer"],
            )
        )
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("pagina"))
    voted = learning_questions_voted(
        question_ids=[question.pk for question in page],
        user=request.user,
        voter_key=voter_key(request),
    )
    theme_label = dict(themes).get(request.GET.get("thema", ""), "")
    return render(
        request,
        "calls/question_list.html",
        {
            "form": form,
            "page_obj": page,
            "voted": voted,
            "unknown_filters": unknown_filters(form),
            "theme_label": theme_label,
        },
    )


@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = learning_question_detail_public(pk=pk)
    if question is None:
        raise Http404
    voted = learning_questions_voted(
        question_ids=[question.pk], user=request.user, voter_key=voter_key(request)
    )
    return render(
        request,
        "calls/question_detail.html",
        {"question": question, "voted": question.pk in voted},
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if not (user.is_superuser or user.groups.filter(name=MEMBER).exists()):
        raise PermissionDenied
    themes = [(theme.slug, theme.label) for theme in Theme.objects.all()]
    profile = getattr(user, "profile", None)
    initial = {}
    if profile is not None:
        initial = {
            "municipality": str(profile.municipality or ""),
            "role": profile.kind,
        }
    form = LearningQuestionForm(request.POST or None, initial=initial, themes=themes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        question = learning_question_create(
            author=user,
            text=data["text"],
            municipality=data["municipality"],
            role=data["role"],
            themes=Theme.objects.filter(slug__in=data["themes"]),
        )
        messages.success(
            request,
            _(
                "Thank you! Your learning question is online. Others can now say "
                "it is their question too."
            ),
        )
        return redirect(question.get_absolute_url())
    return render(
        request,
        "calls/question_form.html",
        {
            "form": form,
            "municipalities": Municipality.objects.order_by("sort_name").values_list(
                "display_name", flat=True
            ),
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def question_vote(request: HttpRequest, pk: int) -> HttpResponse:
    question = learning_question_detail_public(pk=pk)
    if question is None:
        raise Http404
    try:
        counted = learning_question_vote(
            question=question,
            user=request.user,
            voter_key=voter_key(request, create=True),
        )
    except VoteRefused as refused:
        messages.error(request, str(refused))
    else:
        if counted:
            messages.success(request, _("Noted: this is your question too."))
        else:
            messages.info(request, _("You had already said this is your question too."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = question.get_absolute_url()
    return redirect(target)
