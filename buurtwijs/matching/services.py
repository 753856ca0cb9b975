"""Writes for "who knows what": index versions, contact requests, knowledge gaps."""

import re
import uuid
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import Profile
from buurtwijs.core.mail import send_templated_mail

# Limits against abuse: per sender (address, account or network address) and per
# recipient. A person gets at most a handful of new questions a day.
SENDER_PER_HOUR = 3
SENDER_PER_DAY = 10
RECIPIENT_PER_DAY = 5
# The same message to the same person within this time is one message (a double
# click or a browser sending the form again).
DUPLICATE_WINDOW = timedelta(minutes=30)
MAX_LINKS = 2
MIN_BODY = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e]")
_LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)


class ContactRefused(Exception):
    """The message was not relayed; the text says why, for the sender."""

    def __init__(self, message: str, *, limited: bool = False) -> None:
        super().__init__(message)
        self.limited = limited  # refused by a rate limit (HTTP 429), else 400


def index_version_bump(*, kind: str) -> None:
    """Give a kind of candidate a new index version (in the current transaction)."""
    from buurtwijs.matching.models import IndexVersion

    token = uuid.uuid4().hex
    if IndexVersion.objects.filter(kind=kind).update(token=token):
        return
    try:
        with transaction.atomic():
            IndexVersion.objects.create(kind=kind, token=token)
    except IntegrityError:
        IndexVersion.objects.filter(kind=kind).update(token=token)


def clean_message(text: str) -> str:
    """A message as plain text: no markup, no control characters, tidy lines."""
    text = strip_tags(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip()


def _recipient(profile: Profile) -> tuple[str, str]:
    """A person's address and mail language: their account's, else the profile's."""
    if profile.user is not None and profile.user.is_active:
        return profile.user.email, profile.user.language
    return profile.email, "nl"


@transaction.atomic
def contact_request_send(
    *,
    profile: Profile,
    sender: Any,
    sender_name: str,
    sender_email: str,
    body: str,
    client_key: str,
    language: str,
) -> Any:
    """Relay a message to a suggested person by e-mail; neither address is shown.

    The recipient gets the sender's address only as the mail's Reply-To, so
    answering is their choice. Refused (ContactRefused) past the limits, for an
    empty or link-stuffed message, or when the person cannot be reached.
    """
    from buurtwijs.matching.models import ContactRequest

    address, recipient_language = _recipient(profile)
    if not address or not profile.is_public or not profile.allow_suggestions:
        raise ContactRefused(_("This person cannot be contacted through Buurtwijs."))
    if sender is not None and sender.is_authenticated:
        sender_email = sender.email
        if profile.user_id == sender.pk:
            raise ContactRefused(_("You cannot send a message to yourself."))
    text = clean_message(body)
    if len(text) < MIN_BODY:
        raise ContactRefused(
            _("Please write a little more: at least %(count)s characters.")
            % {"count": MIN_BODY}
        )
    if len(_LINK.findall(text)) > MAX_LINKS:
        raise ContactRefused(
            _("Your message has too many links. Please send at most %(count)s.")
            % {"count": MAX_LINKS}
        )
    now = timezone.now()
    from_sender = ContactRequest.objects.filter(
        Q(sender_email__iexact=sender_email) | Q(client_key=client_key)
    )
    if sender is not None and sender.is_authenticated:
        from_sender = from_sender | ContactRequest.objects.filter(sender=sender)
    duplicate = from_sender.filter(
        profile=profile, body=text, sent_at__gte=now - DUPLICATE_WINDOW
    ).first()
    if duplicate is not None:
        return duplicate
    if from_sender.filter(sent_at__gte=now - timedelta(hours=1)).count() >= (
        SENDER_PER_HOUR
    ) or from_sender.filter(sent_at__gte=now - timedelta(days=1)).count() >= (
        SENDER_PER_DAY
    ):
        raise ContactRefused(
            _(
                "You have sent several messages recently. Your message was not "
                "sent; please try again later."
            ),
            limited=True,
        )
    received = ContactRequest.objects.filter(
        profile=profile, sent_at__gte=now - timedelta(days=1)
    ).count()
    if received >= RECIPIENT_PER_DAY:
        raise ContactRefused(
            _(
                "This person has received many messages today. Your message was not "
                "sent; please try again tomorrow."
            ),
            limited=True,
        )
    request = ContactRequest.objects.create(
        profile=profile,
        sender=sender if sender is not None and sender.is_authenticated else None,
        sender_name=" ".join(strip_tags(sender_name).split())[:150],
        sender_email=sender_email,
        body=text,
        client_key=client_key,
        language=language,
    )
    name = request.sender_name

    def send() -> None:
        send_templated_mail(
            to=[address],
            subject=lambda: (
                _("A question for you via Buurtwijs from %(name)s") % {"name": name}
            ),
            template="matching/mail/contact_request",
            context={"request": request, "profile": profile},
            language=recipient_language,
            reply_to=[sender_email],
        )

    transaction.on_commit(send)
    return request


# Knowledge gaps


def question_matches_refresh(
    *,
    question_ids: Iterable[int] | None = None,
    only_missing: bool = False,
    limit: int | None = None,
    log: Callable[[str], None] | None = None,
) -> int:
    """Store each published learning question's best match; returns how many.

    All published questions when no ids are given. The scores are what the
    knowledge gaps in the admin are counted from.
    """
    from buurtwijs.analysis.matching import Query
    from buurtwijs.calls.models import LearningQuestion
    from buurtwijs.matching.models import QuestionMatch
    from buurtwijs.matching.selectors import (
        KINDS,
        index_versions,
        match_index,
        question_query,
    )

    questions = LearningQuestion.objects.filter(
        status=LearningQuestion.Status.PUBLISHED
    ).order_by("id")
    if question_ids is not None:
        questions = questions.filter(pk__in=list(question_ids))
    if only_missing:
        questions = questions.filter(best_match__isnull=True)
    if limit is not None:
        questions = questions.order_by("-created_at", "-id")[:limit]
    versions = index_versions(KINDS)
    indexes = {kind: match_index(kind, versions[kind]).index for kind in KINDS}
    done = 0
    batch: list[QuestionMatch] = []
    for question in questions.only("id", "text", "theme_scores", "municipality_id"):
        text, themes = question_query(question)
        query = Query(text=text, themes=themes, municipality=question.municipality_id)
        best_kind, best = "", 0.0
        for kind, index in indexes.items():
            relevance = index.best_relevance(query)
            if relevance > best:
                best_kind, best = kind, relevance
        batch.append(
            QuestionMatch(question_id=question.pk, best_score=best, best_kind=best_kind)
        )
        done += 1
        if len(batch) >= 500:
            _store_matches(batch)
            batch = []
            if log:
                log(f"{done} questions")
    _store_matches(batch)
    return done


def _store_matches(batch: list[Any]) -> None:
    from buurtwijs.matching.models import QuestionMatch

    if not batch:
        return
    QuestionMatch.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["question"],
        update_fields=["best_score", "best_kind", "computed_at"],
    )
