"""Personal data of calls: learning questions, votes, and responses' retention."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, anonymous_key, register
from buurtwijs.calls.models import (
    Answer,
    LearningQuestion,
    LearningQuestionVote,
    QuestionKind,
    Response,
)


def _questions_export(user: User) -> list[dict[str, Any]]:
    questions = LearningQuestion.objects.filter(author=user).order_by("created_at")
    votes = (
        LearningQuestionVote.objects.filter(user=user)
        .select_related("question")
        .order_by("created_at")
    )
    return [
        *(
            {
                "kind": "learning_question",
                "text": q.text,
                "status": q.status,
                "created_at": q.created_at,
            }
            for q in questions
        ),
        *(
            {
                "kind": "vote",
                "question": v.question.short_text,
                "created_at": v.created_at,
            }
            for v in votes
        ),
    ]


def _questions_erase(user: User) -> None:
    # The questions belong to the network's learning agenda: they stay, without
    # their author ("Former member").
    LearningQuestion.objects.filter(author=user).update(author=None)
    # A vote stays counted, but as an anonymous vote no one can trace back.
    votes = list(LearningQuestionVote.objects.filter(user=user))
    for vote in votes:
        vote.user = None
        vote.voter_key = anonymous_key()
    LearningQuestionVote.objects.bulk_update(votes, ["user", "voter_key"])


def _responses_export(user: User) -> list[dict[str, Any]]:
    # Responses to calls are anonymous: they are linked to no account and hold
    # no e-mail address, so there is nothing of yours to find.
    return []


def _responses_erase(user: User) -> None:
    return None


register(
    Provider(
        category="learning_questions",
        label=_("Learning questions and votes"),
        description=_(
            "The learning questions you posted and the questions you marked as "
            "“also my question”. When you delete your account your questions "
            "stay on the learning agenda without your name, and your votes keep "
            "counting without a link to you."
        ),
        fields=(
            "calls.LearningQuestion.author",
            "calls.LearningQuestionVote.user",
        ),
        export=_questions_export,
        erase=_questions_erase,
        order=40,
    )
)

register(
    Provider(
        category="call_responses",
        label=_("Responses to calls"),
        description=_(
            "Your answers to a call for input, your municipality and role, and the "
            "consent text you agreed to. Responses are anonymous: no account and "
            "no e-mail address (an address for a copy is used once and not "
            "stored). After the retention period of the call, open answers are "
            "removed; municipality, role, chosen options and the learning "
            "questions stay for the counts."
        ),
        fields=(),
        export=_responses_export,
        erase=_responses_erase,
        order=41,
    )
)


@dataclass(frozen=True)
class AnonymiseResult:
    responses: int
    answers: int


def _open_text_left() -> Exists:
    return Exists(
        Answer.objects.filter(response=OuterRef("pk"), kind=QuestionKind.TEXT).exclude(
            text=""
        )
    )


@transaction.atomic
def responses_anonymise(*, today: date | None = None) -> AnonymiseResult:
    """Remove the open answers of responses kept past their retention date.

    Open text is where a person may write something that identifies them; the
    municipality, role, chosen options, scale and themes stay, and so do the
    learning questions drawn from the response, so every count and the learning
    agenda stay the same. Running it again changes nothing.
    """
    today = today or timezone.localdate()
    due = list(
        Response.objects.filter(retain_until__lt=today)
        .filter(_open_text_left())
        .values_list("pk", flat=True)
    )
    if not due:
        return AnonymiseResult(responses=0, answers=0)
    answers = (
        Answer.objects.filter(response_id__in=due, kind=QuestionKind.TEXT)
        .exclude(text="")
        .update(text="", values=[])
    )
    return AnonymiseResult(responses=len(due), answers=answers)
