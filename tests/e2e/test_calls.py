"""Calls and learning questions in a real browser: responding by keyboard, errors,
the confirmation, the learning question list and page, all checked with axe-core."""

from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Page, expect

from buurtwijs.calls.models import Call, LearningQuestion, Question, Response
from tests.e2e.axe import assert_accessible

LEARN = "Hoe houden we vrijwilligers vast als de subsidie stopt?"


@pytest.fixture
def call(transactional_db: None) -> Call:
    cache.clear()
    now = timezone.now()
    call = Call.objects.create(
        title="Wat wil jij leren over leefbaarheid?",
        slug="leefbaarheid",
        intro="<p>Deel je ervaring met taaie vraagstukken.</p>",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
        status=Call.Status.PUBLISHED,
        consent_text="Ik geef toestemming om mijn antwoorden te gebruiken.",
    )
    for order, (kind, label, marked) in enumerate(
        (
            ("text", "Wat zou jij willen leren?", True),
            ("municipality", "In welke gemeente ben je actief?", False),
            ("role", "Wat is je rol?", False),
        )
    ):
        Question.objects.create(
            call=call,
            sort_order=order,
            kind=kind,
            label=label,
            yields_learning_questions=marked,
        )
    return call


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element with this id has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == (
            element_id
        ):
            return
    raise AssertionError(f"#{element_id} never received the focus by Tab")


def test_responding_to_a_call_with_the_keyboard_only(
    page: Page, call: Call, screenshot: Callable[[Page, str], None]
) -> None:
    text, place, role = call.questions.order_by("sort_order")
    page.goto(f"/oproepen/{call.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(call.title)
    assert_accessible(page)
    screenshot(page, "call")

    # sending without answers: the errors, announced and linked
    tab_to(page, f"id_vraag_{text.pk}")
    page.keyboard.type("Iets")
    page.wait_for_timeout(3_100)  # a person takes longer than the time trap
    with page.expect_navigation():
        tab_to(page, "verstuur")
        page.keyboard.press("Enter")
    summary = page.locator(".bw-error-summary[role=alert]")
    expect(summary).to_be_visible()
    expect(page.locator(f"#id_vraag_{place.pk}")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.locator(f"#id_vraag_{text.pk}")).to_have_value("Iets")
    assert_accessible(page)
    screenshot(page, "call-errors")

    # the error summary's link takes the keyboard to the field
    summary.get_by_role("link").first.focus()
    page.keyboard.press("Enter")

    tab_to(page, f"id_vraag_{text.pk}")
    page.keyboard.press("Control+A")
    page.keyboard.type(LEARN)
    page.keyboard.press("Tab")
    page.keyboard.type("Utrecht")
    page.keyboard.press("Escape")  # closes the suggestion list, if any
    tab_to(page, f"id_vraag_{role.pk}_0")
    page.keyboard.press("Space")
    tab_to(page, "id_consent")
    page.keyboard.press("Space")
    page.wait_for_timeout(3_100)
    with page.expect_navigation():
        tab_to(page, "verstuur")
        page.keyboard.press("Enter")

    assert urlparse(page.url).path == f"/oproepen/{call.slug}/bedankt/"
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "call-thanks")
    response = Response.objects.get()
    assert response.role == "resident"
    assert response.municipality is not None
    assert LearningQuestion.objects.get().text == LEARN


def test_closed_call_has_no_form(page: Page, call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now())

    response = page.goto(f"/oproepen/{call.slug}/")

    assert response is not None and response.status == 200
    expect(page.locator("form.bw-form")).to_have_count(0)
    expect(page.locator(".bw-call-closed")).to_be_visible()
    assert_accessible(page)


def test_learning_questions_list_detail_and_also_mine(
    page: Page, call: Call, screenshot: Callable[[Page, str], None]
) -> None:
    for text in (LEARN, "Hoe bereiken we jongeren die niet naar het buurthuis komen?"):
        LearningQuestion.objects.create(text=text, call=call, role="professional")

    page.goto("/leervragen/")
    expect(page.locator(".bw-question")).to_have_count(2)
    assert_accessible(page)
    screenshot(page, "learning-questions")

    page.get_by_role("link", name=LEARN).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LEARN)
    assert_accessible(page)
    # the label is translated at the end of the project: find it by its form
    button = page.locator("form.bw-vote button")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".bw-vote--done")).to_be_visible()
    assert_accessible(page)
    assert LearningQuestion.objects.get(text=LEARN).vote_count == 1
