"""Writes of the events app: registering, cancelling, the waiting list, reminders."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from buurtwijs.core.mail import send_templated_mail
from buurtwijs.events.models import EventPage, Registration
from buurtwijs.events.selectors import event_places

# A visitor's browser or network address may register this often in an hour.
REGISTRATIONS_PER_HOUR = 10
# Reminders go out this long before an event starts.
REMINDER_BEFORE = timedelta(days=1)
# A reminder task that runs this much too early (the event was moved) waits again.
_REMINDER_SLACK = timedelta(hours=1)
_CANCEL_SALT = "buurtwijs.events.cancel"


class RegistrationRefused(Exception):
    """A registration or cancellation that was not done, with the reason to show."""

    def __init__(
        self, message: Any, *, code: str, registration: Registration | None = None
    ) -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.code = code
        self.registration = registration


@dataclass(frozen=True)
class RegistrationResult:
    """The stored registration, and whether it is on the waiting list."""

    registration: Registration

    @property
    def waiting(self) -> bool:
        return self.registration.status == Registration.Status.WAITING


def cancel_token(registration: Registration) -> str:
    """The signed token of a registration's cancellation link (the same every time)."""
    signer = signing.Signer(salt=_CANCEL_SALT)
    return signer.sign_object([registration.pk, registration.nonce])


def absolute_url(path: str) -> str:
    """A path of the site as a full address, for mails and calendars."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _lock_event(event: EventPage) -> None:
    # One registration or cancellation per event at a time, so two people cannot
    # both take the last place (PostgreSQL; SQLite serialises writes anyway).
    list(Page.objects.select_for_update().filter(pk=event.pk).values_list("pk"))


def _rate_limited(key: str) -> bool:
    limit = getattr(settings, "EVENT_REGISTRATIONS_PER_HOUR", REGISTRATIONS_PER_HOUR)
    since = timezone.now() - timedelta(hours=1)
    recent = Registration.objects.filter(client_key=key, created_at__gte=since)
    return recent.count() >= limit


def _refuse_duplicate(existing: Registration) -> RegistrationRefused:
    if existing.status == Registration.Status.WAITING:
        message = _(
            "This e-mail address is already on the waiting list for this event. "
            "You were not added a second time; we mail you when a place comes free."
        )
    else:
        message = _(
            "This e-mail address is already registered for this event. You were not "
            "registered a second time; the confirmation mail has the link to cancel."
        )
    return RegistrationRefused(message, code="duplicate", registration=existing)


@transaction.atomic
def registration_create(
    *,
    event: EventPage,
    name: str,
    email: str,
    language: str,
    user: Any = None,
    consent_text: str = "",
    client_key: str = "",
) -> RegistrationResult:
    """Register someone for an event, or put them on the waiting list when it is full.

    One registration per event per e-mail address (in any capitals): a second one
    is refused with the reason. Who cancelled earlier may register again; they get a
    new cancellation link. The confirmation mail and the reminder task follow the
    commit.
    """
    email = email.strip()
    now = timezone.now()
    if event.starts_at <= now:
        raise RegistrationRefused(
            _(
                "This event has already taken place, so you can no longer register. "
                "Your registration was not stored."
            ),
            code="past",
        )
    if not (event.live and event.registration_open):
        raise RegistrationRefused(
            _(
                "Registration for this event is closed. Your registration was not "
                "stored."
            ),
            code="closed",
        )
    if user is None and client_key and _rate_limited(client_key):
        raise RegistrationRefused(
            _(
                "There have been many registrations from your connection in the past "
                "hour. Your registration was not stored; please try again later."
            ),
            code="rate_limited",
        )
    _lock_event(event)
    existing = Registration.objects.filter(event=event, email__iexact=email).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        raise _refuse_duplicate(existing)
    status = (
        Registration.Status.WAITING
        if event_places(event=event).full
        else Registration.Status.CONFIRMED
    )
    fields = {
        "user": user,
        "name": name,
        "email": email,
        "status": status,
        "language": language[:5],
        "nonce": secrets.token_hex(16),
        "consent_text": consent_text,
        "consent_at": now if consent_text else None,
        "client_key": client_key,
        "promoted_at": None,
        "cancelled_at": None,
        "reminded_at": None,
    }
    if existing is not None:
        for field, value in fields.items():
            setattr(existing, field, value)
        # Back of the queue: the waiting list goes by the moment of registering.
        existing.created_at = now
        existing.save(update_fields=[*fields, "created_at"])
        registration = existing
    else:
        try:
            with transaction.atomic():
                registration = Registration.objects.create(event=event, **fields)
        except IntegrityError:
            # Someone sent the same address at the same moment.
            raise _refuse_duplicate(
                Registration.objects.get(event=event, email__iexact=email)
            ) from None
    registration.event = event
    transaction.on_commit(lambda: _mail(registration, _mail_kind(registration)))
    if status == Registration.Status.CONFIRMED:
        _schedule_reminder(registration)
    return RegistrationResult(registration=registration)


def _mail_kind(registration: Registration) -> str:
    if registration.status == Registration.Status.WAITING:
        return "registration_waiting"
    return "registration_confirmed"


def registration_from_token(*, token: str) -> Registration:
    """The registration a cancellation link is for, or the reason it cannot cancel."""
    try:
        pk, nonce = signing.Signer(salt=_CANCEL_SALT).unsign_object(token)
        registration = (
            Registration.objects.select_related("event").filter(pk=int(pk)).first()
        )
    except (signing.BadSignature, TypeError, ValueError):
        registration = None
        nonce = None
    if registration is None:
        raise RegistrationRefused(
            _(
                "This cancellation link is not valid. Copy the whole link from the "
                "confirmation mail, or contact the organisers."
            ),
            code="invalid",
        )
    if registration.nonce != nonce:
        raise RegistrationRefused(
            _(
                "This cancellation link is no longer valid, because you registered "
                "again afterwards. Use the link in your latest confirmation mail."
            ),
            code="replaced",
            registration=registration,
        )
    if registration.status == Registration.Status.CANCELLED:
        raise RegistrationRefused(
            _("This registration has already been cancelled. Nothing has changed."),
            code="used",
            registration=registration,
        )
    if registration.event.starts_at <= timezone.now():
        raise RegistrationRefused(
            _(
                "This event has already started, so the registration can no longer "
                "be cancelled."
            ),
            code="past",
            registration=registration,
        )
    return registration


@transaction.atomic
def registration_cancel(*, token: str) -> Registration:
    """Cancel the registration of a cancellation link; promote from the waiting list."""
    registration = registration_from_token(token=token)
    event = registration.event
    _lock_event(event)
    cancelled = Registration.objects.filter(
        pk=registration.pk, nonce=registration.nonce
    ).exclude(status=Registration.Status.CANCELLED)
    if not cancelled.update(
        status=Registration.Status.CANCELLED, cancelled_at=timezone.now()
    ):
        # A second click that arrived while the first one was being handled.
        return registration_from_token(token=token)
    registration.refresh_from_db()
    event_waiting_list_fill(event=event)
    return registration


@transaction.atomic
def event_waiting_list_fill(*, event: EventPage) -> list[Registration]:
    """Give free places to the first people on the waiting list and mail them."""
    if event.starts_at <= timezone.now():
        return []
    _lock_event(event)
    places = event_places(event=event)
    free = places.left if places.left is not None else places.waiting
    if free <= 0 or places.waiting == 0:
        return []
    promoted = list(
        event.registrations.filter(status=Registration.Status.WAITING).order_by(
            "created_at", "pk"
        )[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = now
        registration.event = event
    Registration.objects.bulk_update(promoted, ["status", "promoted_at"])
    for registration in promoted:
        transaction.on_commit(
            lambda registration=registration: _mail(  # type: ignore[misc]
                registration, "registration_promoted"
            )
        )
        _schedule_reminder(registration)
    return promoted


def _schedule_reminder(registration: Registration) -> None:
    """Enqueue the reminder for the day before, after the commit.

    Who registers less than a day before the start gets no separate reminder: the
    confirmation has just told them everything.
    """
    from buurtwijs.events.tasks import registration_remind_task

    run_after = registration.event.starts_at - REMINDER_BEFORE
    if run_after <= timezone.now():
        return
    starts_at = registration.event.starts_at.isoformat()
    transaction.on_commit(
        lambda: registration_remind_task.using(run_after=run_after).enqueue(
            registration_id=registration.pk, starts_at=starts_at
        )
    )


def registration_remind(
    *, registration_id: int, scheduled_for: datetime | None = None
) -> bool:
    """Mail the reminder of one registration, at most once; say whether it went.

    `scheduled_for` is the start time the reminder was planned for: when the event
    has since moved to a later date, the reminder waits for the new date. The task
    may also run late (the worker was down); a registration that was cancelled or
    already reminded gets nothing.
    """
    registration = (
        Registration.objects.select_related("event").filter(pk=registration_id).first()
    )
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return False
    event = registration.event
    now = timezone.now()
    if registration.reminded_at or not event.live or event.starts_at <= now:
        return False
    if scheduled_for is not None and event.starts_at > scheduled_for + _REMINDER_SLACK:
        _schedule_reminder(registration)
        return False
    # Claim the reminder first, so two workers never both send it.
    claimed = Registration.objects.filter(
        pk=registration.pk,
        reminded_at__isnull=True,
        status=Registration.Status.CONFIRMED,
    ).update(reminded_at=now)
    if not claimed:
        return False
    _mail(registration, "registration_reminder")
    return True


def reminders_send_due() -> int:
    """Send every reminder that is due and not sent yet; safe to run at any moment."""
    now = timezone.now()
    due = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__live=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_BEFORE,
    ).values_list("pk", flat=True)
    return sum(registration_remind(registration_id=pk) for pk in list(due))


_SUBJECTS = {
    "registration_confirmed": _("You are registered: %(title)s"),
    "registration_waiting": _("You are on the waiting list: %(title)s"),
    "registration_promoted": _("A place came free for you: %(title)s"),
    "registration_reminder": _("Reminder: %(title)s"),
}


def _mail(registration: Registration, kind: str) -> None:
    event = registration.event
    event_path = event.get_url() or "/"
    send_templated_mail(
        to=[registration.email],
        subject=lambda: str(_SUBJECTS[kind]) % {"title": event.title},
        template=f"events/mail/{kind}",
        context={
            "registration": registration,
            "event": event,
            "event_url": absolute_url(event_path),
            "cancel_url": absolute_url(
                reverse("events:cancel", args=[cancel_token(registration)])
            ),
            "ics_url": absolute_url(reverse("events:event_ics", args=[event.pk])),
        },
        language=registration.language,
    )
