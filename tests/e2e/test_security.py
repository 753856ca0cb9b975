"""No Content-Security-Policy violations in a real browser.

The strict policy (script-src 'self', style-src 'self', no nonces) only holds if no
page, script or library writes inline script or style. Chromium reports every
refusal as a `securitypolicyviolation` event and a console message "Refused to ...";
this test listens for both while it walks the main pages of a demo network as a
visitor (home, lists, details, search, forms, the learning agenda with its SVG
charts, the map of initiatives, who knows what while typing) and the admin as an
editor.
"""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import ConsoleMessage, Page, expect

from buurtwijs.accounts.models import User
from buurtwijs.demo.seed import Sizes, seed_demo
from tests.security.test_headers import STARTS, _kind, walk

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(
    event.violatedDirective + ' ' + (event.blockedURI || 'inline') + ' at '
    + event.sourceFile + ':' + event.lineNumber
  );
});
"""


class Violations:
    """What the page refused, from the console and from the DOM events."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Refused to" in text or "Content Security Policy" in text:
            self.console.append(f"{self.page.url}: {text}")

    def assert_none(self) -> None:
        events = self.page.evaluate("window.__cspViolations || []")
        assert not events, f"{self.page.url}: {events}"
        assert not self.console, self.console


@pytest.fixture
def demo_network(transactional_db: None, settings: Any) -> None:
    settings.FORM_MIN_SECONDS = 0
    cache.clear()
    seed_demo(
        sizes=Sizes(initiatives=6, people=12, documents=4, cases=2),
        seed=7,
        log=lambda line: None,
    )


@pytest.fixture
def watched(page: Page) -> Iterator[Violations]:
    yield Violations(page)


def _main_pages() -> list[str]:
    """One or two pages of each kind a visitor reaches from the home page."""
    pages = []
    for path, response in walk(Client(), STARTS):
        if response.status_code == 200 and "html" in response["Content-Type"]:
            pages.append(path)
    return pages


def test_no_page_breaks_the_content_security_policy(
    demo_network: None, page: Page, watched: Violations
) -> None:
    paths = _main_pages()
    kinds = {_kind(urlparse(path).path) for path in paths}
    for expected in ("leeragenda", "initiatieven", "zoeken", "oproepen", "kennisbank"):
        assert expected in kinds, sorted(kinds)
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("load")
        watched.assert_none()

    # The learning agenda's SVG charts are drawn and styled from the stylesheet.
    page.goto("/leeragenda/")
    watched.assert_none()

    # The map of initiatives: Leaflet draws markers and popups (tiles may not load
    # here, which is no violation; a refused tile would be).
    page.goto("/initiatieven/")
    toggle = page.locator("[data-bw-map-toggle]")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.locator("[data-bw-map] .leaflet-container")).to_be_visible()
    page.wait_for_timeout(500)
    watched.assert_none()

    # Who knows what: htmx fetches suggestions while someone types.
    page.goto("/wie-weet-wat/")
    with page.expect_response(lambda answer: "/wie-weet-wat/?q=" in answer.url):
        page.locator("#id_q").press_sequentially("vrijwilligers", delay=20)
    page.wait_for_timeout(400)
    watched.assert_none()

    # A reflected payload stays text.
    page.goto("/zoeken/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    watched.assert_none()

    # The listener itself works: an inline script added to the page is refused
    # and reported.
    page.evaluate(
        """() => { const s = document.createElement('script');
        s.textContent = 'window.ran = 1'; document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.ran") is None
    refused = page.evaluate("window.__cspViolations")
    assert refused and refused[0].startswith("script-src"), refused


def test_the_admin_works_for_an_editor_without_violations(
    demo_network: None, page: Page, watched: Violations, editor: User, live_server: Any
) -> None:
    client = Client()
    client.force_login(editor)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": str(live_server),
            }
        ]
    )
    for path in ("/beheer/", "/beheer/pages/", "/beheer/snippets/"):
        page.goto(path)
        expect(page.locator("main, #main").first).to_be_visible()
        watched.assert_none()
