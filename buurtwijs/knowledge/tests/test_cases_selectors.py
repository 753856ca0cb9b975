"""Reads of the cases: selections keep their order, details hide what is private."""

import pytest

from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.models import PublicationPage
from buurtwijs.knowledge.selectors_cases import (
    MAX_SELECTION_LOOKUP,
    CaseFilters,
    case_compare_public,
    case_detail_extras,
    case_search_public,
    case_selection_public,
    selected_slugs,
)
from buurtwijs.knowledge.tests.cases_support import case_index, make_case

pytestmark = pytest.mark.django_db


def test_selected_slugs_are_trimmed_distinct_and_bounded() -> None:
    values = [" a ", "b", "a", "", "c\x00", *[f"x{n}" for n in range(50)]]

    slugs = selected_slugs(values)

    assert slugs[:3] == ["a", "b", "c"]
    assert len(slugs) <= MAX_SELECTION_LOOKUP


def test_selection_and_comparison_keep_the_order_the_visitor_chose() -> None:
    make_case("Eerste")
    make_case("Tweede")
    make_case("Derde", live=False)

    chosen = ["tweede", "derde", "eerste"]

    assert [c.slug for c in case_selection_public(slugs=chosen)] == ["tweede", "eerste"]
    assert [c.slug for c in case_compare_public(slugs=chosen)] == ["tweede", "eerste"]


def test_title_order_uses_the_stored_dutch_sort_key() -> None:
    make_case("IJsselmonde samen")
    make_case("Ibis in de wijk")
    make_case("'s-Hertogenbosch helpt")

    found = case_search_public(filters=CaseFilters(sort="title"))

    assert [c.title for c in found] == [
        "'s-Hertogenbosch helpt",
        "Ibis in de wijk",
        "IJsselmonde samen",
    ]


def test_detail_leaves_out_a_source_publication_that_is_not_live() -> None:
    home = case_index().get_parent()
    draft = PublicationPage(title="Nog niet verschenen", slug="nog-niet", live=False)
    home.add_child(instance=draft)
    initiative = InitiativeFactory.create(name="Zorgvrijstaat")
    case = make_case(
        "Zorg in de wijk",
        municipality=None,
        initiative=initiative,
        source_publication=draft,
        partners=[("Bewoners", "residents", "Zorg dichtbij.")],
    )

    extras = case_detail_extras(case=case)

    assert extras.publication is None
    assert extras.initiative == initiative
    assert extras.municipality == initiative.municipality  # taken from the initiative
    assert [p.drivers for p in extras.partners] == ["Zorg dichtbij."]
