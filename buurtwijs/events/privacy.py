"""Personal data of events: registrations, by account or by e-mail address."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, email_matches, register
from buurtwijs.events.models import EventPage, Registration


def _registrations(user: User) -> QuerySet[Registration]:
    return Registration.objects.filter(Q(user=user) | email_matches("email", user))


def _export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "event": r.event.title,
            "starts_at": r.event.starts_at,
            "name": r.name,
            "email": r.email,
            "status": r.status,
            "language": r.language,
            "consent_text": r.consent_text,
            "consent_at": r.consent_at,
            "created_at": r.created_at,
            "cancelled_at": r.cancelled_at,
        }
        for r in _registrations(user).select_related("event").order_by("created_at")
    ]


def _erase(user: User) -> None:
    from buurtwijs.events.services import event_waiting_list_fill

    registrations = _registrations(user)
    # A place freed in an event still to come goes to the waiting list, as when
    # the person had cancelled.
    freed = list(
        EventPage.objects.filter(
            pk__in=registrations.filter(status=Registration.Status.CONFIRMED).values(
                "event_id"
            ),
            starts_at__gt=timezone.now(),
        )
    )
    registrations.delete()
    for event in freed:
        event_waiting_list_fill(event=event)


register(
    Provider(
        category="event_registrations",
        label=_("Event registrations"),
        description=_(
            "For each event you registered for: your name, e-mail address, "
            "language, status and the consent text, to keep your place and mail "
            "you about it. Deleted with your account, also registrations made "
            "with the same e-mail address without signing in; a place you held "
            "goes to the waiting list."
        ),
        fields=(
            "events.Registration.user",
            "events.Registration.name",
            "events.Registration.email",
        ),
        export=_export,
        erase=_erase,
        order=50,
    )
)
