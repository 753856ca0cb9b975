"""The demo events and the 2019 congress."""

import pytest
from django.test import Client
from django.utils import timezone

from buurtwijs.demo.events import DEMO_EVENTS, load_demo_events
from buurtwijs.demo.real import BOOK_SLUG, CONGRESS_SLUG, load_real_pages
from buurtwijs.events.models import EventPage, Registration
from buurtwijs.knowledge.models import PublicationPage

pytestmark = pytest.mark.django_db


def test_demo_events_are_varied_and_loading_twice_adds_nothing(client: Client) -> None:
    assert load_demo_events(lambda line: None) == len(DEMO_EVENTS)
    assert load_demo_events(lambda line: None) == 0

    events = EventPage.objects.live()
    now = timezone.now()
    assert events.filter(starts_at__gt=now).count() >= 6
    assert events.filter(starts_at__lt=now).count() >= 4
    assert events.exclude(online_url="").count() >= 3
    assert events.exclude(initiative=None).count() >= 0  # initiatives may be absent
    assert Registration.objects.filter(status="waiting").exists()
    assert all(event.get_parent().slug == "evenementen" for event in events)
    html = client.get("/evenementen/").content.decode()
    assert "Vol: je kunt op de wachtlijst" in html


def test_congress_is_a_past_event_that_links_the_book(client: Client) -> None:
    load_real_pages(lambda line: None)
    load_real_pages(lambda line: None)

    congress = EventPage.objects.get(slug=CONGRESS_SLUG)
    book = PublicationPage.objects.get(slug=BOOK_SLUG)
    assert congress.get_parent().slug == "evenementen"
    assert congress.is_past
    html = client.get(congress.url).content.decode()
    assert f'href="{book.url}"' in html
    assert "Dit evenement is geweest" in html
    listing = client.get("/evenementen/").content.decode()
    assert (
        "Congres Plekken van hoop en verandering"
        in listing.split("Eerdere evenementen")[1]
    )
