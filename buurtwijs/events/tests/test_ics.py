"""Calendar files read back with the icalendar library, as a calendar app would."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_event_ics_holds_the_event(client: Client) -> None:
    event = make_event(
        title="Webinar: de energiecoöperatie",
        starts_at=datetime(2031, 5, 1, 10, 0, tzinfo=UTC),
        ends_at=datetime(2031, 5, 1, 11, 30, tzinfo=UTC),
        location="",
        online_url="https://meet.example.org/energie",
    )

    response = client.get(f"/evenementen/{event.pk}/evenement.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    [item] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(item["SUMMARY"]) == "Webinar: de energiecoöperatie"
    assert item.decoded("DTSTART") == event.starts_at
    assert item.decoded("DTEND") == event.ends_at
    assert str(item["LOCATION"]) == "https://meet.example.org/energie"
    assert str(item["URL"]).endswith(event.url)
    host = urlparse(settings.SITE_URL).hostname
    assert str(item["UID"]) == f"event-{event.pk}@{host}"


def test_feed_lists_upcoming_events_not_old_ones(client: Client) -> None:
    now = timezone.now()
    make_event(title="Komend", starts_at=now + timedelta(days=3))
    make_event(title="Lang geleden", starts_at=now - timedelta(days=400))

    response = client.get("/evenementen/agenda.ics")

    calendar = Calendar.from_ical(response.content)
    titles = [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")]
    assert titles == ["Komend"]
    assert str(calendar["X-WR-CALNAME"]) == "Evenementen van Buurtwijs"
