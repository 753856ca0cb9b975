"""The search page at /zoeken/."""

from typing import Any

from django.test import Client

from buurtwijs.search.tests.helpers import add_document
from conftest import TaskRunner


def test_search_page_lists_hits_and_facets(client: Client, library: None) -> None:
    response = client.get("/zoeken/", {"q": "statuten"})
    assert response.status_code == 200
    # the title links to the document, the found word in it marked
    assert "<mark>Modelstatuten</mark> buurtcoöperatie</a>" in response.text


def test_search_page_explains_a_query_of_only_common_words(
    client: Client, library: None
) -> None:
    response = client.get("/zoeken/", {"q": "de het"})
    assert response.status_code == 200
    assert "geen woorden om op te zoeken" in response.text


def test_search_page_with_unknown_type_or_page_does_not_fail(
    client: Client, library: None
) -> None:
    assert client.get("/zoeken/", {"q": "statuut", "soort": "x"}).status_code == 200
    response = client.get("/zoeken/", {"q": "statuut", "pagina": "99999999999"})
    assert response.status_code == 200


def test_search_page_uses_a_fixed_number_of_queries(
    client: Client, tasks: TaskRunner, django_assert_max_num_queries: Any
) -> None:
    for number in range(25):
        add_document(f"Buurtfonds {number}", "Een fonds voor de buurt.")
    tasks.run()
    with django_assert_max_num_queries(8):
        response = client.get("/zoeken/", {"q": "buurtfonds"})
    assert response.text.count('class="bw-result"') == 20
