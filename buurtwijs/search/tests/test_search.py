"""Site search: Dutch word forms and compounds, filters, facets, bad input."""

import pytest
from django.test import Client

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.models import Document, DocumentKind, Visibility
from buurtwijs.search.backends import Filters
from buurtwijs.search.models import SearchEntry
from buurtwijs.search.selectors import search_public
from buurtwijs.search.services import index_later, search_index_rebuild
from conftest import TaskRunner


def _document(title: str, text: str, **fields: object) -> Document:
    document = Document.objects.create(
        title=title,
        kind=fields.pop("kind", DocumentKind.GUIDE),
        extracted_text=text,
        status=fields.pop("status", Document.Status.PUBLISHED),
        **fields,
    )
    index_later(kind="document", object_id=document.pk)
    return document


def _titles(query: str, **filters: str) -> list[str]:
    results = search_public(query=query, filters=Filters(**filters))
    return [hit.plain_title for hit in results.hits]


@pytest.fixture
def library(tasks: TaskRunner) -> None:
    _document(
        "Modelstatuten buurtcoöperatie",
        "Het statuut regelt wie lid wordt van de coöperatie.",
        kind=DocumentKind.STATUTES,
    )
    _document(
        "Zo vraag je subsidie aan",
        "Een subsidieaanvraag bij de gemeente begint met een projectplan.",
        kind=DocumentKind.FUNDING,
    )
    _document("Moestuin in de wijk", "Groente kweken met buren in Zuilen.")
    tasks.run()


def test_plural_with_diaeresis_finds_the_singular_without(library: None) -> None:
    assert _titles("buurtcoöperaties") == ["Modelstatuten buurtcoöperatie"]


def test_statuten_finds_statuut(library: None) -> None:
    assert "Modelstatuten buurtcoöperatie" in _titles("statuten")


def test_separate_words_find_the_compound(library: None) -> None:
    assert _titles("subsidie aanvragen") == ["Zo vraag je subsidie aan"]


def test_every_word_must_match(library: None) -> None:
    assert _titles("moestuin statuten") == []


def test_hits_show_a_snippet_with_the_found_words_marked(library: None) -> None:
    hit = search_public(query="subsidieaanvraag", filters=Filters()).hits[0]
    assert "<mark>subsidieaanvraag</mark>" in hit.snippet
    assert "<mark>" not in hit.plain_title


@pytest.mark.parametrize(
    "query",
    ["", "de het een", "x" * 5_000, '"*:&|!(', "' OR 1=1 --", "statuut) OR (a"],
)
def test_odd_queries_answer_normally(library: None, query: str) -> None:
    results = search_public(query=query, filters=Filters())
    assert results.total == 0 or results.searchable


def test_a_pending_or_members_only_document_is_not_found(tasks: TaskRunner) -> None:
    _document("Geheim draaiboek", "voedselbank", status=Document.Status.PENDING)
    _document("Ledenlijst draaiboek", "voedselbank", visibility=Visibility.MEMBERS)
    _document("Open draaiboek", "voedselbank")
    tasks.run()
    assert _titles("draaiboek") == ["Open draaiboek"]


def test_results_of_all_types_come_with_counts_per_type(tasks: TaskRunner) -> None:
    initiative = InitiativeFactory.create(
        name="Voedselbank Kanaleneiland", description="Pakketten voor de buurt."
    )
    index_later(kind="initiative", object_id=initiative.pk)
    _document("Handreiking voedselbank", "Zo start je een voedselbank.")
    tasks.run()
    results = search_public(query="voedselbanken", filters=Filters())
    assert {(facet.kind, facet.count) for facet in results.facets} == {
        ("initiative", 1),
        ("document", 1),
    }
    only = search_public(query="voedselbanken", filters=Filters(kind="initiative"))
    assert [hit.plain_title for hit in only.hits] == ["Voedselbank Kanaleneiland"]
    assert only.total == 1


def test_filters_by_theme_and_municipality(tasks: TaskRunner) -> None:
    food = Theme.objects.get(slug="voedsel-en-groen")
    utrecht = InitiativeFactory.create(name="Buurttuin Utrecht")
    utrecht.themes.add(food)
    InitiativeFactory.create(
        name="Buurttuin Groningen",
        municipality=Municipality.objects.get(code="GM0014"),
    )
    for initiative in Initiative.objects.all():
        index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert _titles("buurttuin", theme="voedsel-en-groen") == ["Buurttuin Utrecht"]
    assert _titles("buurttuin", municipality_code="GM0014") == ["Buurttuin Groningen"]
    assert _titles("buurttuin", theme="bestaat-niet") == []


def test_an_initiative_that_is_no_longer_public_leaves_the_index(
    tasks: TaskRunner,
) -> None:
    initiative = InitiativeFactory.create(name="Wijkkeuken Hoograven")
    index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert _titles("wijkkeuken") == ["Wijkkeuken Hoograven"]
    Initiative.objects.filter(pk=initiative.pk).update(
        status=Initiative.Status.REJECTED
    )
    index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert _titles("wijkkeuken") == []
    assert not SearchEntry.objects.filter(kind="initiative").exists()


def test_a_page_past_the_end_gives_the_last_page(tasks: TaskRunner) -> None:
    for number in range(3):
        _document(f"Buurtbudget {number}", "Geld voor de buurt.")
    tasks.run()
    results = search_public(query="buurtbudget", filters=Filters(), page=9, page_size=2)
    assert (results.page, results.pages, len(results.hits)) == (2, 2, 1)


def test_rebuild_indexes_every_public_record_once(db: None) -> None:
    InitiativeFactory.create(name="Energiecoöperatie Zuid")
    InitiativeFactory.create(name="Niet gepubliceerd", status=Initiative.Status.PENDING)
    assert search_index_rebuild(kinds=["initiative"]) == 1
    assert search_index_rebuild(kinds=["initiative"]) == 1
    assert _titles("energiecooperaties") == ["Energiecoöperatie Zuid"]


def test_search_page_lists_hits_and_facets(client: Client, library: None) -> None:
    response = client.get("/zoeken/", {"q": "statuten"})
    assert response.status_code == 200
    assert "Modelstatuten buurtcoöperatie" in response.text
    assert "<mark>" in response.text


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
    client: Client, tasks: TaskRunner, django_assert_max_num_queries
) -> None:  # noqa: ANN001
    for number in range(25):
        _document(f"Buurtfonds {number}", "Een fonds voor de buurt.")
    tasks.run()
    with django_assert_max_num_queries(8):
        response = client.get("/zoeken/", {"q": "buurtfonds"})
    assert response.text.count('class="bw-result"') == 20


def test_api_search_answers_with_items_facets_and_paging(
    client: Client, library: None
) -> None:
    response = client.get("/api/v1/search", {"q": "statuten", "page_size": 1})
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
    response = client.get("/api/v1/search", {"q": "statuten", "page": 5})
    assert response.status_code == 404
    assert "last page is 1" in response.json()["detail"]
