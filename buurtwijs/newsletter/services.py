"""Writes of the newsletter: subscribing, confirming, unsubscribing, issues, sending."""

import email.policy
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from buurtwijs.accounts.models import User
from buurtwijs.core.mail import build_mail, mail_language, open_connection
from buurtwijs.core.models import Theme
from buurtwijs.newsletter.models import Delivery, Issue, IssueItem, Subscriber
from buurtwijs.newsletter.selectors import issue_items_for_mail, issue_recipients

logger = logging.getLogger(__name__)

# The text people agree to, stored word for word (in the language they read it in).
CONSENT_TEXT = _(
    "I want to receive the Buurtwijs newsletter by e-mail. Buurtwijs uses my "
    "address, name and themes only for this newsletter and never passes them on. "
    "I can unsubscribe at any time with the link in every newsletter."
)
CONFIRM_SALT = "buurtwijs.newsletter.confirm"
CONFIRM_DAYS = 7
# Against mail bombing someone else's address: one confirmation mail per address
# in this many minutes, and a cap per network address.
RESEND_MINUTES = 5
REQUESTS_PER_HOUR = 10
BATCH_SIZE = 200
# A delivery still "being sent" after this long belongs to a run that stopped.
STALE_SECONDS = 300


class SubscriptionRefused(Exception):
    """A subscription request that was not taken (rate limit); the message says why."""


class TokenInvalid(Exception):
    """A confirmation link that was not made by us, or no longer applies."""


class TokenExpired(Exception):
    """A confirmation link older than CONFIRM_DAYS."""


def normalise_email(email: str) -> str:
    """One spelling per address: no surrounding spaces, lower case."""
    return email.strip().lower()


def confirmation_token(subscriber: Subscriber) -> str:
    """A signed link token for this request; a newer request replaces it."""
    return signing.dumps(
        {"s": subscriber.pk, "r": subscriber.requested_at.timestamp()},
        salt=CONFIRM_SALT,
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirm_url(subscriber: Subscriber) -> str:
    return absolute_url(
        reverse("newsletter:confirm", args=[confirmation_token(subscriber)])
    )


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute_url(reverse("newsletter:unsubscribe", args=[subscriber.token]))


def _rate_limited(key: str) -> bool:
    cache_key = f"newsletter:subscribe:{key}"
    count = int(cache.get(cache_key, 0))
    if count >= getattr(settings, "NEWSLETTER_REQUESTS_PER_HOUR", REQUESTS_PER_HOUR):
        return True
    cache.set(cache_key, count + 1, 3600)
    return False


def _send_confirmation(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    _send_or_log(
        subscriber,
        build_mail(
            to=[subscriber.email],
            subject=lambda: str(
                _("Confirm your subscription to the Buurtwijs newsletter")
            ),
            template="newsletter/mail/confirm",
            context={
                "subscriber": subscriber,
                "confirm_url": confirm_url(subscriber),
                "days": CONFIRM_DAYS,
            },
            language=subscriber.language,
        ),
    )


def _send_already_subscribed(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    _send_or_log(
        subscriber,
        build_mail(
            to=[subscriber.email],
            subject=lambda: str(
                _("You are already subscribed to the Buurtwijs newsletter")
            ),
            template="newsletter/mail/already_subscribed",
            context={
                "subscriber": subscriber,
                "unsubscribe_url": unsubscribe_url(subscriber),
            },
            language=subscriber.language,
        ),
    )


def _send_or_log(subscriber: Subscriber, mail: EmailMultiAlternatives) -> None:
    """Send after the commit; a mail server that is down must not break the page.

    The request is stored either way; clearing the "mail sent" time lets the
    person ask again at once instead of waiting RESEND_MINUTES.
    """
    try:
        mail.send()
    except Exception:  # noqa: BLE001 - any backend error; logged, retry allowed
        logger.exception("Newsletter mail to subscriber %s failed", subscriber.pk)
        Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=None)


@transaction.atomic
def subscription_request(
    *,
    email: str,
    name: str,
    themes: Iterable[Theme],
    language: str,
    consent_text: str,
    client: str,
) -> None:
    """Ask for the newsletter; the address's owner gets a mail, the page says the same.

    Whether the address was new, waiting or already subscribed is never told on the
    page (a stranger could type anyone's address): the owner finds out by mail.
    A confirmed subscription is not changed by a request; only its owner can.
    """
    if _rate_limited(client):
        raise SubscriptionRefused(
            _(
                "We received many subscriptions from your connection in the past "
                "hour. Nothing was sent; please try again later."
            )
        )
    now = timezone.now()
    address = normalise_email(email)
    subscriber = Subscriber.objects.select_for_update().filter(email=address).first()
    if subscriber is None:
        subscriber, _created = Subscriber.objects.get_or_create(
            email=address,
            defaults={
                "name": name,
                "language": mail_language(language),
                "consent_text": consent_text,
                "requested_at": now,
            },
        )
    recently = subscriber.confirmation_sent_at and (
        now - subscriber.confirmation_sent_at < timedelta(minutes=RESEND_MINUTES)
    )
    if recently:
        return
    if subscriber.status == Subscriber.Status.CONFIRMED:
        send = _send_already_subscribed
    else:
        # Waiting or unsubscribed: this request is the one to confirm.
        subscriber.name = name
        subscriber.language = mail_language(language)
        subscriber.consent_text = consent_text
        subscriber.requested_at = now
        subscriber.themes.set(themes)
        send = _send_confirmation
    subscriber.confirmation_sent_at = now
    subscriber.save(
        update_fields=[
            "name",
            "language",
            "consent_text",
            "requested_at",
            "confirmation_sent_at",
        ]
    )
    subscriber_id = subscriber.pk
    transaction.on_commit(lambda: send(subscriber_id))


def subscription_check_token(*, token: str) -> Subscriber:
    """The subscriber a confirmation link belongs to; raises if it is not valid."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=timedelta(days=CONFIRM_DAYS)
        )
    except signing.SignatureExpired:
        raise TokenExpired from None
    except signing.BadSignature:
        raise TokenInvalid from None
    if not isinstance(data, dict):
        raise TokenInvalid
    subscriber_id = data.get("s")
    if not isinstance(subscriber_id, int):
        raise TokenInvalid
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None or subscriber.requested_at.timestamp() != data.get("r"):
        raise TokenInvalid
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        raise TokenInvalid
    return subscriber


@transaction.atomic
def subscription_confirm(*, token: str) -> tuple[Subscriber, bool]:
    """Confirm a subscription by its link; says whether it was confirmed before."""
    subscriber = subscription_check_token(token=token)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber, True
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    return subscriber, False


@transaction.atomic
def subscriber_unsubscribe(*, token: str) -> bool:
    """Unsubscribe by the link in a mail; False if it was done before.

    Raises Subscriber.DoesNotExist for a link that was never ours.
    """
    subscriber = Subscriber.objects.select_for_update().get(token=token)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return False
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    return True


# Issues -----------------------------------------------------------------------------


def _check_draft(issue: Issue) -> None:
    if issue.status != Issue.Status.DRAFT:
        raise ValidationError(
            _("This issue has already been sent and can no longer be changed.")
        )


@transaction.atomic
def issue_save(
    *,
    issue: Issue | None,
    subject: str,
    intro: str,
    subject_en: str,
    intro_en: str,
    themes: Iterable[Theme],
    pages: Iterable[Page],
    user: User,
) -> Issue:
    """Create or change a draft issue with the pages it points to, in this order."""
    if issue is None:
        issue = Issue(created_by=user)
    else:
        _check_draft(issue)
    issue.subject = subject
    issue.intro = intro
    issue.subject_en = subject_en
    issue.intro_en = intro_en
    if issue.pk is None:
        issue.save()
    else:
        issue.save(update_fields=["subject", "intro", "subject_en", "intro_en"])
    issue.themes.set(themes)
    issue.items.all().delete()
    IssueItem.objects.bulk_create(
        IssueItem(issue=issue, page=page, position=position)
        for position, page in enumerate(pages)
    )
    return issue


class NewsletterMail(EmailMultiAlternatives):
    """A mail whose List-Unsubscribe address stays readable for mail programs.

    Python folds a header value longer than 78 characters without spaces by
    encoding it (RFC 2047), which mail programs do not decode in List-Unsubscribe.
    Headers may be up to 998 characters (RFC 5322); the body was already encoded
    with the normal limit when the message was built.
    """

    def message(self, *, policy: Any = email.policy.default) -> Any:
        msg = super().message(policy=policy)
        msg.policy = msg.policy.clone(max_line_length=998)
        return msg


def issue_build_mail(
    *,
    issue: Issue,
    to: str,
    language: str,
    unsubscribe: str,
    items: list[dict[str, Any]] | None = None,
    connection: Any = None,
    test: bool = False,
) -> EmailMultiAlternatives:
    """One issue as a mail with text and HTML parts and one-click unsubscribe."""
    language = mail_language(language)
    if items is None:
        items = issue_items_for_mail(issue=issue, language=language)
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": "Buurtwijs <nieuwsbrief.buurtwijs>",
    }
    subject = issue.subject_for(language)
    built = build_mail(
        to=[to],
        subject=(lambda: f"[{_('Test')}] {subject}") if test else subject,
        template="newsletter/mail/issue",
        context={
            "issue": issue,
            "subject": subject,
            "intro": issue.intro_for(language),
            "items": items,
            "unsubscribe_url": unsubscribe,
            "test": test,
        },
        language=language,
        headers=headers,
    )
    return NewsletterMail(
        subject=built.subject,
        body=built.body,
        to=built.to,
        headers=built.extra_headers,
        alternatives=built.alternatives,
        connection=connection,
    )


def issue_send_test(*, issue: Issue, user: User) -> None:
    """Send the issue to the editor's own address now, marked as a test.

    Nothing is written, so the mail goes at once and a failure is told to the
    editor (ValidationError) instead of ending in an error page after the commit.
    """
    language = mail_language(user.language)
    mail = issue_build_mail(
        issue=issue,
        to=user.email,
        language=language,
        unsubscribe=absolute_url(reverse("newsletter:subscribe")),
        test=True,
    )
    try:
        mail.send()
    except Exception as error:  # noqa: BLE001 - told to the editor
        raise ValidationError(
            _("The test could not be sent: %(error)s") % {"error": error}
        ) from error


@transaction.atomic
def issue_send(*, issue: Issue, user: User) -> int:
    """Start sending: one delivery row per recipient now, the mails by the worker."""
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    _check_draft(issue)
    recipient_ids = list(issue_recipients(issue).values_list("pk", flat=True))
    if not recipient_ids:
        raise ValidationError(
            _("There are no confirmed subscribers for this issue yet; it was not sent.")
        )
    if not issue.items.exists() and not issue.intro.strip():
        raise ValidationError(_("An empty issue cannot be sent."))
    Delivery.objects.bulk_create(
        (Delivery(issue=issue, subscriber_id=pk) for pk in recipient_ids),
        batch_size=1000,
        ignore_conflicts=True,
    )
    issue.status = Issue.Status.SENDING
    issue.send_started_at = timezone.now()
    issue.save(update_fields=["status", "send_started_at"])
    issue_id = issue.pk
    transaction.on_commit(lambda: _enqueue_batch(issue_id))
    return len(recipient_ids)


def _enqueue_batch(issue_id: int, run_after: datetime | None = None) -> None:
    from buurtwijs.newsletter.tasks import issue_send_batch_task

    if run_after is None:
        issue_send_batch_task.enqueue(issue_id)
    else:
        issue_send_batch_task.using(run_after=run_after).enqueue(issue_id)


def _claim(delivery_id: int) -> bool:
    """Move one delivery from pending to sending; False if another run has it."""
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claimed_at=timezone.now()
        )
    )


def issue_send_batch(*, issue_id: int) -> int:
    """Send the next batch of an issue's mails; returns how many went out.

    Runs outside a transaction on purpose: each state change commits at once.
    The next batch is queued before this one starts, so a worker that stops
    half-way finds it waiting when it is started again. Per delivery:

    1. pending → sending (conditional update: only one run can win it),
    2. hand the mail to the mail server,
    3. sending → sent.

    A stop between 2 and 3 leaves one delivery "sending"; it is never sent again
    (after STALE_SECONDS it is marked uncertain), so nobody gets an issue twice.
    The price: a stop between 1 and 2 means that one subscriber gets no mail.
    At most one subscriber per stopped run is in that window.
    """
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != Issue.Status.SENDING:
        return 0
    size = getattr(settings, "NEWSLETTER_BATCH_SIZE", BATCH_SIZE)
    batch = list(
        Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING)
        .select_related("subscriber")
        .order_by("pk")[:size]
    )
    if not batch:
        _issue_finish(issue)
        return 0
    _enqueue_batch(issue.pk)
    items = {
        language: issue_items_for_mail(issue=issue, language=language)
        for language in {mail_language(d.subscriber.language) for d in batch}
    }
    sent = 0
    connection = open_connection()
    try:
        for delivery in batch:
            subscriber = delivery.subscriber
            if subscriber.status != Subscriber.Status.CONFIRMED:
                Delivery.objects.filter(
                    pk=delivery.pk, status=Delivery.Status.PENDING
                ).update(status=Delivery.Status.SKIPPED)
                continue
            if not _claim(delivery.pk):
                continue
            language = mail_language(subscriber.language)
            mail = issue_build_mail(
                issue=issue,
                to=subscriber.email,
                language=language,
                unsubscribe=unsubscribe_url(subscriber),
                items=items[language],
                connection=connection,
            )
            try:
                mail.send()
            except Exception as error:  # noqa: BLE001 - recorded, the batch goes on
                logger.warning(
                    "Newsletter %s to %s failed: %s", issue.pk, delivery.pk, error
                )
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.Status.FAILED, error=str(error)[:300]
                )
                continue
            # One update per mail, on purpose: marking a whole batch at the end would
            # resend everything before a stop.
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.SENT, sent_at=timezone.now()
            )
            sent += 1
    finally:
        connection.close()
    return sent


def _issue_finish(issue: Issue) -> None:
    """Close an issue whose deliveries are all done; wait for runs still busy."""
    stale = getattr(settings, "NEWSLETTER_STALE_SECONDS", STALE_SECONDS)
    cutoff = timezone.now() - timedelta(seconds=stale)
    Delivery.objects.filter(
        issue=issue, status=Delivery.Status.SENDING, claimed_at__lte=cutoff
    ).update(status=Delivery.Status.UNCERTAIN)
    if Delivery.objects.filter(issue=issue, status=Delivery.Status.SENDING).exists():
        # Another run may still be sending; look again once it would be stale.
        _enqueue_batch(issue.pk, run_after=timezone.now() + timedelta(seconds=stale))
        return
    Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(
        status=Issue.Status.SENT, sent_at=timezone.now()
    )


@transaction.atomic
def issue_retry_failed(*, issue: Issue) -> int:
    """Queue the deliveries the mail server refused once more; returns how many."""
    count = Delivery.objects.filter(issue=issue, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.PENDING, error=""
    )
    if count:
        Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)
        issue_id = issue.pk
        transaction.on_commit(lambda: _enqueue_batch(issue_id))
    return count
