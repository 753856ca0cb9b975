"""Reads for calls and learning questions: public lists, details, votes, links."""

from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from buurtwijs.calls.models import Call, LearningQuestion, LearningQuestionVote
from buurtwijs.core.models import Province, Theme
from buurtwijs.core.selectors import filter_text, province_q

QUESTION_SORTS = ("votes", "newest")


@dataclass(frozen=True)
class CallListing:
    """The published calls by moment: open now, coming, and past."""

    open: list[Call]
    upcoming: list[Call]
    closed: list[Call]


def call_list_public(*, now: datetime | None = None) -> CallListing:
    """Every published call, split into open, coming and closed (one query)."""
    now = now or timezone.now()
    calls = list(
        Call.objects.filter(status=Call.Status.PUBLISHED).order_by("-opens_at", "pk")
    )
    return CallListing(
        open=[call for call in calls if call.state(now) == "open"],
        upcoming=[call for call in calls if call.state(now) == "not_yet_open"],
        closed=[call for call in calls if call.state(now) == "closed"],
    )


def call_detail_public(*, slug: str, include_drafts: bool = False) -> Call | None:
    """A published call (or any, for editors) with its questions in order."""
    calls = Call.objects.prefetch_related("questions")
    if not include_drafts:
        calls = calls.filter(status=Call.Status.PUBLISHED)
    return calls.filter(slug=slug).first()


@dataclass(frozen=True)
class QuestionFilters:
    """What the learning question list is narrowed to; empty means everything."""

    theme: str = ""
    province: str = ""
    call: str = ""
    sort: str = QUESTION_SORTS[0]


def _public_questions() -> QuerySet[LearningQuestion]:
    return LearningQuestion.objects.filter(status=LearningQuestion.Status.PUBLISHED)


def _with_card_data(
    questions: QuerySet[LearningQuestion],
) -> QuerySet[LearningQuestion]:
    return questions.select_related(
        "municipality", "municipality__province", "call"
    ).prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))
    )


def learning_question_list_public(
    *, filters: QuestionFilters | None = None
) -> QuerySet[LearningQuestion]:
    """Visible learning questions, filtered, most "also my question" or newest first."""
    filters = filters or QuestionFilters()
    questions = _public_questions()
    theme = filter_text(filters.theme)
    if theme:
        questions = questions.filter(themes__slug=theme)
    province = filter_text(filters.province)
    if province:
        questions = questions.filter(
            province_q(province, prefix="municipality__province")
        )
    call = filter_text(filters.call)
    if call:
        questions = questions.filter(call__slug=call, call__status="published")
    if filters.sort == "newest":
        questions = questions.order_by("-created_at", "-pk")
    else:
        questions = questions.order_by("-vote_count", "-created_at", "-pk")
    return _with_card_data(questions)


def learning_question_detail_public(*, pk: int) -> LearningQuestion | None:
    """One visible learning question with what its page shows."""
    return _with_card_data(_public_questions()).filter(pk=pk).first()


def learning_question_filter_choices() -> tuple[
    list[tuple[str, str]], list[tuple[str, str]]
]:
    """Themes (slug, label) and provinces (code, name) for the list's filters."""
    themes = [(t.slug, t.label) for t in Theme.objects.order_by("position", "name")]
    provinces = list(Province.objects.order_by("name").values_list("code", "name"))
    return themes, provinces


def learning_questions_voted(
    *, question_ids: list[int], user: Any, voter_key: str
) -> set[int]:
    """Which of these questions this member or browser voted for (one query)."""
    conditions = []
    if getattr(user, "is_authenticated", False):
        conditions.append(Q(user_id=user.pk))
    if voter_key:
        conditions.append(Q(voter_key=voter_key))
    if not question_ids or not conditions:
        return set()
    return set(
        LearningQuestionVote.objects.filter(
            reduce(or_, conditions), question_id__in=question_ids
        ).values_list("question_id", flat=True)
    )


# At most this many questions of one place or initiative are ranked (far more than
# any municipality holds, even at national scale).
LOCAL_CANDIDATES = 5_000


def _related(
    *,
    initiative_id: int | None,
    municipality_id: int | None,
    theme_ids: list[int],
    limit: int,
) -> list[LearningQuestion]:
    # Each way a question can be related is read on its own index (the initiative
    # link, the municipality); those few ids are then ranked, so no scan spans the
    # whole table. Only questions by theme alone (no place) stay a subquery.
    related = Q(pk__in=[])
    if initiative_id is not None:
        related |= Q(
            pk__in=list(
                LearningQuestion.initiatives.through.objects.filter(
                    initiative_id=initiative_id
                ).values_list("learningquestion_id", flat=True)[:LOCAL_CANDIDATES]
            )
        )
    if theme_ids:
        about = LearningQuestion.objects.filter(themes__in=theme_ids)
        if municipality_id is not None:
            local = about.filter(municipality_id=municipality_id)
            related |= Q(
                pk__in=list(local.values_list("pk", flat=True)[:LOCAL_CANDIDATES])
            )
        else:
            related |= Q(pk__in=about.values("pk"))
    ids = list(
        _public_questions()
        .filter(related)
        .order_by("-vote_count", "-created_at", "-pk")
        .values_list("pk", flat=True)[:limit]
    )
    # The ids are public questions already; by key alone, so the database reads
    # these few rows rather than walking the status index.
    rows = _with_card_data(LearningQuestion.objects.filter(pk__in=ids)).order_by()
    by_pk = {q.pk: q for q in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def learning_questions_for_initiative(
    initiative: Any, *, limit: int = 5
) -> list[LearningQuestion]:
    """Learning questions linked to an initiative, else from its place and themes.

    First those an editor linked; then questions from the same municipality about
    one of the initiative's themes; most "also my question" first.
    """
    theme_ids = [theme.pk for theme in initiative.themes.all()]
    return _related(
        initiative_id=initiative.pk,
        municipality_id=initiative.municipality_id,
        theme_ids=theme_ids,
        limit=limit,
    )


def learning_questions_for_case(case: Any, *, limit: int = 5) -> list[LearningQuestion]:
    """Learning questions about a case's themes, those from its place first.

    Questions an editor linked to the case's initiative come first too.
    """
    theme_ids = [theme.pk for theme in case.themes.all()]
    initiative_id = getattr(case, "initiative_id", None)
    municipality_id = getattr(case, "municipality_id", None)
    local = _related(
        initiative_id=initiative_id,
        municipality_id=municipality_id,
        theme_ids=theme_ids,
        limit=limit,
    )
    if len(local) >= limit or not theme_ids:
        return local
    wider = _related(
        initiative_id=None, municipality_id=None, theme_ids=theme_ids, limit=limit
    )
    seen = {q.pk for q in local}
    return [*local, *[q for q in wider if q.pk not in seen]][:limit]
