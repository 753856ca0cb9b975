"""The home page shows what the network holds; statements and sections exist."""

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from buurtwijs.accounts.models import User
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_home_page_counts_only_published_initiatives_and_public_people(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    # given
    InitiativeFactory.create(
        name="Dorpshuis Fort Vreeswijk",
        municipality=Municipality.objects.get(code="GM0356"),
    )
    InitiativeFactory.create(
        name="In De Boomtak", municipality=Municipality.objects.get(code="GM0855")
    )
    InitiativeFactory.create(
        name="Nog niet goedgekeurd", status=Initiative.Status.PENDING
    )
    make_profile(name="Openbaar Persoon", is_public=True)
    make_profile(name="Privé Persoon", is_public=False)

    # when
    with django_assert_max_num_queries(18):
        response = client.get("/")

    # then
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.initiatives == 2
    assert overview.municipalities == 2
    assert overview.people == 1
    html = response.content.decode()
    assert "Dorpshuis Fort Vreeswijk" in html
    assert "Nog niet goedgekeurd" not in html
    assert "Privé Persoon" not in html


def test_home_page_is_dutch_by_default_and_english_after_switching(
    client: Client,
) -> None:
    dutch = client.get("/").content.decode()
    assert '<html lang="nl">' in dutch
    assert "Wat het netwerk in huis heeft" in dutch

    response = client.post("/taal/", {"language": "en", "next": "/"})
    assert response.status_code == 302

    english = client.get("/").content.decode()
    assert '<html lang="en">' in english
    assert "What the network holds" in english


def test_home_page_lists_all_14_themes_with_their_initiative_counts(
    client: Client,
) -> None:
    initiative = InitiativeFactory.create()
    initiative.themes.set(Theme.objects.filter(slug="armoede-en-schulden"))
    html = client.get("/").content.decode()
    assert "Armoede en schulden" in html
    assert "Kennis delen en leren" in html
    assert "1 initiatief" in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/privacy/", "Je rechten"),
        ("/toegankelijkheid/", "WCAG"),
        ("/publicaties/", "Publicaties"),
        ("/agenda/", "Agenda"),
    ],
)
def test_statements_and_sections_are_published_pages(
    client: Client, path: str, text: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_every_page_links_the_privacy_and_accessibility_statements(
    client: Client,
) -> None:
    for path in ("/", "/initiatieven/", "/account/login/"):
        html = client.get(path).content.decode()
        assert 'href="/privacy/"' in html
        assert 'href="/toegankelijkheid/"' in html


def test_an_english_browser_still_gets_dutch_until_english_is_chosen(
    client: Client,
) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html
    client.post("/taal/", {"language": "en", "next": "/"})
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="en">' in html


def test_members_home_page_counts_once_per_change(
    member: User, client_for: Callable[[User], Client]
) -> None:
    InitiativeFactory.create(name="Buurttuin Vogelwijk")
    client = client_for(member)  # members always get a made page

    with CaptureQueriesContext(connection) as first:
        response = client.get("/")
    assert response.context["overview"].initiatives == 1
    assert _counting(first)

    # The next visit shows the same figures without counting the network again,
    with CaptureQueriesContext(connection) as again:
        response = client.get("/")
    assert response.context["overview"].initiatives == 1
    assert "Buurttuin Vogelwijk" in response.content.decode()
    assert not _counting(again)
    assert len(again) < len(first)

    # and a change is counted at once.
    InitiativeFactory.create(name="Repair Café Kanaleneiland")
    with CaptureQueriesContext(connection) as after:
        response = client.get("/")
    assert _counting(after)
    assert response.context["overview"].initiatives == 2


def _counting(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
