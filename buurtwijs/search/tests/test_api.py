"""GET /api/v1/search."""

from typing import get_args

from django.test import Client

from buurtwijs.search.api import KindName
from buurtwijs.search.models import Kind


def test_api_search_answers_with_items_facets_and_paging(
    client: Client, library: None
) -> None:
    response = client.get("/api/v1/search", {"q": "statuten", "page_size": "1"})
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 1
    assert body["items"][0]["title"] == "Modelstatuten buurtcoöperatie"
    assert body["items"][0]["type"] == "document"
    assert body["facets"] == [{"type": "document", "label": "Document", "count": 1}]


def test_api_search_names_a_bad_parameter(client: Client, db: None) -> None:
    response = client.get("/api/v1/search", {"q": "buurt", "type": "planet"})
    assert response.status_code == 422
    assert "type" in response.text
    assert client.get("/api/v1/search").status_code == 422


def test_api_search_past_the_last_page_is_404(client: Client, library: None) -> None:
    response = client.get("/api/v1/search", {"q": "statuten", "page": "5"})
    assert response.status_code == 404
    assert "last page is 1" in response.json()["detail"]


def test_api_types_are_the_index_types() -> None:
    assert set(get_args(KindName)) == set(Kind.values)
