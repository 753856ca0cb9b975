"""The open data API for cases: filters, paging, detail, bad input, query counts."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.models import CasePage
from buurtwijs.knowledge.tests.cases_support import make_case

pytestmark = pytest.mark.django_db

LIST = "/api/v1/cases"


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """API answers are cached per URL; every test starts from the database."""
    cache.clear()
    yield
    cache.clear()


def _titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def cases() -> list[CasePage]:
    initiative = InitiativeFactory.create(name="De Voedseltuin", slug="de-voedseltuin")
    garden = make_case(
        "De Voedseltuin, Rotterdam",
        slug="de-voedseltuin-rotterdam",
        municipality="GM0599",
        initiative=initiative,
        themes=["armoede-en-schulden", "openbare-ruimte"],
        partners=[
            ("Vrijwilligers", "residents", "Iets betekenen voor de buurt."),
            ("Voedselbank", "social_institution", "Vers eten in de pakketten."),
        ],
        summary="Verse groente voor de voedselbank.",
        context="<p>Pakketten zonder verse groente.</p>",
        lessons="<p>Verdeel de taken.</p>",
        source_url="https://example.org/boek",
        source_label="Plekken van hoop en verandering",
        published_days_ago=2,
    )
    academy = make_case(
        "Wijkacademies Opvoeden",
        municipality="GM0344",
        themes=["jeugd-en-opvoeden"],
        partners=[("Hogeschool Utrecht", "knowledge_institution", "Onderzoek.")],
        published_days_ago=1,
    )
    return [garden, academy]


def test_list_shows_only_published_public_cases_newest_first(
    visitor: Client, cases: list[CasePage]
) -> None:
    make_case("Concept", live=False)
    hidden = make_case("Achter een wachtwoord")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    response = visitor.get(LIST)

    assert _titles(response) == ["Wijkacademies Opvoeden", "De Voedseltuin, Rotterdam"]
    assert response.json()["count"] == 2
    assert "public" in response["Cache-Control"]


def test_list_items_carry_place_themes_roles_and_initiative(
    visitor: Client, cases: list[CasePage]
) -> None:
    item = visitor.get(LIST).json()["items"][1]

    assert item["slug"] == "de-voedseltuin-rotterdam"
    assert (
        item["url"] == "http://testserver/praktijkvoorbeelden/de-voedseltuin-rotterdam/"
    )
    assert item["municipality"] == {"code": "GM0599", "name": "Rotterdam"}
    assert item["province"] == {"code": "PV28", "name": "Zuid-Holland"}
    assert [t["slug"] for t in item["themes"]] == [
        "armoede-en-schulden",
        "openbare-ruimte",
    ]
    assert item["roles"] == ["residents", "social_institution"]
    assert item["initiative"] == {"slug": "de-voedseltuin", "name": "De Voedseltuin"}
    assert item["year"] == 2019


def test_initiative_awaiting_moderation_is_not_named(visitor: Client) -> None:
    pending = InitiativeFactory.create(status=Initiative.Status.PENDING)
    make_case("Over een initiatief in moderatie", initiative=pending)

    assert visitor.get(LIST).json()["items"][0]["initiative"] is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=jeugd-en-opvoeden", ["Wijkacademies Opvoeden"]),
        ("province=PV28", ["De Voedseltuin, Rotterdam"]),
        ("province=zuid-holland", ["De Voedseltuin, Rotterdam"]),
        ("municipality=gm0344", ["Wijkacademies Opvoeden"]),
        ("role=social_institution", ["De Voedseltuin, Rotterdam"]),
        ("role=residents&theme=jeugd-en-opvoeden", []),
        ("theme=bestaat-niet", []),
        ("role=aliens", []),
        ("municipality=GM0344%00", ["Wijkacademies Opvoeden"]),
    ],
)
def test_filters_combine_and_unknown_values_give_nothing(
    visitor: Client, cases: list[CasePage], query: str, expected: list[str]
) -> None:
    assert _titles(visitor.get(f"{LIST}?{query}")) == expected


def test_pages_link_to_each_other_and_past_the_end_is_404(
    visitor: Client, cases: list[CasePage]
) -> None:
    first = visitor.get(LIST, {"page_size": 1}).json()
    second = visitor.get(LIST, {"page_size": 1, "page": 2}).json()
    past = visitor.get(LIST, {"page_size": 1, "page": 3})

    assert first["count"] == 2
    assert first["next"] == "http://testserver/api/v1/cases?page_size=1&page=2"
    assert first["previous"] is None
    assert second["next"] is None
    assert past.status_code == 404
    assert "the last page is 2" in past.json()["detail"]


@pytest.mark.parametrize(
    "query",
    ["page=0", "page=x", "page_size=101", "page_size=0", f"theme={'a' * 61}"],
)
def test_invalid_parameters_answer_422_naming_them(
    visitor: Client, cases: list[CasePage], query: str
) -> None:
    response = visitor.get(f"{LIST}?{query}")

    assert response.status_code == 422
    assert query.split("=")[0] in response.content.decode()


def test_detail_has_partners_roles_drivers_and_sources(
    visitor: Client, cases: list[CasePage]
) -> None:
    response = visitor.get(f"{LIST}/de-voedseltuin-rotterdam")

    assert response.status_code == 200
    case = response.json()
    assert case["partners"] == [
        {
            "name": "Vrijwilligers",
            "role": "residents",
            "drivers": "Iets betekenen voor de buurt.",
        },
        {
            "name": "Voedselbank",
            "role": "social_institution",
            "drivers": "Vers eten in de pakketten.",
        },
    ]
    assert case["context"] == "<p>Pakketten zonder verse groente.</p>"
    assert case["lessons"] == "<p>Verdeel de taken.</p>"
    assert case["results"] == ""
    assert case["sources"] == {
        "publication": None,
        "url": "https://example.org/boek",
        "label": "Plekken van hoop en verandering",
    }


@pytest.mark.parametrize("slug", ["bestaat-niet", "concept-over-zorg"])
def test_detail_of_unknown_or_draft_case_is_404(
    visitor: Client, cases: list[CasePage], slug: str
) -> None:
    make_case("Concept over zorg", live=False)

    response = visitor.get(f"{LIST}/{slug}")

    assert response.status_code == 404
    assert slug in response.json()["detail"]


def test_list_needs_the_same_number_of_queries_for_few_and_many_cases(
    visitor: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(2):
        make_case(f"Klein {number}", themes=["wonen"], partners=[("A", "funder", "")])
    with django_assert_max_num_queries(8) as few:
        visitor.get(LIST, {"page_size": 100})
    cache.clear()
    for number in range(25):
        make_case(
            f"Groot {number}",
            themes=["wonen", "veiligheid"],
            partners=[("B", "residents", ""), ("C", "municipality", "")],
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = visitor.get(LIST, {"page_size": 100})

    assert response.json()["count"] == 27
