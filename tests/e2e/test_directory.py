"""The directory in a real browser: filters and map on the list, the coverage page."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Route, expect

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.tests.factories import InitiativeFactory
from conftest import TaskRunner
from tests.e2e.axe import assert_accessible


@pytest.fixture
def network(transactional_db: None, tasks: TaskRunner) -> None:
    energy = Theme.objects.get(slug="duurzaamheid-en-energie")
    sun = InitiativeFactory.create(
        name="Zonnedak Zuilen", kind="energiecooperatie", latitude=52.3, longitude=4.9
    )
    sun.themes.add(energy)
    InitiativeFactory.create(
        name="Dorpshuis De Kern",
        kind="dorpshuis",
        municipality=Municipality.objects.get(code="GM0599"),
    )
    InitiativeFactory.create(name="Buurtcoöperatie Oog in Al")
    tasks.run()  # the search index


def no_tiles(page: Page) -> None:
    """Tiles come from the internet, which the tests do without: refuse them."""

    def refuse(route: Route) -> None:
        route.abort()

    page.route("https://tile.openstreetmap.org/**", refuse)


def test_list_filters_work_without_javascript(
    page_without_js: Page, network: None, screenshot: Callable[[Page, str], None]
) -> None:
    page = page_without_js
    page.goto("/initiatieven/")
    expect(page.locator(".bw-card")).to_have_count(3)
    # the map needs JavaScript: without it, neither the map nor its button shows
    expect(page.locator("#kaart")).to_be_hidden()
    expect(page.locator("[data-bw-map-toggle]")).to_be_hidden()

    page.locator("#id_soort").select_option("energiecooperatie")
    with page.expect_navigation():
        page.locator(".bw-filters button[type=submit]").click()

    assert "soort=energiecooperatie" in page.url
    expect(page.locator(".bw-card")).to_have_count(1)
    expect(page.locator(".bw-card")).to_contain_text("Zonnedak Zuilen")
    expect(page.locator(".bw-active-filters")).to_contain_text("Energiecoöperatie")
    screenshot(page, "initiatives-filtered")


def test_filtered_list_is_accessible(page: Page, network: None) -> None:
    no_tiles(page)
    page.goto("/initiatieven/?soort=energiecooperatie&q=zonnedak")
    expect(page.locator(".bw-card")).to_have_count(1)
    assert_accessible(page)


def test_unknown_filter_value_shows_a_message_not_an_error(
    page: Page, network: None
) -> None:
    response = page.goto("/initiatieven/?thema=bestaat-niet")

    assert response is not None and response.status == 200
    expect(page.locator(".bw-filter-alert")).to_contain_text("bestaat-niet")
    expect(page.locator(".bw-card")).to_have_count(0)
    assert_accessible(page)


def test_map_shows_the_markers_of_the_current_filters(
    page: Page, network: None, screenshot: Callable[[Page, str], None]
) -> None:
    no_tiles(page)
    page.goto("/initiatieven/")
    toggle = page.locator("[data-bw-map-toggle]")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#kaart .leaflet-container")).to_be_visible()
    # Oog in Al and De Linde share Utrecht's centre: one marker; Rotterdam; Zuilen
    expect(page.locator("#kaart .leaflet-marker-icon")).to_have_count(3)
    expect(page.locator(".bw-card")).to_have_count(3)  # the list stays
    assert_accessible(page)
    screenshot(page, "initiatives-map")

    page.goto("/initiatieven/?thema=duurzaamheid-en-energie")
    page.locator("[data-bw-map-toggle]").click()
    expect(page.locator("#kaart .leaflet-marker-icon")).to_have_count(1)
    page.locator("#kaart .leaflet-marker-icon").click()
    expect(page.locator(".leaflet-popup")).to_contain_text("Zonnedak Zuilen")


def test_coverage_page_is_accessible(
    page: Page, network: None, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/dekking/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("svg.bw-chart[role=img]")).to_have_count(2)
    expect(page.locator("table tbody tr")).to_have_count(12)
    assert_accessible(page)
    screenshot(page, "coverage")
