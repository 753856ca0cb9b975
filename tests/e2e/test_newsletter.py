"""The newsletter in a real browser: subscribing, the mail's confirmation link,
unsubscribing (twice), and the errors, each page checked with axe-core."""

import re
from urllib.parse import urlparse

from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Page, expect

from buurtwijs.newsletter.models import Subscriber
from tests.e2e.axe import assert_accessible


def _path(url: str) -> str:
    return urlparse(url).path


def test_subscribe_confirm_and_unsubscribe(page: Page, mailoutbox: list) -> None:
    cache.clear()
    page.goto("/nieuwsbrief/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Aanmelden voor de nieuwsbrief"
    )
    assert_accessible(page)

    # an invalid address: a clear message, nothing stored
    page.get_by_label("Je e-mailadres").fill("lotte@@voorbeeld")
    page.get_by_label("Ik wil de nieuwsbrief van Buurtwijs").check()
    page.wait_for_timeout(3_100)  # a person takes longer than the time trap
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    expect(page.locator(".bw-error-summary[role=alert]")).to_contain_text(
        "geen geldig e-mailadres"
    )
    expect(page.get_by_label("Je e-mailadres")).to_have_attribute(
        "aria-invalid", "true"
    )
    assert_accessible(page)
    assert not Subscriber.objects.exists()

    # a valid one, with a name and a theme
    page.get_by_label("Je e-mailadres").fill("lotte@voorbeeld.nl")
    page.get_by_label("Je naam").fill("Lotte de Vries")
    page.locator("input[name=themes]").first.check()
    page.get_by_label("Ik wil de nieuwsbrief van Buurtwijs").check()
    page.wait_for_timeout(3_100)
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden").click()
    assert _path(page.url) == "/nieuwsbrief/controleer-je-mail/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je mailbox")
    assert_accessible(page)

    # the confirmation link from the mail
    [message] = mailoutbox
    assert message.to == ["lotte@voorbeeld.nl"]
    link = re.search(r"/nieuwsbrief/bevestigen/[^/\s]+/", str(message.body))
    assert link
    page.goto(link.group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je aanmelding")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Ja, stuur mij de nieuwsbrief").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelding bevestigd")
    assert_accessible(page)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None

    # unsubscribing, then the same link once more
    page.goto(f"/nieuwsbrief/afmelden/{subscriber.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Afmelden voor de nieuwsbrief"
    )
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Afmelden").click()
    expect(page.locator("main")).to_contain_text("Je bent afgemeld")
    assert_accessible(page)
    page.goto(f"/nieuwsbrief/afmelden/{subscriber.token}/")
    expect(page.locator("main")).to_contain_text("Je was al afgemeld")
    assert_accessible(page)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert mail.outbox == mailoutbox


def test_a_forged_confirmation_link_says_so(page: Page) -> None:
    response = page.goto("/nieuwsbrief/bevestigen/vervalst:123/")

    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze link werkt niet")
    expect(page.locator("main")).to_contain_text("niet geldig")
    assert_accessible(page)
