"""POST /api/v1/analysis/themes."""

import json
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.calls.api_analysis import ANONYMOUS_LIMIT

URL = "/api/v1/analysis/themes"


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    cache.clear()


def _post(client: Client, body: object) -> tuple[int, dict]:
    response = client.post(URL, json.dumps(body), content_type="application/json")
    return response.status_code, response.json()


def test_each_text_gets_all_themes_highest_first_in_order(client: Client) -> None:
    status, body = _post(
        client,
        {
            "texts": [
                "Hoe richt je een buurtcoöperatie op?",
                "eenzaamhijd onder ouderen",
                "",
            ]
        },
    )
    assert status == 200
    results = body["results"]
    assert len(results) == 3
    assert results[0]["themes"][0] == {
        "slug": "organiseren-en-financieren",
        "label": "Organiseren en financieren",
        "score": results[0]["themes"][0]["score"],
    }
    assert results[1]["themes"][0]["slug"] in {
        "ontmoeting-en-eenzaamheid",
        "ouder-worden",
    }
    for result in results:
        assert len(result["themes"]) == 14
        scores = [theme["score"] for theme in result["themes"]]
        assert scores == sorted(scores, reverse=True)
    assert {theme["score"] for theme in results[2]["themes"]} == {0.0}


def test_too_many_texts_answer_422_naming_the_field(client: Client) -> None:
    status, body = _post(client, {"texts": ["Hoe?"] * 101})
    assert status == 422
    assert "texts" in json.dumps(body)


def test_a_text_too_long_answers_422_naming_the_field(client: Client) -> None:
    status, body = _post(client, {"texts": ["ok", "a" * 5_001]})
    assert status == 422
    assert "texts" in json.dumps(body)
    status, _ = _post(client, {"texts": ["a" * 5_000]})
    assert status == 200


def test_malformed_bodies_answer_422_not_500(client: Client) -> None:
    for body in [{}, {"texts": "Hoe?"}, {"texts": [1, None]}, ["Hoe?"]]:
        status, _ = _post(client, body)
        assert status == 422
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code in {400, 422}


def test_anonymous_callers_are_rate_limited_with_a_clear_message(
    client: Client,
) -> None:
    for _ in range(ANONYMOUS_LIMIT):
        status, _ = _post(client, {"texts": ["Hoe?"]})
        assert status == 200
    status, body = _post(client, {"texts": ["Hoe?"]})
    assert status == 429
    assert "Too many requests" in body["detail"]
    # Another address still gets through.
    other = client.post(
        URL,
        json.dumps({"texts": ["Hoe?"]}),
        content_type="application/json",
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 200


def test_members_are_not_rate_limited(
    client_for: Callable[[User], Client], member: User
) -> None:
    client = client_for(member)
    for _ in range(ANONYMOUS_LIMIT + 5):
        status, _ = _post(client, {"texts": ["Hoe?"]})
        assert status == 200


def test_the_endpoint_is_documented(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert "429" in operation["responses"]
    assert "at most 100 texts" in operation["description"].lower()
