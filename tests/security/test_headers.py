"""Security headers and the Content-Security-Policy on every kind of page.

A small demo network is loaded and the site walked from the home page as a visitor
(a few pages of each kind: lists, details, search, forms, the agenda, the map page,
who knows what); every answer carries the strict policy. The admin gets its relaxed
policy, and an editor's admin pages work under it (the browser test in
tests/e2e/test_security.py shows no violations).
"""

from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from django.core.cache import cache
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.core.security import public_directives, tile_source
from buurtwijs.demo.seed import Sizes, seed_demo

STRICT = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "img-src 'self' data: https://tile.openstreetmap.org",
)
# Where the walk starts besides the links of the home page.
STARTS = (
    "/",
    "/zoeken/?q=buurt",
    "/wie-weet-wat/?q=vrijwilligers",
    "/leeragenda/",
    "/initiatieven/",
    "/oproepen/",
    "/leervragen/",
    "/kennisbank/",
    "/nieuwsbrief/",
)
SKIPPED = ("/beheer/", "/static/", "/documenten/")
PAGES_PER_KIND = 2
MAX_PAGES = 90


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _kind(path: str) -> str:
    parts = [part for part in path.split("/") if part]
    return "/".join(parts[:1] + ["*" for _ in parts[1:]]) or "/"


def walk(client: Client, start: tuple[str, ...] = ("/",)) -> Iterator[tuple[str, Any]]:
    """A few pages of each kind reachable from the start, with their responses."""
    queue: deque[str] = deque(start)
    seen: set[str] = set()
    per_kind: dict[str, int] = {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        kind = _kind(urlparse(path).path)
        if path in seen or per_kind.get(kind, 0) >= PAGES_PER_KIND:
            continue
        seen.add(path)
        per_kind[kind] = per_kind.get(kind, 0) + 1
        response = client.get(path)
        yield path, response
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            target = urlparse(urljoin(path, href))
            if target.netloc or target.scheme not in ("", "http", "https"):
                continue
            if not target.path.startswith(SKIPPED):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))


@pytest.fixture
def demo_network(db: None) -> None:
    cache.clear()
    seed_demo(
        sizes=Sizes(initiatives=6, people=12, documents=4, cases=2),
        seed=7,
        log=lambda line: None,
    )


def assert_strict(path: str, response: Any) -> None:
    policy = response.get("Content-Security-Policy", "")
    # Whole directives, in any order ("script-src 'self'" must not match a longer
    # "script-src 'self' 'unsafe-inline'").
    directives = {part.strip() for part in policy.split(";")}
    for directive in STRICT:
        assert directive in directives, (path, directive, policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
    assert "nonce-" not in policy, path  # cached pages are shared: no nonces
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["X-Frame-Options"] == "SAMEORIGIN", path
    assert "camera=()" in response["Permissions-Policy"], path
    assert "geolocation=()" in response["Permissions-Policy"], path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path


def test_every_kind_of_public_page_has_the_strict_policy_and_headers(
    demo_network: None,
) -> None:
    visited: dict[str, int] = {}
    for path, response in walk(Client(), (*STARTS, "/x-404/")):
        visited[path] = response.status_code
        assert_strict(path, response)
    kinds = {_kind(urlparse(path).path) for path in visited}
    # The walk reached every kind of page people see.
    for expected in (
        "/",
        "initiatieven",
        "initiatieven/*",
        "zoeken",
        "oproepen",
        "leervragen",
        "leeragenda",
        "wie-weet-wat",
        "nieuwsbrief",
        "kennisbank",
        "x-404",
    ):
        assert expected in kinds, sorted(kinds)
    assert 404 in visited.values()
    assert len(visited) >= 30


def test_api_and_account_pages_have_the_policy_too(
    visitor: Client, member: User, client_for: Any
) -> None:
    for path in ("/api/v1/themes", "/account/login/", "/healthz"):
        assert_strict(path, visitor.get(path))
    assert_strict("/mijn-profiel/", client_for(member).get("/mijn-profiel/"))


def test_the_admin_has_a_relaxed_policy_only_for_inline_script_and_style(
    editor: User, client_for: Any
) -> None:
    response = client_for(editor).get("/beheer/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "unsafe-eval" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
    assert "camera=()" in response["Permissions-Policy"]
    # No editor's picture is fetched from gravatar.com (it would get a hash of
    # their e-mail address); Wagtail shows the default avatar instead.
    assert "gravatar" not in response.content.decode()


def test_map_tile_host_is_an_image_source() -> None:
    assert tile_source("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://tile.openstreetmap.org"
    )
    assert tile_source("https://{s}.tiles.example.nl/{z}/{x}/{y}.png") == (
        "https://*.tiles.example.nl"
    )
    assert tile_source("") is None
    assert (
        "https://kaart.example.nl"
        in public_directives("https://kaart.example.nl/{z}/{x}/{y}.png")["img-src"]
    )
