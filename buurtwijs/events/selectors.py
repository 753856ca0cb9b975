"""Reads of the events app: the lists, places left, someone's registration."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from buurtwijs.events.models import EventPage, Registration

PAST_PAGE_SIZE = 12

_CONFIRMED = Q(registrations__status=Registration.Status.CONFIRMED)
_WAITING = Q(registrations__status=Registration.Status.WAITING)


def _public_events(section: Page | None = None) -> QuerySet[EventPage]:
    events = EventPage.objects.live().public()
    if section is not None:
        events = events.child_of(section)
    return (
        events.select_related("initiative")
        .annotate(
            confirmed_count=Count("registrations", filter=_CONFIRMED),
            waiting_count=Count("registrations", filter=_WAITING),
            finishes_at=Coalesce("ends_at", "starts_at"),
        )
        .order_by("starts_at", "pk")
    )


def event_list_upcoming(*, section: Page | None = None) -> list[EventPage]:
    """Events that have not finished yet, soonest first, with their places left."""
    events = list(_public_events(section).filter(finishes_at__gte=timezone.now()))
    for event in events:
        event.places_left = (  # type: ignore[attr-defined]
            None
            if event.capacity is None
            else max(event.capacity - event.confirmed_count, 0)  # type: ignore[attr-defined]
        )
    return events


def event_list_past(
    *, section: Page | None = None, page_number: Any = None
) -> PaginatorPage:
    """One page of finished events, most recent first."""
    past = (
        _public_events(section)
        .filter(finishes_at__lt=timezone.now())
        .order_by("-starts_at", "-pk")
    )
    return Paginator(past, PAST_PAGE_SIZE).get_page(page_number)


def event_feed_items() -> list[EventPage]:
    """The events in the iCalendar feed: upcoming, and those of the past month."""
    since = timezone.now() - timedelta(days=31)
    return list(
        EventPage.objects.live()
        .public()
        .filter(starts_at__gte=since)
        .order_by("starts_at", "pk")[:500]
    )


def event_public(*, event_id: int) -> EventPage | None:
    """A live, public event by its id."""
    return (
        EventPage.objects.live()
        .public()
        .select_related("initiative")
        .filter(pk=event_id)
        .first()
    )


@dataclass(frozen=True)
class Places:
    """How many places an event has taken and left."""

    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def event_places(*, event: EventPage) -> Places:
    """Places taken, waiting and left at one event."""
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
    )
    return Places(
        confirmed=counts["confirmed"],
        waiting=counts["waiting"],
        capacity=event.capacity,
    )


def registration_for_user(*, event: EventPage, user: Any) -> Registration | None:
    """The active registration of a signed-in person (by account or address)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .filter(Q(user=user) | Q(email__iexact=user.email))
        .first()
    )


def event_registration_state(*, event: EventPage, user: Any) -> dict[str, Any]:
    """What the event page shows about registering: places, form, own registration."""
    from buurtwijs.events.forms import RegistrationForm
    from buurtwijs.events.services import cancel_token

    mine = registration_for_user(event=event, user=user)
    can_register = event.registration_open and not event.is_past
    return {
        "places": event_places(event=event),
        "can_register": can_register,
        "my_registration": mine,
        "my_cancel_token": cancel_token(mine) if mine else "",
        "form": (
            RegistrationForm()
            if can_register and not getattr(user, "is_authenticated", False)
            else None
        ),
    }


def registrations_for_export(*, event: EventPage) -> QuerySet[Registration]:
    """Every registration of an event, confirmed first, for the attendee list."""
    status_order = Case(
        When(status=Registration.Status.CONFIRMED, then=Value(0)),
        When(status=Registration.Status.WAITING, then=Value(1)),
        default=Value(2),
    )
    return event.registrations.order_by(status_order, "created_at", "pk")


def event_list_admin() -> QuerySet[EventPage]:
    """Every event (drafts too) with its registration counts, newest first."""
    return (
        EventPage.objects.all()
        .annotate(
            confirmed_count=Count("registrations", filter=_CONFIRMED),
            waiting_count=Count("registrations", filter=_WAITING),
        )
        .order_by("-starts_at", "-pk")
    )
