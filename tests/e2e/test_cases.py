"""Practice cases in a real browser: list, case page and comparison, by keyboard."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from buurtwijs.knowledge.tests.cases_support import make_case
from tests.e2e.axe import assert_accessible

# The primary button of the comparison form (its label is translated).
COMPARE_BUTTON = ".bw-compare-selection button[type=submit]:not([formaction])"


@pytest.fixture
def cases(transactional_db: None) -> None:
    make_case(
        "De Voedseltuin, Rotterdam",
        slug="de-voedseltuin",
        municipality="GM0599",
        themes=["armoede-en-schulden", "openbare-ruimte"],
        partners=[
            ("Vrijwilligers", "residents", "Iets betekenen voor de buurt."),
            ("Voedselbank Rotterdam", "social_institution", "Vers in de pakketten."),
        ],
        summary="Verse groente voor de voedselbank.",
        context="<p>Pakketten zonder verse groente.</p>",
        results="<p>Elke week een oogst.</p>",
        pitfalls="<p>Vrijwilligers raken overbelast.</p>",
        lessons="<p>Verdeel de taken op tijd.</p>",
        published_days_ago=3,
    )
    make_case(
        "Wijkacademies Opvoeden",
        municipality="GM0344",
        themes=["jeugd-en-opvoeden"],
        partners=[("Ouders", "residents", "Leren van andere ouders.")],
        published_days_ago=2,
    )
    make_case(
        "De Blauwe Wijkeconomie",
        municipality="GM0202",
        themes=["werk-en-economie"],
        partners=[("Gemeente Arnhem", "municipality", "Minder leegstand.")],
        published_days_ago=1,
    )


def test_list_and_case_page_are_accessible(
    page: Page, cases: None, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/praktijkvoorbeelden/")
    expect(page.locator(".bw-case-card")).to_have_count(3)
    assert_accessible(page)
    screenshot(page, "cases")

    page.get_by_role("link", name="De Voedseltuin, Rotterdam").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "De Voedseltuin, Rotterdam"
    )
    expect(page.locator(".bw-case-partners")).to_contain_text("Vers in de pakketten.")
    assert_accessible(page)
    screenshot(page, "case")


def test_filter_without_javascript_and_unknown_value_message(
    page_without_js: Page, cases: None
) -> None:
    page = page_without_js
    page.goto("/praktijkvoorbeelden/")
    page.locator("#id_thema").select_option("jeugd-en-opvoeden")
    with page.expect_navigation():
        page.locator(".bw-filters button[type=submit]").click()

    expect(page.locator(".bw-case-card")).to_have_count(1)
    expect(page.locator(".bw-case-card")).to_contain_text("Wijkacademies Opvoeden")

    response = page.goto("/praktijkvoorbeelden/?partner=bestaat-niet")
    assert response is not None and response.status == 200
    expect(page.locator(".bw-filter-alert")).to_contain_text("bestaat-niet")


def test_keyboard_user_ticks_two_cases_and_compares_them(
    page: Page, cases: None, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/praktijkvoorbeelden/")
    first = page.get_by_role("checkbox", name="De Voedseltuin, Rotterdam")
    second = page.get_by_role("checkbox", name="Wijkacademies Opvoeden")

    # tab from the card's link to its checkbox, tick it with the space bar
    page.get_by_role("link", name="De Voedseltuin, Rotterdam").focus()
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    second.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    expect(second).to_be_checked()
    page.locator(COMPARE_BUTTON).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/praktijkvoorbeelden/vergelijken/" in page.url
    table = page.get_by_role("table")
    expect(table.locator("caption")).to_be_visible()
    expect(table.locator("th[scope=col]")).to_have_count(2)
    expect(table).to_contain_text("Leren van andere ouders.")
    expect(table).to_contain_text("Verdeel de taken op tijd.")
    # the wide table scrolls on its own and can be reached by keyboard
    expect(page.locator(".bw-compare[tabindex='0']")).to_have_count(1)
    assert_accessible(page)
    screenshot(page, "cases-compare")


def test_comparison_with_one_case_explains_what_to_do(page: Page, cases: None) -> None:
    page.goto("/praktijkvoorbeelden/de-voedseltuin/")
    page.get_by_role("button", name="De Voedseltuin, Rotterdam").click()
    expect(
        page.get_by_role("checkbox", name="De Voedseltuin, Rotterdam")
    ).to_be_checked()

    page.locator(COMPARE_BUTTON).click()

    expect(page.locator(".bw-compare-problem")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    assert_accessible(page)
