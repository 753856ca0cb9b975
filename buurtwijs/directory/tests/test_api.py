"""The open data API for initiatives: filters, paging, privacy and query counts."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative, PartnerRole
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory
from conftest import TaskRunner

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives"


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """API answers are cached per URL; every test starts from the database."""
    cache.clear()
    yield
    cache.clear()


def _names(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def _full_initiative(**fields: Any) -> Initiative:
    initiative = InitiativeFactory.create(
        contact_email="geheim@voorbeeld.nl",
        founded_year=2014,
        website="https://delfshaven.example",
        description="Wijkeconomie en zorg in Delfshaven.",
        latitude=51.91,
        longitude=4.45,
        **fields,
    )
    initiative.themes.set(
        Theme.objects.filter(slug__in=["werk-en-economie", "zorg-en-gezondheid"])
    )
    PartnerFactory.create(
        initiative=initiative, name="Bewoners", role=PartnerRole.RESIDENTS, position=0
    )
    PartnerFactory.create(
        initiative=initiative,
        name="Woonstad",
        role=PartnerRole.HOUSING_CORPORATION,
        contribution="Ruimte in de plint.",
        position=1,
    )
    return initiative


def test_list_shows_only_published_initiatives(visitor: Client) -> None:
    InitiativeFactory.create(name="Gepubliceerd")
    InitiativeFactory.create(name="In moderatie", status=Initiative.Status.PENDING)
    InitiativeFactory.create(name="Afgewezen", status=Initiative.Status.REJECTED)

    response = visitor.get(LIST)

    assert _names(response) == ["Gepubliceerd"]
    assert response.json()["count"] == 1


def test_list_items_carry_municipality_province_and_themes(visitor: Client) -> None:
    _full_initiative(name="Delfshaven Coöperatie")

    item = visitor.get(LIST).json()["items"][0]

    assert item["municipality"] == {"code": "GM0344", "name": "Utrecht"}
    assert item["province"] == {"code": "PV26", "name": "Utrecht"}
    assert [t["slug"] for t in item["themes"]] == [
        "werk-en-economie",
        "zorg-en-gezondheid",
    ]
    assert item["founded"] == 2014
    assert item["kind"] == "buurtcooperatie"


def test_filter_by_municipality_code(visitor: Client) -> None:
    InitiativeFactory.create(name="In Utrecht")
    InitiativeFactory.create(
        name="In Rotterdam", municipality=Municipality.objects.get(code="GM0599")
    )

    assert _names(visitor.get(LIST, {"municipality": "GM0599"})) == ["In Rotterdam"]
    assert _names(visitor.get(LIST, {"municipality": "gm0344"})) == ["In Utrecht"]


def test_filter_by_province_code_or_name(visitor: Client) -> None:
    InitiativeFactory.create(name="In Utrecht")
    InitiativeFactory.create(
        name="In Rotterdam", municipality=Municipality.objects.get(code="GM0599")
    )

    assert _names(visitor.get(LIST, {"province": "PV28"})) == ["In Rotterdam"]
    assert _names(visitor.get(LIST, {"province": "zuid-holland"})) == ["In Rotterdam"]
    assert _names(visitor.get(LIST, {"province": "Utrecht"})) == ["In Utrecht"]


def test_filter_by_theme_and_kind(visitor: Client) -> None:
    _full_initiative(name="Met thema's")
    InitiativeFactory.create(name="Dorpshuis", kind="dorpshuis")

    assert _names(visitor.get(LIST, {"theme": "werk-en-economie"})) == ["Met thema's"]
    assert _names(visitor.get(LIST, {"kind": "dorpshuis"})) == ["Dorpshuis"]


def test_free_text_searches_name_summary_and_description(
    visitor: Client, tasks: TaskRunner
) -> None:
    _full_initiative(name="Delfshaven Coöperatie")
    InitiativeFactory.create(
        name="Voedseltuin Oost", summary="Samen een moestuin beheren."
    )
    InitiativeFactory.create(name="Anders")
    tasks.run()

    assert _names(visitor.get(LIST, {"q": "wijkeconomie"})) == ["Delfshaven Coöperatie"]
    assert _names(visitor.get(LIST, {"q": "moestuin"})) == ["Voedseltuin Oost"]
    assert _names(visitor.get(LIST, {"q": "voedseltuin"})) == ["Voedseltuin Oost"]


@pytest.mark.parametrize(
    "filters",
    [
        {"municipality": "GM9999"},
        {"province": "PV99"},
        {"province": "Atlantis"},
        {"theme": "bestaat-niet"},
        {"kind": "kasteel"},
        {"q": "zzzzzz"},
        {"q": "\x00"},
        {"municipality": "GM\x009999"},
    ],
)
def test_unknown_filter_value_gives_empty_result(
    visitor: Client, filters: dict[str, str]
) -> None:
    InitiativeFactory.create()
    if filters.get("q") == "\x00":
        # A NUL character is dropped, never a server error: the filter is empty.
        assert visitor.get(LIST, filters).json()["count"] == 1
        return

    response = visitor.get(LIST, filters)

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "items": []}


def test_pagination_gives_count_and_links(visitor: Client) -> None:
    for number in range(25):
        InitiativeFactory.create(name=f"Initiatief {number:02d}")

    first = visitor.get(LIST, {"page_size": "10", "theme": ""}).json()
    last = visitor.get(LIST, {"page_size": 10, "page": 3}).json()

    assert first["count"] == 25
    assert len(first["items"]) == 10
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/initiatives?")
    assert "page=2" in first["next"] and "page_size=10" in first["next"]
    assert [i["name"] for i in last["items"]] == [
        f"Initiatief {n}" for n in range(20, 25)
    ]
    assert last["next"] is None
    assert "page=2" in last["previous"]
    second = visitor.get(first["next"]).json()
    assert second["items"][0]["name"] == "Initiatief 10"


def test_page_past_the_end_answers_404_naming_the_last_page(visitor: Client) -> None:
    InitiativeFactory.create_batch(3)

    response = visitor.get(LIST, {"page_size": 2, "page": 3})

    assert response.status_code == 404
    assert response.json() == {"detail": "Page 3 does not exist; the last page is 2."}


def test_default_page_size_is_20(visitor: Client) -> None:
    InitiativeFactory.create_batch(21)

    data = visitor.get(LIST).json()

    assert len(data["items"]) == 20
    assert data["next"] is not None


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"page": "abc"}, "page", "valid integer"),
        ({"page": "0"}, "page", "greater than or equal to 1"),
        ({"page_size": "1000"}, "page_size", "less than or equal to 100"),
        ({"page_size": "twee"}, "page_size", "valid integer"),
        ({"q": "x" * 201}, "q", "at most 200 characters"),
    ],
)
def test_invalid_parameter_answers_422_naming_the_field(
    visitor: Client, params: dict[str, str], field: str, message: str
) -> None:
    response = visitor.get(LIST, params)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", field]
    assert message in error["msg"]


def test_detail_shows_partners_roles_and_place(visitor: Client) -> None:
    initiative = _full_initiative(name="Delfshaven Coöperatie")

    response = visitor.get(f"{LIST}/{initiative.slug}")

    assert response.status_code == 200
    data = response.json()
    assert data["name"] == "Delfshaven Coöperatie"
    assert data["partners"] == [
        {"name": "Bewoners", "role": "residents", "contribution": ""},
        {
            "name": "Woonstad",
            "role": "housing_corporation",
            "contribution": "Ruimte in de plint.",
        },
    ]
    assert [t["slug"] for t in data["themes"]] == [
        "werk-en-economie",
        "zorg-en-gezondheid",
    ]
    assert data["municipality"] == {"code": "GM0344", "name": "Utrecht"}
    assert data["province"] == {"code": "PV26", "name": "Utrecht"}
    assert data["founded"] == 2014
    assert data["website"] == "https://delfshaven.example"
    assert data["summary"] == "Bewoners beheren samen het buurthuis."
    assert data["description"] == "Wijkeconomie en zorg in Delfshaven."
    assert (data["latitude"], data["longitude"]) == (51.91, 4.45)


def test_contact_email_never_appears(visitor: Client) -> None:
    initiative = _full_initiative()

    for url in (LIST, f"{LIST}/{initiative.slug}", f"{LIST}?q=geheim"):
        content = visitor.get(url).content.decode()
        assert "geheim@voorbeeld.nl" not in content, url
        assert "contact_email" not in content, url
        assert "@" not in content, url


@pytest.mark.parametrize("status", [Initiative.Status.PENDING, "rejected"])
def test_unpublished_initiative_answers_404(visitor: Client, status: str) -> None:
    initiative = InitiativeFactory.create(status=status)

    response = visitor.get(f"{LIST}/{initiative.slug}")

    assert response.status_code == 404
    assert set(response.json()) == {"detail"}


def test_unknown_slug_answers_404_json(visitor: Client) -> None:
    response = visitor.get(f"{LIST}/bestaat-niet")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "No published initiative with slug 'bestaat-niet'."
    }
    assert "public" not in response.get("Cache-Control", "")


def test_list_and_detail_are_publicly_cacheable(visitor: Client) -> None:
    initiative = InitiativeFactory.create()

    for url in (LIST, f"{LIST}/{initiative.slug}"):
        cache_control = visitor.get(url)["Cache-Control"]
        assert {part.strip() for part in cache_control.split(",")} == {
            "public",
            "max-age=300",
        }


def _queries_for_page(client: Client, size: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"page_size": size})
    assert response.status_code == 200
    assert len(response.json()["items"]) == size
    return len(queries)


def test_list_query_count_does_not_grow_with_page_size(
    visitor: Client, django_assert_max_num_queries: Any
) -> None:
    themes = list(Theme.objects.all()[:3])
    for number in range(50):
        initiative = InitiativeFactory.create(name=f"Initiatief {number:02d}")
        initiative.themes.set(themes)
        PartnerFactory.create(initiative=initiative)

    with django_assert_max_num_queries(3):
        small = _queries_for_page(visitor, 5)
    cache.clear()
    with django_assert_max_num_queries(3):
        large = _queries_for_page(visitor, 50)

    assert small == large


def test_detail_uses_a_fixed_number_of_queries(
    visitor: Client, django_assert_max_num_queries: Any
) -> None:
    initiative = _full_initiative()

    with django_assert_max_num_queries(3):
        assert visitor.get(f"{LIST}/{initiative.slug}").status_code == 200
