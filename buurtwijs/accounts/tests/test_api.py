"""The open data API for people: only public profiles, only the fields they show."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.tests.factories import UserFactory, make_profile
from buurtwijs.core.models import Municipality, Theme
from conftest import TaskRunner

pytestmark = pytest.mark.django_db

PEOPLE = "/api/v1/people"


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """API answers are cached per URL; every test starts from the database."""
    cache.clear()
    yield
    cache.clear()


def _public(name: str, **fields: Any) -> Profile:
    defaults: dict[str, Any] = {
        "is_public": True,
        "organisation": "Buurtcoöperatie Oog in Al",
        "municipality": Municipality.objects.get(code="GM0344"),
        "kind": "resident",
        "expertise": "Buurthuis in beheer, energiearmoede.",
        "themes": list(Theme.objects.filter(slug__in=["wonen", "armoede-en-schulden"])),
    }
    return make_profile(name=name, **{**defaults, **fields})


def _names(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_only_public_profiles_are_listed(
    visitor: Client, member: User, other_member: User
) -> None:
    _public("Fatima de Vries")
    make_profile(name="Privé Persoon", organisation="Geheim BV")

    response = visitor.get(PEOPLE)

    assert _names(response) == ["Fatima de Vries"]
    assert "Privé Persoon" not in response.content.decode()
    assert "Anouk Jansen" not in response.content.decode()


def test_public_profile_shows_every_shown_field(visitor: Client) -> None:
    _public("Fatima de Vries")

    [person] = visitor.get(PEOPLE).json()["items"]

    assert person == {
        "name": "Fatima de Vries",
        "organisation": "Buurtcoöperatie Oog in Al",
        "municipality": {"code": "GM0344", "name": "Utrecht"},
        "kind": "resident",
        "expertise": "Buurthuis in beheer, energiearmoede.",
        "themes": [
            {"slug": "armoede-en-schulden", "name": "Armoede en schulden"},
            {"slug": "wonen", "name": "Wonen en maatschappelijk vastgoed"},
        ],
    }


def test_hidden_fields_are_null_and_their_values_never_appear(visitor: Client) -> None:
    _public(
        "Fatima de Vries",
        show_organisation=False,
        show_municipality=False,
        show_kind=False,
        show_expertise=False,
        show_themes=False,
    )

    response = visitor.get(PEOPLE)

    [person] = response.json()["items"]
    assert person == {
        "name": "Fatima de Vries",
        "organisation": None,
        "municipality": None,
        "kind": None,
        "expertise": None,
        "themes": None,
    }
    content = response.content.decode()
    for hidden in ("Oog in Al", "GM0344", "Utrecht", "resident", "energiearmoede"):
        assert hidden not in content


def test_email_and_account_never_appear(visitor: Client) -> None:
    user = UserFactory.create(email="fatima@voorbeeld.nl", username="fatima")
    _public("Fatima de Vries", user=user)
    _public("Zonder Account", email="import@voorbeeld.nl")

    for url in (PEOPLE, f"{PEOPLE}?q=voorbeeld", f"{PEOPLE}?q=fatima"):
        content = visitor.get(url).content.decode()
        assert "@" not in content, url
        assert "email" not in content, url
        assert '"user"' not in content, url
        assert 'fatima"' not in content, url
    assert _names(visitor.get(PEOPLE, {"q": "voorbeeld.nl"})) == []


def test_profile_of_deactivated_account_is_not_listed(visitor: Client) -> None:
    user = UserFactory.create(is_active=False)
    _public("Oud Lid", user=user)
    _public("Actief Lid", user=UserFactory.create())

    assert _names(visitor.get(PEOPLE)) == ["Actief Lid"]


def test_filter_by_municipality_and_theme(visitor: Client) -> None:
    _public("In Utrecht")
    _public(
        "In Rotterdam",
        municipality=Municipality.objects.get(code="GM0599"),
        themes=list(Theme.objects.filter(slug="veiligheid")),
    )

    assert _names(visitor.get(PEOPLE, {"municipality": "GM0599"})) == ["In Rotterdam"]
    assert _names(visitor.get(PEOPLE, {"municipality": "gm0344"})) == ["In Utrecht"]
    assert _names(visitor.get(PEOPLE, {"theme": "veiligheid"})) == ["In Rotterdam"]
    assert _names(visitor.get(PEOPLE, {"theme": "wonen"})) == ["In Utrecht"]


def test_filters_never_match_a_hidden_field(visitor: Client, tasks: TaskRunner) -> None:
    _public(
        "Verborgen Velden",
        organisation="Stichting Geheim",
        expertise="Buurtpreventie",
        show_organisation=False,
        show_municipality=False,
        show_expertise=False,
        show_themes=False,
    )
    tasks.run()

    assert _names(visitor.get(PEOPLE, {"municipality": "GM0344"})) == []
    assert _names(visitor.get(PEOPLE, {"theme": "wonen"})) == []
    assert _names(visitor.get(PEOPLE, {"q": "Geheim"})) == []
    assert _names(visitor.get(PEOPLE, {"q": "buurtpreventie"})) == []
    assert _names(visitor.get(PEOPLE, {"q": "verborgen"})) == ["Verborgen Velden"]


def test_free_text_searches_name_organisation_and_expertise(
    visitor: Client, tasks: TaskRunner
) -> None:
    _public("Fatima de Vries")
    _public("Bram Bakker", organisation="Woonstad", expertise="Huurders")
    tasks.run()

    assert _names(visitor.get(PEOPLE, {"q": "fatima"})) == ["Fatima de Vries"]
    assert _names(visitor.get(PEOPLE, {"q": "woonstad"})) == ["Bram Bakker"]
    assert _names(visitor.get(PEOPLE, {"q": "energiearmoede"})) == ["Fatima de Vries"]


@pytest.mark.parametrize(
    "filters",
    [{"municipality": "GM9999"}, {"theme": "bestaat-niet"}, {"q": "zzzzzz"}],
)
def test_unknown_filter_value_gives_empty_result(
    visitor: Client, filters: dict[str, str]
) -> None:
    _public("Fatima de Vries")

    response = visitor.get(PEOPLE, filters)

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "items": []}


def test_pagination_gives_count_and_links(visitor: Client) -> None:
    for number in range(7):
        _public(f"Persoon {number}")

    first = visitor.get(PEOPLE, {"page_size": 3}).json()
    last = visitor.get(PEOPLE, {"page_size": 3, "page": 3}).json()

    assert first["count"] == 7
    assert [p["name"] for p in first["items"]] == [
        "Persoon 0",
        "Persoon 1",
        "Persoon 2",
    ]
    assert first["previous"] is None
    assert "page=2" in first["next"]
    assert [p["name"] for p in last["items"]] == ["Persoon 6"]
    assert last["next"] is None
    assert "page=2" in last["previous"]


def test_page_past_the_end_answers_404(visitor: Client) -> None:
    _public("Fatima de Vries")

    response = visitor.get(PEOPLE, {"page": 2})

    assert response.status_code == 404
    assert response.json() == {"detail": "Page 2 does not exist; the last page is 1."}


@pytest.mark.parametrize(
    ("params", "field"),
    [({"page": "abc"}, "page"), ({"page_size": "1000"}, "page_size")],
)
def test_invalid_parameter_answers_422_naming_the_field(
    visitor: Client, params: dict[str, str], field: str
) -> None:
    response = visitor.get(PEOPLE, params)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", field]
    assert error["msg"]


def test_people_list_is_publicly_cacheable(visitor: Client) -> None:
    cache_control = visitor.get(PEOPLE)["Cache-Control"]

    assert {part.strip() for part in cache_control.split(",")} == {
        "public",
        "max-age=300",
    }


def _queries_for_page(client: Client, size: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PEOPLE, {"page_size": size})
    assert response.status_code == 200
    assert len(response.json()["items"]) == size
    return len(queries)


def test_list_query_count_does_not_grow_with_page_size(
    visitor: Client, django_assert_max_num_queries: Any
) -> None:
    for number in range(50):
        _public(f"Persoon {number:02d}", user=UserFactory.create())

    with django_assert_max_num_queries(3):
        small = _queries_for_page(visitor, 5)
    cache.clear()
    with django_assert_max_num_queries(3):
        large = _queries_for_page(visitor, 50)

    assert small == large
