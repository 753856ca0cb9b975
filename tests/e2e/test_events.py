"""Events in a real browser: the list, an event, registering, the clear message for
a second registration, the waiting list; every page checked with axe-core."""

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from buurtwijs.events.models import EventPage, Registration
from buurtwijs.events.services import registration_create
from buurtwijs.events.tests.factories import make_event
from tests.e2e.axe import assert_accessible


@pytest.fixture
def event(transactional_db: None) -> EventPage:
    make_event(
        title="Congres van vorig jaar",
        starts_at=timezone.now() - timedelta(days=300),
    )
    return make_event(
        title="Werkplaats: een buurtcoöperatie starten",
        starts_at=timezone.now() + timedelta(days=12),
        capacity=2,
        audience="Bewonersgroepen die een coöperatie overwegen.",
        programme="<ul><li>Statuten</li><li>Ledenwerving</li></ul>",
    )


def fill_in(page: Page, name: str, email: str) -> None:
    page.get_by_label("Je naam").fill(name)
    page.get_by_label("Je e-mailadres").fill(email)
    page.get_by_label("Ik ga ermee akkoord", exact=False).check()
    page.wait_for_timeout(3_100)  # a person takes longer than the time trap


def test_visitor_registers_and_a_second_registration_is_told_clearly(
    page: Page, event: EventPage, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/evenementen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Evenementen")
    expect(page.get_by_role("heading", name="Komende evenementen")).to_be_visible()
    expect(page.get_by_role("heading", name="Eerdere evenementen")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "events")

    page.get_by_role("link", name=event.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    expect(page.get_by_text("nog 2 van de 2 plekken vrij")).to_be_visible()
    assert_accessible(page)

    # sending nothing: errors, announced and linked, nothing stored
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".bw-error-summary[role=alert]")).to_be_visible()
    expect(page.get_by_label("Je naam")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert not Registration.objects.exists()

    fill_in(page, "Fatima el Amrani", "fatima@voorbeeld.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()

    assert urlparse(page.url).path == f"/evenementen/{event.pk}/aangemeld/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    expect(page.get_by_role("link", name="Zet in je agenda (.ics)")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "event-registered")

    page.goto(event.url)
    fill_in(page, "Fatima", "Fatima@Voorbeeld.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Dit e-mailadres is al aangemeld voor dit evenement"
    )
    expect(page.get_by_label("Je naam")).to_have_value("Fatima")
    assert_accessible(page)
    assert Registration.objects.count() == 1


def test_full_event_puts_the_visitor_on_the_waiting_list(
    page: Page, event: EventPage
) -> None:
    for email in ("a@voorbeeld.nl", "b@voorbeeld.nl"):
        registration_create(event=event, name="Iemand", email=email, language="nl")

    page.goto(event.url)
    expect(page.get_by_text("Dit evenement is vol.")).to_be_visible()
    fill_in(page, "Kees van Dijk", "kees@voorbeeld.nl")
    with page.expect_navigation():
        page.get_by_role("button", name="Zet me op de wachtlijst").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Je staat op de wachtlijst"
    )
    expect(page.get_by_text("op nummer 1")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(email="kees@voorbeeld.nl").status == "waiting"
