"""Every public form on the site, filled and sent in a real browser.

A small demo network is loaded, the site is walked from the home page as a visitor,
and each form found is filled the way a person would (every visible field, the first
choice of each list) and sent. A form without fields cannot ship: each form must have
fields or a labelled button, and every answer must be a page with a heading, never
an error. The forms that store something must have stored it.
"""

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from django.core.cache import cache
from django.db.models import Model
from django.test import Client
from playwright.sync_api import Page
from playwright.sync_api import Response as PlaywrightResponse

from buurtwijs.articles.models import Comment
from buurtwijs.calls.models import LearningQuestionVote, Response
from buurtwijs.demo.seed import Sizes, seed_demo
from buurtwijs.directory.models import ContactMessage
from buurtwijs.events.models import Registration
from buurtwijs.matching.models import ContactRequest
from buurtwijs.newsletter.models import Subscriber

SKIPPED_PREFIXES = ("/beheer/", "/api/", "/account/", "/documenten/", "/static/")
SKIPPED_ENDINGS = (".csv", ".xlsx", ".pdf", ".ics", ".geojson", ".json", ".xml")
PAGES_PER_KIND = 3
MAX_PAGES = 120

FILL_FORM = """
form => {
  // What a person sees: on screen, not hidden, not in a part kept from people
  // and screen readers (the honeypot).
  const visible = el => !el.closest('[aria-hidden="true"]')
    && !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
    && getComputedStyle(el).visibility !== 'hidden';
  const skipped = ['submit', 'button', 'reset', 'hidden', 'file', 'image'];
  const seen = new Set();
  let filled = 0;
  for (const el of form.elements) {
    if (!visible(el) || el.disabled || el.readOnly) continue;
    const tag = el.tagName.toLowerCase();
    const type = (el.type || '').toLowerCase();
    if (skipped.includes(type)) continue;
    filled += 1;
    if (tag === 'select') {
      const options = [...el.options].filter(o => o.value);
      if (options.length) { el.value = options[0].value; }
    } else if (type === 'checkbox') {
      if (el.required || !seen.has(el.name)) { el.checked = true; }
      seen.add(el.name);
    } else if (type === 'radio') {
      if (!seen.has(el.name)) { el.checked = true; seen.add(el.name); }
    } else if (type === 'email') {
      el.value = 'formulier-test@voorbeeld.nl';
    } else if (type === 'number' || type === 'range') {
      el.value = el.min && Number(el.min) > 3 ? el.min : '3';
    } else if (type === 'url') {
      el.value = 'https://voorbeeld.nl/';
    } else if (type === 'date') {
      el.value = '2030-05-01';
    } else if (el.list && el.list.options.length) {
      el.value = el.list.options[0].value;  // a municipality from its list
    } else if (tag === 'textarea') {
      el.value = 'Hoe betrekken we meer buurtbewoners bij de buurtkamer?';
    } else {
      const isName = /name|naam/.test(el.name);
      el.value = isName ? 'Femke de Vries' : 'buurt';
    }
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
  }
  return filled;
}
"""


@dataclass(frozen=True)
class FoundForm:
    page: str
    index: int
    method: str
    action: str
    fields: tuple[str, ...]


class _Forms(HTMLParser):
    """Links and forms of one page, read from its HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict[str, Any]] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        elif tag == "form":
            self._open = {
                "method": values.get("method", "get").lower(),
                "action": values.get("action", ""),
                "fields": [],
            }
            self.forms.append(self._open)
        elif tag in ("input", "select", "textarea", "button") and self._open:
            if values.get("type") != "hidden":
                self._open["fields"].append(values.get("name", tag))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._open = None


def _kind(path: str) -> str:
    """Pages of one kind share the shape of their address (slugs and ids folded)."""
    parts = [part for part in path.split("/") if part]
    return "/".join(parts[:1] + ["*" for _ in parts[1:]]) or "/"


def _walk(client: Client) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    queue: deque[str] = deque(["/"])
    seen: set[str] = set()
    per_kind: dict[str, int] = {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        kind = _kind(urlparse(path).path)
        if per_kind.get(kind, 0) >= PAGES_PER_KIND:
            continue
        seen.add(path)
        per_kind[kind] = per_kind.get(kind, 0) + 1
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        parser = _Forms()
        parser.feed(response.content.decode())
        yield path, parser.forms
        for href in parser.links:
            target = urlparse(urljoin(path, href))
            if target.netloc or target.scheme not in ("", "http", "https"):
                continue
            if target.path.startswith(SKIPPED_PREFIXES) or target.path.endswith(
                SKIPPED_ENDINGS
            ):
                continue
            # Filter and page variants are the same form again.
            queue.append(target.path)


def _counts() -> dict[str, int]:
    models: tuple[type[Model], ...] = (
        Subscriber,
        Registration,
        Response,
        Comment,
        ContactMessage,
        ContactRequest,
        LearningQuestionVote,
    )
    return {model.__name__: model._default_manager.count() for model in models}


@pytest.fixture
def demo_network(transactional_db: None, settings: Any) -> None:
    settings.FORM_MIN_SECONDS = 0
    cache.clear()
    seed_demo(
        sizes=Sizes(initiatives=8, people=20, documents=8, cases=3),
        seed=7,
        log=lambda line: None,
    )


def test_every_public_form_has_fields_and_sends_to_a_real_page(
    demo_network: None, page: Page
) -> None:
    found: dict[tuple[str, str, tuple[str, ...]], FoundForm] = {}
    for path, forms in _walk(Client()):
        for index, raw in enumerate(forms):
            action = urlparse(urljoin(path, raw["action"] or path)).path
            key = (raw["method"], _kind(action), tuple(sorted(raw["fields"])))
            found.setdefault(
                key,
                FoundForm(path, index, raw["method"], action, tuple(raw["fields"])),
            )
    # The walk reaches the forms people use: search, newsletter, events, calls,
    # comments, contact and "who knows what".
    actions = {form.action for form in found.values()}
    for expected in ("/zoeken/", "/nieuwsbrief/", "/wie-weet-wat/"):
        assert any(action.startswith(expected) for action in actions), expected
    assert len(found) >= 10, sorted(actions)

    before = _counts()
    results = []
    for form in found.values():
        # A form without fields has at least a labelled button (vote, join).
        assert form.fields, form
        page.goto(form.page)
        locator = page.locator("form").nth(form.index)
        filled = locator.evaluate(FILL_FORM)
        submit = locator.locator(
            "button:not([type=button]):not([type=reset]), input[type=submit]"
        ).first
        assert filled or submit.inner_text().strip(), form
        if locator.evaluate(
            "f => f.hasAttribute('hx-get') || f.hasAttribute('hx-post')"
        ):
            # htmx sends it and swaps the results in; the address follows.
            def answers_form(
                answer: PlaywrightResponse, path: str = form.action
            ) -> bool:
                return urlparse(answer.url).path == path

            with page.expect_response(answers_form) as swapped:
                submit.click()
            status = swapped.value.status
            page.wait_for_load_state()
        else:
            with page.expect_navigation() as navigation:
                submit.click()
            answer = navigation.value
            status = answer.status if answer is not None else 200
        results.append((form.page, form.action, status))
        assert status < 500, (form, status)
        assert page.locator("h1").count() >= 1, form
        assert "Geen velden gevonden" not in page.content()
        assert not re.search(r"Traceback|Server Error", page.content())
    after = _counts()
    # The storing forms stored what was sent.
    for name in ("Subscriber", "Registration", "Response", "Comment"):
        assert after[name] > before[name], (name, results)
