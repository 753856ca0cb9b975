"""Public pages in a real browser: navigation state and accessibility."""

from playwright.sync_api import Page, expect

from buurtwijs.core.models import Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from tests.e2e.axe import describe, serious_violations


def test_public_pages_have_no_serious_accessibility_violations(page: Page) -> None:
    initiative: Initiative = InitiativeFactory.create(name="Buurtcoöperatie Oog in Al")
    initiative.themes.set(Theme.objects.all()[:3])
    InitiativeFactory.create(name="Voedseltuin Zuid", kind="voedseltuin", summary="")

    problems = {}
    for path in [
        "/initiatieven/",
        initiative.get_absolute_url(),
        "/privacy/",
        "/deze-pagina-bestaat-niet/",
        "/account/login/",
        "/account/password/reset/",
    ]:
        page.goto(path)
        if violations := serious_violations(page):
            problems[path] = describe(violations)

    assert not problems, "\n".join(
        f"{path}:\n{text}" for path, text in problems.items()
    )


def test_unknown_address_answers_the_site_404_page(page: Page) -> None:
    response = page.goto("/deze-pagina-bestaat-niet/")

    assert response is not None and response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()


def test_navigation_marks_the_current_page_and_footer_links_the_statements(
    page: Page,
) -> None:
    page.goto("/initiatieven/")

    main_navigation = page.locator("nav.bw-nav")
    expect(main_navigation.locator("[aria-current=page]")).to_have_attribute(
        "href", "/initiatieven/"
    )
    footer = page.get_by_role("contentinfo")
    expect(footer.locator("a[href='/privacy/']")).to_be_visible()
    expect(footer.locator("a[href='/toegankelijkheid/']")).to_be_visible()
