"""Events as iCalendar (RFC 5545): one event to add, or the feed to subscribe to."""

from collections.abc import Iterable
from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from buurtwijs.events.models import EventPage


def _host() -> str:
    return urlparse(settings.SITE_URL).hostname or "buurtwijs"


def _vevent(event: EventPage, *, url: str) -> Event:
    item = Event()
    item.add("uid", f"event-{event.pk}@{_host()}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    if event.ends_at:
        item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    description = "\n\n".join(
        part for part in (event.intro, strip_tags(event.audience), url) if part
    )
    item.add("description", description)
    location = event.location or event.online_url
    if location:
        item.add("location", location)
    item.add("url", url)
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def calendar_bytes(events: Iterable[tuple[EventPage, str]], *, name: str = "") -> bytes:
    """A VCALENDAR with one VEVENT per (event, full address) pair."""
    calendar = Calendar()
    calendar.add("prodid", "-//Buurtwijs//Evenementen//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event, url in events:
        calendar.add_component(_vevent(event, url=url))
    return calendar.to_ical()
