"""The open data API: reference data, the OpenAPI schema and caching."""

import json
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from buurtwijs.directory.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """API answers are cached per URL; every test starts from the database."""
    cache.clear()
    yield
    cache.clear()


def test_municipalities_list_every_municipality_with_province(visitor: Client) -> None:
    response = visitor.get("/api/v1/municipalities")

    assert response.status_code == 200
    data = response.json()
    assert len(data) == 342
    utrecht = next(m for m in data if m["code"] == "GM0344")
    assert utrecht["name"] == "Utrecht"
    assert utrecht["official_name"] == "Utrecht"
    assert utrecht["province"] == {"code": "PV26", "name": "Utrecht"}
    assert utrecht["population"] > 300_000
    assert 52 < utrecht["latitude"] < 53
    assert 4 < utrecht["longitude"] < 6


def test_municipalities_filter_by_province_code_or_name(visitor: Client) -> None:
    by_code = visitor.get("/api/v1/municipalities", {"province": "pv26"}).json()
    by_name = visitor.get("/api/v1/municipalities", {"province": "utrecht"}).json()

    assert by_code == by_name
    assert {m["province"]["code"] for m in by_code} == {"PV26"}
    assert "GM0344" in {m["code"] for m in by_code}


def test_municipalities_unknown_province_gives_empty_list(visitor: Client) -> None:
    response = visitor.get("/api/v1/municipalities", {"province": "Atlantis"})

    assert response.status_code == 200
    assert response.json() == []


def test_municipalities_use_few_queries(
    visitor: Client, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        assert visitor.get("/api/v1/municipalities").status_code == 200


def test_themes_list_the_taxonomy_with_keywords(visitor: Client) -> None:
    response = visitor.get("/api/v1/themes")

    assert response.status_code == 200
    data = response.json()
    assert len(data) == 14
    assert data[0]["slug"] == "armoede-en-schulden"
    assert data[0]["name"] == "Armoede en schulden"
    assert data[0]["name_en"]
    assert "voedselbank" in data[0]["keywords"]
    assert set(data[0]) == {"slug", "name", "name_en", "keywords"}


def test_read_endpoints_are_publicly_cacheable(visitor: Client) -> None:
    for url in ("/api/v1/municipalities", "/api/v1/themes"):
        response = visitor.get(url)
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=300"}


def test_second_request_is_served_from_cache(
    visitor: Client, django_assert_num_queries: object
) -> None:
    first = visitor.get("/api/v1/themes")

    with django_assert_num_queries(0):  # type: ignore[operator]
        second = visitor.get("/api/v1/themes")

    assert second.content == first.content


def test_invalid_parameter_answers_422_naming_it(visitor: Client) -> None:
    response = visitor.get("/api/v1/municipalities", {"province": "x" * 51})

    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["query", "province"]
    assert "50 characters" in error["msg"]
    assert "public" not in response.get("Cache-Control", "")


def test_openapi_schema_documents_every_endpoint(visitor: Client) -> None:
    response = visitor.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Buurtwijs open data"
    assert schema["info"]["version"] == "1"
    assert set(schema["paths"]) == {
        "/api/v1/municipalities",
        "/api/v1/themes",
        "/api/v1/initiatives",
        "/api/v1/initiatives/{slug}",
        "/api/v1/people",
        "/api/v1/cases",
        "/api/v1/cases/{slug}",
        "/api/v1/documents",
        "/api/v1/documents/{document_id}",
        "/api/v1/search",
        "/api/v1/analysis/themes",
        "/api/v1/match",
    }


def test_every_documented_path_answers_200(visitor: Client) -> None:
    from buurtwijs.knowledge.tests.cases_support import make_case
    from buurtwijs.knowledge.tests.documents_support import published_document

    initiative = InitiativeFactory.create()
    case = make_case("Buurtkamer")
    document = published_document()
    schema = visitor.get("/api/v1/openapi.json").json()
    examples = {
        "/api/v1/initiatives/{slug}": f"/api/v1/initiatives/{initiative.slug}",
        "/api/v1/cases/{slug}": f"/api/v1/cases/{case.slug}",
        "/api/v1/documents/{document_id}": f"/api/v1/documents/{document.pk}",
        "/api/v1/search": "/api/v1/search?q=buurt",
        "/api/v1/match": "/api/v1/match?q=buurtkamer&type=case",
    }

    for path, operations in schema["paths"].items():
        if path == "/api/v1/analysis/themes":
            assert set(operations) == {"post"}
            response = visitor.post(
                path, {"texts": ["Hoe bestrijden we eenzaamheid?"]}, "application/json"
            )
        else:
            assert set(operations) == {"get"}, path
            response = visitor.get(examples.get(path, path))
        assert response.status_code == 200, path
        assert response["Content-Type"].startswith("application/json"), path


def test_openapi_schema_never_mentions_email(visitor: Client) -> None:
    content = visitor.get("/api/v1/openapi.json").content.decode().lower()

    assert "email" not in content
    assert "e-mail" not in content


def test_docs_page_with_third_party_scripts_is_not_served(visitor: Client) -> None:
    response = visitor.get("/api/v1/docs", follow=True)

    assert response.status_code == 404
    assert b"cdn." not in response.content
