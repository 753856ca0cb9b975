"""Search results: Dutch word forms and compounds, filters, facets, odd input."""

import pytest

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.search.backends import Filters
from buurtwijs.search.selectors import search_public
from buurtwijs.search.services import index_later
from buurtwijs.search.tests.helpers import add_document, titles
from conftest import TaskRunner


def test_plural_with_diaeresis_finds_the_singular_without(library: None) -> None:
    assert titles("buurtcoöperaties") == ["Modelstatuten buurtcoöperatie"]


def test_statuten_finds_statuut(library: None) -> None:
    assert "Modelstatuten buurtcoöperatie" in titles("statuten")


def test_separate_words_find_the_compound(library: None) -> None:
    assert titles("subsidie aanvragen") == ["Zo vraag je subsidie aan"]


def test_every_word_must_match(library: None) -> None:
    assert titles("moestuin statuten") == []


def test_hits_show_a_snippet_with_the_found_words_marked(library: None) -> None:
    hit = search_public(query="subsidieaanvraag", filters=Filters()).hits[0]
    assert "<mark>subsidieaanvraag</mark>" in hit.snippet
    assert "<mark>" not in hit.plain_title


@pytest.mark.parametrize("query", ["", "de het een", '"*:&|!(', "&&& ||| !!!"])
def test_a_query_without_searchable_words_says_so(library: None, query: str) -> None:
    results = search_public(query=query, filters=Filters())
    assert not results.searchable
    assert results.hits == []


@pytest.mark.parametrize(
    "query",
    ['"statuten"', "statuten*", "statuten:", "(statuten & !buurt)", "statuten'"],
)
def test_operator_characters_are_ignored_not_obeyed(library: None, query: str) -> None:
    assert titles(query) == ["Modelstatuten buurtcoöperatie"]


def test_a_very_long_query_answers_normally(library: None) -> None:
    results = search_public(query="statuten " + "x" * 5_000, filters=Filters())
    assert results.searchable
    assert results.hits == []


def test_sql_in_a_query_is_just_words(library: None) -> None:
    assert titles("'; DROP TABLE search_searchentry; --") == []
    assert titles("statuten") == ["Modelstatuten buurtcoöperatie"]


def test_results_of_all_types_come_with_counts_per_type(tasks: TaskRunner) -> None:
    initiative = InitiativeFactory.create(
        name="Voedselbank Kanaleneiland", description="Pakketten voor de buurt."
    )
    index_later(kind="initiative", object_id=initiative.pk)
    add_document("Handreiking voedselbank", "Zo start je een voedselbank.")
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
    food = Theme.objects.get(slug="openbare-ruimte")
    utrecht = InitiativeFactory.create(name="Buurttuin Utrecht")
    utrecht.themes.add(food)
    InitiativeFactory.create(
        name="Buurttuin Groningen",
        municipality=Municipality.objects.get(code="GM0014"),
    )
    for initiative in Initiative.objects.all():
        index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert titles("buurttuin", theme="openbare-ruimte") == ["Buurttuin Utrecht"]
    assert titles("buurttuin", municipality_code="GM0014") == ["Buurttuin Groningen"]
    assert titles("buurttuin", theme="bestaat-niet") == []


def test_a_page_past_the_end_gives_the_last_page(tasks: TaskRunner) -> None:
    for number in range(3):
        add_document(f"Buurtbudget {number}", "Geld voor de buurt.")
    tasks.run()
    results = search_public(query="buurtbudget", filters=Filters(), page=9, page_size=2)
    assert (results.page, results.pages, len(results.hits)) == (2, 2, 1)


def test_a_compound_also_finds_its_parts_when_it_is_not_found_whole(
    tasks: TaskRunner,
) -> None:
    add_document("Hulp bij geld", "Zo doe je een aanvraag voor subsidie.")
    tasks.run()
    assert titles("subsidieaanvraag") == ["Hulp bij geld"]
