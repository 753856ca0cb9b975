"""The home page in a real browser: language switch, keyboard use, accessibility."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible

ENGLISH_HEADING = "Learn from each other, neighbourhood by neighbourhood"


def switch_language(page: Page, language_code: str) -> None:
    """Follow the language's link in the header's language switch."""
    with page.expect_navigation():
        page.locator(f"nav.bw-language a[lang={language_code}]").click()


def test_home_page_is_dutch_by_default_and_accessible_in_dutch_and_english(
    page: Page, screenshot: Callable[[Page, str], None]
) -> None:
    # given a visitor whose browser asks for Dutch
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(ENGLISH_HEADING)
    assert_accessible(page)
    screenshot(page, "home-nl-1280")

    # when they switch to English with the language switch
    switch_language(page, "en")

    # then the same page comes back in English, just as accessible
    assert page.url.endswith("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(ENGLISH_HEADING)
    expect(page.get_by_role("navigation", name="Main navigation")).to_contain_text(
        "Initiatives"
    )
    expect(
        page.get_by_role("navigation", name="Language").get_by_role("link")
    ).to_have_text("Nederlands")
    assert_accessible(page)
    screenshot(page, "home-en-1280")


def test_language_switch_works_without_javascript(page_without_js: Page) -> None:
    page_without_js.goto("/")
    switch_language(page_without_js, "en")
    expect(page_without_js.locator("html")).to_have_attribute("lang", "en")


def test_first_tab_focuses_the_skip_link_which_moves_focus_to_main(page: Page) -> None:
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.locator(".utrecht-skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_pages_fit_a_320_pixel_wide_screen_without_horizontal_scrolling(
    page: Page, screenshot: Callable[[Page, str], None]
) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    too_wide = {}
    for path in ["/", "/initiatieven/", "/account/signup/", "/privacy/"]:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert not too_wide, f"pages wider than the 320 px screen: {too_wide}"

    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/")
    screenshot(page, "home-nl-360")
