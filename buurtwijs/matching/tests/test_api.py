"""GET /api/v1/match: shape, validation, privacy, and the held-out import path."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.matching.tests.support import devset, public_person

pytestmark = pytest.mark.django_db

FOOD = "Coördinator van de voedselbank in de wijk"


def test_match_answers_items_best_first_with_reasons(client: Client) -> None:
    public_person("Sanne de Boer", FOOD, themes=("armoede-en-schulden",))
    public_person("Bas Koster", "Schuldhulp en armoede in Leeuwarden")
    make_case("Voedselbank met moestuin", summary="Een voedselbank teelt groente.")

    response = client.get("/api/v1/match", {"q": "voedselbank opzetten"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert items[0]["name"] in {"Sanne de Boer", "Voedselbank met moestuin"}
    assert set(items[0]) == {"type", "id", "slug", "name", "url", "score", "reasons"}
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)
    sanne = next(item for item in items if item["name"] == "Sanne de Boer")
    assert sanne["type"] == "person"
    assert sanne["slug"] == "sanne-de-boer"
    assert "ervaring met: voedselbank" in sanne["reasons"]
    assert "zelfde thema: Armoede en schulden" in sanne["reasons"]


def test_type_and_limit_narrow_the_answer(client: Client) -> None:
    for number in range(4):
        public_person(f"Persoon {number}", f"{FOOD} {number}")
    InitiativeFactory.create(name="Voedselbank Oost", slug="voedselbank-oost")

    people = client.get("/api/v1/match", {"q": "voedselbank", "type": "person"})
    two = client.get("/api/v1/match", {"q": "voedselbank", "limit": "2"})
    initiatives = client.get("/api/v1/match?q=voedselbank&type=initiative")

    assert {item["type"] for item in people.json()["items"]} == {"person"}
    assert len(two.json()["items"]) == 2
    assert [item["slug"] for item in initiatives.json()["items"]] == [
        "voedselbank-oost"
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("type=people", "type"),
        ("limit=0", "limit"),
        ("limit=51", "limit"),
        ("limit=tien", "limit"),
        ("q=" + "x" * 5001, "q"),
    ],
)
def test_bad_parameters_answer_422_naming_the_field(
    client: Client, query: str, field: str
) -> None:
    response = client.get(f"/api/v1/match?{query}")

    assert response.status_code == 422
    assert field in str(response.json()["detail"][0]["loc"])


@pytest.mark.parametrize("q", ["", "a", "😀🙈", "x" * 5000, "voedselbank " * 400])
def test_odd_queries_answer_normally(client: Client, q: str) -> None:
    public_person("Sanne", FOOD)

    response = client.get("/api/v1/match", {"q": q})

    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_private_and_opted_out_people_never_appear(client: Client) -> None:
    public_person("Privé Persoon", FOOD, is_public=False)
    public_person("Afgemeld Persoon", FOOD, allow_suggestions=False)
    public_person("Open Persoon", FOOD)

    body = client.get("/api/v1/match", {"q": "voedselbank"}).content.decode()

    assert "Open Persoon" in body
    assert "Privé" not in body
    assert "Afgemeld" not in body


def test_no_email_address_appears_in_the_answer(client: Client) -> None:
    public_person("Sanne", FOOD, email="sanne@voorbeeld.nl")

    body = client.get("/api/v1/match", {"q": "voedselbank"}).content.decode()

    assert "Sanne" in body
    assert "@" not in body.replace("://", "")


def test_a_municipality_code_puts_nearby_people_first(client: Client) -> None:
    public_person("In Utrecht", FOOD, municipality="GM0344")
    public_person("In Groningen", FOOD, municipality="GM0014")

    near_groningen = client.get(
        "/api/v1/match", {"q": "voedselbank", "municipality": "GM0014"}
    ).json()["items"]
    unknown = client.get(
        "/api/v1/match", {"q": "voedselbank", "municipality": "GM9999"}
    )

    assert near_groningen[0]["name"] == "In Groningen"
    assert "in dezelfde gemeente: Groningen" in near_groningen[0]["reasons"]
    assert unknown.status_code == 200


def test_imported_people_are_found_by_the_api_right_away(
    client: Client, tmp_path: Path
) -> None:
    """The held-out evaluation's path: import_directory people, then the API."""
    # given: an index built before the import
    assert client.get("/api/v1/match", {"q": "voedselbank"}).json()["items"] == []
    data = devset()
    path = tmp_path / "mensen.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "name",
                "email",
                "organisation",
                "municipality",
                "kind",
                "expertise",
                "themes",
                "public",
            ]
        )
        for person in data["people"]:
            writer.writerow(
                [
                    person["name"],
                    person["email"],
                    person["organisation"],
                    person["municipality"],
                    "professional",
                    person["expertise"],
                    ";".join(person["themes"]),
                    "ja",
                ]
            )
    # when
    call_command("import_directory", "people", str(path))
    # then: every labelled query finds one of its people first
    names = {person["key"]: person["name"] for person in data["people"]}
    hits = 0
    people_queries = [q for q in data["queries"] if q["people"]]
    for query in people_queries:
        items = client.get(
            "/api/v1/match", {"q": query["text"], "type": "person", "limit": 5}
        ).json()["items"]
        hits += bool(items) and items[0]["name"] in {names[k] for k in query["people"]}
    assert hits / len(people_queries) >= 0.85
    first = client.get(
        "/api/v1/match", {"q": "Hoe start je een voedselbank?", "type": "person"}
    ).json()["items"][0]
    assert first["name"] == "Sanne de Boer"


def test_a_match_costs_few_queries(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(20):
        public_person(f"Persoon {number}", f"{FOOD} {number}")
    client.get("/api/v1/match", {"q": "voedselbank"})

    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/match", {"q": "voedselbank", "limit": "20"})

    assert len(response.json()["items"]) == 20


def test_the_endpoint_is_in_the_openapi_schema(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/match" in schema["paths"]
