"""The events section, an event page, registering, the confirmation and cancelling."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from buurtwijs.accounts.models import User
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.events.models import Registration
from buurtwijs.events.selectors import PAST_PAGE_SIZE
from buurtwijs.events.services import cancel_token, registration_create
from buurtwijs.events.tests.factories import make_event, visitor_form

pytestmark = pytest.mark.django_db


def text(response) -> str:  # noqa: ANN001
    return response.content.decode()


def test_section_lists_upcoming_soonest_first_and_past_most_recent_first(
    client: Client, django_assert_max_num_queries
) -> None:
    now = timezone.now()
    make_event(title="Over een maand", starts_at=now + timedelta(days=30))
    make_event(title="Volgende week", starts_at=now + timedelta(days=7), capacity=3)
    make_event(title="Vorig jaar", starts_at=now - timedelta(days=365))
    make_event(title="Vorige week", starts_at=now - timedelta(days=7))
    for number in range(8):
        make_event(
            starts_at=now + timedelta(days=40 + number),
            online_url="https://meet.example.org/x",
            initiative=InitiativeFactory.create(),
        )

    with django_assert_max_num_queries(12):
        html = text(client.get("/evenementen/"))

    upcoming, past = html.split("Eerdere evenementen")
    assert upcoming.index("Volgende week") < upcoming.index("Over een maand")
    assert past.index("Vorige week") < past.index("Vorig jaar")
    assert "nog 3 plekken vrij" in upcoming
    assert "/evenementen/agenda.ics" in html


def test_past_events_are_paginated(client: Client) -> None:
    now = timezone.now()
    for number in range(PAST_PAGE_SIZE + 1):
        make_event(
            title=f"Oud evenement {number:02d}",
            starts_at=now - timedelta(days=10 + number),
        )

    first = text(client.get("/evenementen/"))
    second = text(client.get("/evenementen/?pagina=2"))

    assert "Oud evenement 00" in first and "Oud evenement 12" not in first
    assert "Oud evenement 12" in second
    assert "Pagina 2 van 2" in second


def test_event_page_shows_dutch_date_places_initiative_and_calendar_link(
    client: Client,
) -> None:
    initiative = InitiativeFactory.create(name="Buurtcoöperatie Oog in Al")
    event = make_event(
        title="Werkplaats buurtbudget",
        starts_at=datetime(2031, 3, 6, 18, 30, tzinfo=UTC),
        ends_at=datetime(2031, 3, 6, 21, 0, tzinfo=UTC),
        capacity=10,
        audience="Bewonersinitiatieven",
        initiative=initiative,
    )
    registration_create(event=event, name="A", email="a@voorbeeld.nl", language="nl")

    html = text(client.get(event.url))

    assert "donderdag 6 maart 2031, 19:30" in html  # Amsterdam time
    assert "22:00" in html
    assert "nog 9 van de 10 plekken vrij" in html
    assert "Bewonersinitiatieven" in html
    assert initiative.get_absolute_url() in html
    assert f"/evenementen/{event.pk}/evenement.ics" in html
    assert 'name="email"' in html
    assert "a@voorbeeld.nl" not in html  # nobody's address is ever shown


def test_visitor_registers_and_sees_the_confirmation(
    client: Client, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = make_event(title="Leersessie buurtbudget")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/evenementen/{event.pk}/aanmelden/", visitor_form())

    assert response.status_code == 302
    assert response["Location"] == f"/evenementen/{event.pk}/aangemeld/"
    page = text(client.get(response["Location"]))
    assert "Je bent aangemeld" in page
    assert "Leersessie buurtbudget" in page
    registration = Registration.objects.get()
    assert registration.consent_text.startswith("Ik ga ermee akkoord")
    assert registration.language == "nl"
    assert len(mailoutbox) == 1


def test_registering_twice_shows_a_clear_message_and_stores_one_row(
    client: Client,
) -> None:
    event = make_event()
    client.post(f"/evenementen/{event.pk}/aanmelden/", visitor_form())

    response = client.post(
        f"/evenementen/{event.pk}/aanmelden/",
        visitor_form(email="FATIMA@voorbeeld.nl"),
    )

    assert response.status_code == 409
    assert "Dit e-mailadres is al aangemeld voor dit evenement" in text(response)
    assert Registration.objects.count() == 1


def test_full_event_says_you_are_on_the_waiting_list(client: Client) -> None:
    event = make_event(capacity=1)
    registration_create(
        event=event, name="Eerste", email="eerste@voorbeeld.nl", language="nl"
    )
    assert "Zet me op de wachtlijst" in text(client.get(event.url))

    response = client.post(
        f"/evenementen/{event.pk}/aanmelden/", visitor_form(), follow=True
    )

    html = text(response)
    assert "Je staat op de wachtlijst" in html
    assert "op nummer 1" in html
    assert Registration.objects.get(email="fatima@voorbeeld.nl").status == "waiting"


def test_past_event_has_no_form_and_refuses_a_late_form(client: Client) -> None:
    event = make_event(starts_at=timezone.now() - timedelta(days=1))

    page = text(client.get(event.url))
    response = client.post(f"/evenementen/{event.pk}/aanmelden/", visitor_form())

    assert 'name="email"' not in page
    assert "Dit evenement is geweest" in page
    assert response.status_code == 409
    assert "Dit evenement is al geweest" in text(response)
    assert not Registration.objects.exists()


def test_invalid_form_and_bot_get_a_message_and_nothing_is_stored(
    client: Client,
) -> None:
    event = make_event()
    url = f"/evenementen/{event.pk}/aanmelden/"

    empty = client.post(url, {"email": "geen-adres"})
    bot = client.post(url, visitor_form(website_url="http://spam.example"))

    assert empty.status_code == 400
    assert "Voer een geldig e-mailadres in" in text(empty)
    assert bot.status_code == 400
    assert not Registration.objects.exists()


def test_member_registers_with_one_click_from_the_account(
    member: User, client_for
) -> None:
    event = make_event()
    client = client_for(member)

    assert 'name="email"' not in text(client.get(event.url))
    response = client.post(f"/evenementen/{event.pk}/aanmelden/", follow=True)

    registration = Registration.objects.get()
    assert (registration.user, registration.email, registration.name) == (
        member,
        member.email,
        "Anouk Jansen",
    )
    assert "Je bent aangemeld" in text(response)
    assert "Mijn aanmelding annuleren" in text(client.get(event.url))
    again = client.post(f"/evenementen/{event.pk}/aanmelden/", follow=True)
    assert "al aangemeld" in text(again)
    assert Registration.objects.count() == 1


def test_cancel_link_asks_then_cancels_and_a_second_use_says_so(
    client: Client,
) -> None:
    event = make_event(title="Werkplaats")
    registration = registration_create(
        event=event, name="Fatima", email="fatima@voorbeeld.nl", language="nl"
    ).registration
    url = f"/evenementen/afmelden/{cancel_token(registration)}/"

    ask = client.get(url)
    assert "Ja, meld me af" in text(ask)
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET (mail scanners) changes nothing

    done = client.post(url, follow=True)
    assert "Je aanmelding voor “Werkplaats” is afgemeld" in text(done)
    registration.refresh_from_db()
    assert registration.status == "cancelled"

    again = client.post(url)
    assert again.status_code == 200
    assert "Deze aanmelding is al afgemeld" in text(again)


def test_forged_cancel_link_gets_a_clear_message(client: Client) -> None:
    response = client.get("/evenementen/afmelden/WzEsImFiYyJd:vervalst/")
    posted = client.post("/evenementen/afmelden/zomaar/")

    assert response.status_code == 400
    assert "Deze afmeldlink is niet geldig" in text(response)
    assert posted.status_code == 400


def test_confirmation_page_without_a_registration_goes_to_the_event(
    client: Client,
) -> None:
    event = make_event()
    response = client.get(f"/evenementen/{event.pk}/aangemeld/")
    assert response.status_code == 302
    assert response["Location"] == event.url


def test_unknown_and_draft_events_are_not_found(client: Client) -> None:
    draft = make_event()
    draft.unpublish()
    for url in (
        "/evenementen/999999/aanmelden/",
        f"/evenementen/{draft.pk}/aanmelden/",
        f"/evenementen/{draft.pk}/evenement.ics",
    ):
        assert client.post(url, visitor_form()).status_code in (404, 405)
        assert client.get(url).status_code == 404
