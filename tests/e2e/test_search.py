"""Site search in a real browser: from the header box to marked results."""

import pytest
from playwright.sync_api import Page, expect

from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.search.services import search_index_rebuild
from tests.e2e.axe import assert_accessible


@pytest.fixture
def indexed(transactional_db: None) -> None:
    InitiativeFactory.create(
        name="Buurtcoöperatie Oog in Al",
        description="Bewoners richten samen een coöperatie op met eigen statuten.",
    )
    InitiativeFactory.create(
        name="Moestuin Zuilen",
        kind="voedseltuin",
        summary="Groente kweken.",
        description="Groente kweken.",
    )
    search_index_rebuild()


def test_header_search_finds_word_forms_and_marks_them(
    page_without_js: Page, indexed: None
) -> None:
    page = page_without_js
    page.goto("/")
    page.get_by_role("searchbox", name="Zoek op de site").fill("buurtcoöperaties")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=*")

    expect(page.locator(".bw-result")).to_have_count(1)
    expect(page.locator(".bw-result h2")).to_contain_text("Buurtcoöperatie Oog in Al")
    expect(page.locator(".bw-result mark").first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("1 resultaat")


def test_search_page_with_facets_is_accessible(page: Page, indexed: None) -> None:
    page.goto("/zoeken/?q=statuten")
    expect(page.locator(".bw-facets")).to_contain_text("Initiatief (1)")
    assert_accessible(page)


def test_search_without_words_explains_itself(page: Page, indexed: None) -> None:
    page.goto("/zoeken/?q=%22*%3A%26")
    expect(page.get_by_role("status")).to_contain_text("geen woorden")
    assert_accessible(page)
