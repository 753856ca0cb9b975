"""Learning networks in a real browser: a member signs in, joins, starts a
conversation and replies with the keyboard; list, network and thread pages pass
axe-core."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from buurtwijs.accounts.models import User
from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread
from buurtwijs.networks.tests.factories import make_event, make_network
from tests.e2e.axe import assert_accessible


@pytest.fixture
def network(transactional_db: None) -> LearningNetwork:
    network = make_network(
        themes=("organiseren-en-financieren", "participatie-en-samenwerking")
    )
    network.meetings.add(make_event("Leerbijeenkomst coöperaties", days_from_now=12))
    make_network("Kennisnetwerk armoede en schulden", themes=("armoede-en-schulden",))
    return network


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element with this id has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == (
            element_id
        ):
            return
    raise AssertionError(f"#{element_id} never received the focus by Tab")


def test_member_joins_starts_a_conversation_and_replies_by_keyboard(
    page: Page,
    network: LearningNetwork,
    member: User,
    password: str,
    screenshot: Callable[[Page, str], None],
) -> None:
    # the list, as a visitor
    # The first page of a run may take long on a busy machine (seen: > 10 s).
    page.goto("/leernetwerken/", timeout=60_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Leernetwerken")
    expect(page.locator(".bw-card")).to_have_count(2)
    assert_accessible(page)
    screenshot(page, "networks-list")

    # the network, as a visitor: no conversations, a way in
    page.get_by_role("link", name="Leernetwerk buurtcoöperaties").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(network.name)
    expect(page.locator("main")).to_contain_text("Leerbijeenkomst coöperaties")
    expect(page.locator("main")).to_contain_text("Word lid om mee te doen")
    assert_accessible(page)

    # signing in through the form brings the member back to the network
    with page.expect_navigation():
        page.get_by_role("link", name="Log in om lid te worden").click()
    page.locator("#id_login").fill(member.email)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(network.name)

    # joining with the keyboard
    with page.expect_navigation():
        tab_to(page, "lid-worden")
        page.keyboard.press("Enter")
    expect(page.locator(".bw-messages")).to_contain_text("Welkom bij")
    assert Membership.objects.filter(network=network, user=member).exists()
    assert_accessible(page)
    screenshot(page, "networks-detail-member")

    # starting a conversation; a too long title is refused with a linked message
    with page.expect_navigation():
        tab_to(page, "nieuw-gesprek")
        page.keyboard.press("Enter")
    tab_to(page, "id_title")
    page.keyboard.type("Statuten " * 25)
    tab_to(page, "id_body")
    page.keyboard.type("Wie heeft statuten met een ledenraad?")
    with page.expect_navigation():
        tab_to(page, "plaats-gesprek")
        page.keyboard.press("Enter")
    expect(page.locator(".bw-error-summary[role=alert]")).to_contain_text("Te lang")
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_body")).to_have_value(
        "Wie heeft statuten met een ledenraad?"
    )
    assert_accessible(page)

    page.locator("#id_title").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Modelstatuten met een ledenraad gezocht")
    with page.expect_navigation():
        tab_to(page, "plaats-gesprek")
        page.keyboard.press("Enter")
    thread = Thread.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(thread.title)

    # replying with the keyboard
    tab_to(page, "id_body")
    page.keyboard.type("Zelf gevonden: zie de kennisbank, <b>modelstatuten</b>.")
    with page.expect_navigation():
        tab_to(page, "plaats-reactie")
        page.keyboard.press("Enter")
    expect(page.locator(".bw-reply")).to_contain_text("<b>modelstatuten</b>")
    assert Reply.objects.get().author == member
    assert_accessible(page)
    screenshot(page, "networks-thread")


def test_visitor_gets_a_clear_page_for_a_conversation(
    page: Page, network: LearningNetwork, member: User
) -> None:
    Membership.objects.create(network=network, user=member)
    thread = Thread.objects.create(
        network=network, author=member, title="Alleen voor leden", body="Geheim"
    )

    response = page.goto(thread.get_absolute_url())

    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Voor leden van dit netwerk"
    )
    expect(page.locator("main")).not_to_contain_text("Geheim")
    assert_accessible(page)
