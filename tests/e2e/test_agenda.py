"""The published learning agenda in a real browser, checked with axe-core."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from buurtwijs.agenda import services
from buurtwijs.agenda.models import AgendaItem, LearningAgenda
from buurtwijs.agenda.tests.factories import make_call_with_questions
from conftest import TaskRunner
from tests.e2e.axe import assert_accessible


@pytest.fixture
def agenda(transactional_db: None, tasks: TaskRunner) -> LearningAgenda:
    call, _questions = make_call_with_questions()
    agenda = services.agenda_get_or_create(call=call)
    services.analysis_request(agenda=agenda, user=None)
    tasks.run()
    agenda.refresh_from_db()
    services.agenda_update(
        agenda=agenda,
        title="Leeragenda leefbaarheid",
        commentary="Eenzaamheid springt eruit.",
    )
    top = agenda.clusters.order_by("rank").first()
    assert top is not None
    item = services.agenda_item_adopt(agenda=agenda, cluster_key=top.key)
    services.agenda_item_update(
        item=item, owner="Team Sociaal Domein", status=AgendaItem.Status.IN_PROGRESS
    )
    services.agenda_set_published(agenda=agenda, published=True)
    return agenda


def test_published_agenda_is_accessible_and_leads_to_its_questions(
    page: Page, agenda: LearningAgenda, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/leeragenda/")
    expect(page.locator("h1")).to_have_text("Leeragenda leefbaarheid")
    # the province chart, the map of responses and the role chart
    expect(page.locator("svg[role=img]")).to_have_count(3)
    expect(page.locator("svg.bw-map")).to_be_visible()
    expect(page.get_by_text("Team Sociaal Domein")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "learning-agenda")

    item = agenda.items.get()
    page.locator(f"a[href='{item.get_absolute_url()}']").first.click()
    expect(page.locator("h1")).to_have_text(item.title)
    assert_accessible(page)

    page.locator("#vragen ~ ul a").first.click()
    expect(page.locator("#wat-er-mee-gebeurt")).to_be_visible()
    assert_accessible(page)
