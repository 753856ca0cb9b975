"""Writes for calls: responses, learning questions, votes and moderation."""

import logging
import smtplib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import (
    Answer,
    Call,
    CallState,
    LearningQuestion,
    LearningQuestionVote,
    Question,
    QuestionKind,
    Response,
)
from buurtwijs.calls.selectors import learning_questions_voted
from buurtwijs.core.mail import send_templated_mail
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.search.services import index_later

logger = logging.getLogger(__name__)

# Responses one network address may send per hour, over all calls. Generous: a
# community centre or town hall sends many people through one address.
RESPONSES_PER_HOUR = 20
_RATE_WINDOW = 3600


class ResponseRefused(Exception):
    """The response was not stored; the text says why, for the respondent."""


class VoteRefused(Exception):
    """The vote was not counted; the text says why."""


@dataclass(frozen=True)
class AnswerInput:
    """One answer as the form cleaned it."""

    question: Question
    text: str = ""
    values: tuple[str, ...] = ()
    municipality: Municipality | None = None


@dataclass(frozen=True)
class SubmitResult:
    """The stored response, and whether this call stored it (False for a repeat)."""

    response: Response
    created: bool
    learning_questions: list[LearningQuestion] = field(default_factory=list)


def _rate_key(key: str) -> str:
    return f"calls:responses:{key}"


def _rate_limited(key: str) -> bool:
    limit = getattr(settings, "CALL_RESPONSES_PER_HOUR", RESPONSES_PER_HOUR)
    return int(cache.get(_rate_key(key), 0)) >= limit


def _rate_count(key: str) -> None:
    cache_key = _rate_key(key)
    # add() only starts the window; incr() keeps its expiry.
    cache.add(cache_key, 0, timeout=_RATE_WINDOW)
    try:
        cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.set(cache_key, 1, timeout=_RATE_WINDOW)


def response_submit(
    *,
    call: Call,
    token: uuid.UUID,
    answers: Sequence[AnswerInput],
    consent_given: bool,
    copy_to: str = "",
    client: str = "",
) -> SubmitResult:
    """Store a response with its answers and learning questions, or refuse it whole.

    A token seen before for this call returns the stored response (a double click
    or a retry), even after the call closed. The consent text is copied from the
    call at this moment. The e-mail address for a copy is used once, after the
    commit, and stored nowhere.
    """
    existing = Response.objects.filter(call=call, token=token).first()
    if existing is not None:
        return SubmitResult(response=existing, created=False)
    state = call.state()
    if state != CallState.OPEN:
        raise ResponseRefused(
            _("This call is closed. Your response was not stored.")
            if state == CallState.CLOSED
            else _("This call is not open yet. Your response was not stored.")
        )
    if call.consent_text and not consent_given:
        raise ResponseRefused(_("Without your consent we cannot store your response."))
    if client and _rate_limited(client):
        raise ResponseRefused(
            _(
                "Many responses were sent from your network address in the past "
                "hour. Your response was not stored; please try again later."
            )
        )
    try:
        with transaction.atomic():
            response, questions = _store_response(
                call=call,
                token=token,
                answers=answers,
                consent_given=consent_given,
                copy_requested=bool(copy_to and call.offer_copy),
            )
    except IntegrityError:
        # The same token arrived twice at once: the other request stored it.
        existing = Response.objects.filter(call=call, token=token).first()
        if existing is None:
            raise
        return SubmitResult(response=existing, created=False)
    if client:
        _rate_count(client)
    if copy_to and call.offer_copy:
        _send_copy(call=call, response=response, address=copy_to)
    return SubmitResult(response=response, created=True, learning_questions=questions)


def _store_response(
    *,
    call: Call,
    token: uuid.UUID,
    answers: Sequence[AnswerInput],
    consent_given: bool,
    copy_requested: bool,
) -> tuple[Response, list[LearningQuestion]]:
    now = timezone.now()
    municipality = next(
        (a.municipality for a in answers if a.municipality is not None), None
    )
    role = next(
        (a.values[0] for a in answers if a.question.kind == "role" and a.values), ""
    )
    urgency_text = next(
        (a.values[0] for a in answers if a.question.kind == "scale" and a.values), ""
    )
    response = Response.objects.create(
        call=call,
        token=token,
        municipality=municipality,
        role=role,
        consent_text=call.consent_text if consent_given else "",
        consent_given_at=now if consent_given else None,
        copy_requested=copy_requested,
        retain_until=(now + timedelta(days=call.retention_days)).date(),
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=answer.question,
            question_label=answer.question.label,
            kind=answer.question.kind,
            text=answer.text,
            values=list(answer.values),
            municipality=answer.municipality,
            position=position,
        )
        for position, answer in enumerate(answers)
    )
    questions = [
        LearningQuestion(
            text=answer.text,
            call=call,
            response=response,
            source_question=answer.question,
            municipality=municipality,
            role=role,
            urgency=int(urgency_text) if urgency_text.isdigit() else None,
        )
        for answer in answers
        if answer.question.yields_learning_questions
        and answer.question.kind == QuestionKind.TEXT
        and answer.text.strip()
    ]
    for question in questions:
        # One by one, so every database returns the key the index needs.
        question.save()
        index_later(kind="question", object_id=question.pk)
    return response, questions


def _send_copy(*, call: Call, response: Response, address: str) -> None:
    # The copy is written in the language the person responded in.
    language = get_language()
    context = {
        "call": call,
        "response": response,
        "answers": list(response.answers.all()),
    }

    def send() -> None:
        # The response is stored by now; a mail server that is down must not turn
        # that into an error page.
        try:
            send_templated_mail(
                to=[address],
                subject=lambda: _("Your response to %(title)s") % {"title": call.title},
                template="calls/mail/response_copy",
                context=context,
                language=language,
            )
        except (smtplib.SMTPException, OSError):
            logger.exception("Copy of response %s not sent", response.pk)

    transaction.on_commit(send)


@transaction.atomic
def learning_question_create(
    *,
    author: User,
    text: str,
    municipality: Municipality | None = None,
    role: str = "",
    themes: Iterable[Theme] = (),
) -> LearningQuestion:
    """Store a learning question a member posts directly.

    The same text from the same member within ten minutes is a double click or a
    retry: the question stored the first time is returned.
    """
    text = text.strip()
    repeat = LearningQuestion.objects.filter(
        author=author,
        text=text,
        created_at__gte=timezone.now() - timedelta(minutes=10),
    ).first()
    if repeat is not None:
        return repeat
    question = LearningQuestion.objects.create(
        author=author, text=text, municipality=municipality, role=role
    )
    question.themes.set(list(themes))
    index_later(kind="question", object_id=question.pk)
    return question


@transaction.atomic
def learning_question_set_hidden(
    *, question: LearningQuestion, hidden: bool
) -> LearningQuestion:
    """Hide a learning question from every public list (moderation), or show it."""
    question.status = (
        LearningQuestion.Status.HIDDEN if hidden else LearningQuestion.Status.PUBLISHED
    )
    question.save(update_fields=["status", "updated_at"])
    index_later(kind="question", object_id=question.pk)
    return question


def learning_question_vote(
    *, question: LearningQuestion, user: Any, voter_key: str
) -> bool:
    """Say "also my question" once; True when this call counted a new vote.

    Members vote as themselves, visitors by a random key of their browser session.
    A member who voted as a visitor in the same browser is not counted again. The
    unique constraints make a second vote (a double click, two tabs) fail instead
    of counting twice.
    """
    member = user if getattr(user, "is_authenticated", False) else None
    if question.status != LearningQuestion.Status.PUBLISHED:
        raise VoteRefused(_("This question is not available."))
    if member is not None and question.author_id == member.pk:
        raise VoteRefused(_("This is your own question."))
    if member is None and not voter_key:
        raise VoteRefused(_("Your vote could not be counted. Please try again."))
    if learning_questions_voted(
        question_ids=[question.pk], user=user, voter_key=voter_key
    ):
        return False
    try:
        with transaction.atomic():
            LearningQuestionVote.objects.create(
                question=question,
                user=member,
                voter_key="" if member is not None else voter_key,
            )
            LearningQuestion.objects.filter(pk=question.pk).update(
                vote_count=F("vote_count") + 1
            )
    except IntegrityError:
        return False
    return True
