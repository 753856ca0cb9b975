"""Browser fixtures for the end-to-end tests: one headless Chromium for all of them.

The tests drive Debian's Chromium through Playwright against pytest-django's
``live_server``. A missing browser, axe-core or stylesheet fails the run: these tests
are never skipped.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
STYLESHEET = ROOT / "static" / "build" / "css" / "buurtwijs.css"


@pytest.fixture(scope="package")
def browser(django_db_setup: None) -> Iterator[Browser]:
    """One headless Chromium for the browser tests, closed after the last of them.

    Playwright's sync API keeps an asyncio event loop running in this thread while the
    browser is open. Two consequences for Django, handled here and undone afterwards:

    - Django refuses database calls from a thread with a running event loop
      (SynchronousOnlyOperation), yet the tests' fixtures and factories need the
      database. The tests only talk to the server over HTTP, so allowing it is safe.
    - With a loop running, Django hands out another connection object than the
      thread's own (asgiref's thread-critical Local). The snapshot that serialized
      rollback uses to restore the migrations' data after each test's flush lives
      on the thread's connection, so it is handed to the other one too.
    """
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get install chromium`."
        )
    if not STYLESHEET.exists():
        pytest.fail(f"{STYLESHEET} is missing: run `node scripts/build-static.mjs`.")
    snapshot = getattr(connections[DEFAULT_DB_ALIAS], "_test_serialized_contents", None)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        if snapshot is not None:
            patch.setattr(
                connections[DEFAULT_DB_ALIAS],
                "_test_serialized_contents",
                snapshot,
                raising=False,
            )
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


def _open_tab(
    browser: Browser, base_url: str, *, javascript: bool = True
) -> Iterator[Page]:
    context = browser.new_context(
        base_url=base_url,
        locale="en-US",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=javascript,
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def page(
    browser: Browser, live_server: object, django_db_serialized_rollback: None
) -> Iterator[Page]:
    """A fresh tab on the live server, of a browser that asks for English.

    Buurtwijs is Dutch first: the pages must still come in Dutch until the visitor
    picks English with the language switch.

    The live server needs a transactional database; the serialized rollback restores
    what the data migrations created (home page, privacy statement, municipalities,
    groups) after each test's flush.
    """
    yield from _open_tab(browser, str(live_server))


@pytest.fixture
def page_without_js(
    browser: Browser, live_server: object, django_db_serialized_rollback: None
) -> Iterator[Page]:
    """Like `page`, with JavaScript switched off: every page must work without it."""
    yield from _open_tab(browser, str(live_server), javascript=False)


@pytest.fixture
def screenshot() -> Callable[[Page, str], None]:
    """Save a full-page screenshot when E2E_SCREENSHOTS names a directory.

    `E2E_SCREENSHOTS=/tmp uv run pytest tests/e2e` keeps pictures of the pages the
    tests visit, to look at the design; without the variable nothing is written.
    """
    directory = os.environ.get("E2E_SCREENSHOTS")

    def take(tab: Page, name: str) -> None:
        if directory:
            tab.screenshot(
                path=str(Path(directory) / f"buurtwijs-{name}.png"), full_page=True
            )

    return take
