"""Who knows what in a real browser: live suggestions while typing, the same
without JavaScript by submitting, contact without exposure; checked with axe-core."""

import re

import pytest
from playwright.sync_api import Page, expect

from buurtwijs.matching.selectors import match_indexes_forget
from buurtwijs.matching.tests.support import public_person
from tests.e2e.axe import assert_accessible


@pytest.fixture
def people(transactional_db: None) -> None:
    match_indexes_forget()
    public_person(
        "Sanne de Boer",
        "Coördinator van de voedselbank; uitgiftepunten en vrijwilligers.",
        themes=("armoede-en-schulden",),
        email="sanne@voorbeeld.nl",
    )
    public_person("Henk Jansen", "Energiecoöperatie en zonnepanelen op het buurthuis")
    public_person("Verborgen Persoon", "Ook de voedselbank", allow_suggestions=False)


def test_suggestions_appear_while_typing(page: Page, people: None) -> None:
    page.goto("/wie-weet-wat/")
    box = page.get_by_label("Wat wil je weten?")

    box.press_sequentially("voedselbanken", delay=30)

    results = page.locator("#match-results")
    expect(results).to_contain_text("Sanne de Boer")
    expect(results).to_contain_text("ervaring met: voedselbank")
    expect(results).to_contain_text("zelfde thema: Armoede en schulden")
    expect(results).not_to_contain_text("Verborgen Persoon")
    expect(page).to_have_url(re.compile(r"/wie-weet-wat/\?q=voedselbanken"))
    assert_accessible(page)

    box.fill("zonnepanelen")
    expect(results).to_contain_text("Henk Jansen")
    expect(results).not_to_contain_text("Sanne de Boer")


def test_without_javascript_submitting_shows_suggestions(
    page_without_js: Page, people: None
) -> None:
    page = page_without_js
    page.goto("/wie-weet-wat/")
    page.get_by_label("Wat wil je weten?").fill("voedselbank")
    page.get_by_role("button", name="Toon suggesties").click()
    page.wait_for_url("**/wie-weet-wat/?q=voedselbank*")

    expect(page.locator("#match-results")).to_contain_text("Sanne de Boer")
    expect(page.get_by_role("status")).to_contain_text("1 suggestie")
    assert "sanne@voorbeeld.nl" not in page.content()


def test_a_visitor_reaches_the_contact_form_from_a_suggestion(
    page: Page, people: None
) -> None:
    page.goto("/wie-weet-wat/?q=voedselbank")
    page.get_by_role("link", name="Stel Sanne de Boer een vraag").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stel Sanne de Boer een vraag"
    )
    assert "sanne@voorbeeld.nl" not in page.content()
    assert_accessible(page)
