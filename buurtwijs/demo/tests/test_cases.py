"""Demo cases: named and generated ones, bulk-written as valid Wagtail pages."""

import pytest
from django.test import Client
from wagtail.models import Page

from buurtwijs.demo.cases import (
    REAL_CASES,
    generate_cases,
    load_cases,
    load_real_cases,
)
from buurtwijs.demo.generate import generate_initiatives
from buurtwijs.demo.load import load_initiatives, load_places
from buurtwijs.demo.real import load_real_initiatives, load_real_pages
from buurtwijs.knowledge.models import CaseIndexPage, CasePage

pytestmark = pytest.mark.django_db


def _quiet(line: str) -> None:
    pass


def test_generated_cases_are_the_same_for_the_same_seed_and_grow_by_prefix() -> None:
    places = load_places()
    initiatives = generate_initiatives(places, seed=7, count=80)

    small = generate_cases(initiatives, places, seed=7, count=5)
    large = generate_cases(initiatives, places, seed=7, count=30)

    assert large[:5] == small
    assert len({case.slug for case in large}) == 30
    # more cases than initiatives: the rest are about initiatives of their own
    assert large[0].initiative_slug is not None
    assert large[-1].initiative_slug is None


def test_bulk_cases_are_valid_pages_that_render_and_load_only_once(
    client: Client,
) -> None:
    places = load_places()
    initiatives = generate_initiatives(places, seed=3, count=40)
    load_initiatives(initiatives, _quiet)
    specs = generate_cases(initiatives, places, seed=3, count=12)
    make_case_first = CasePage(title="Al aanwezig", slug="al-aanwezig")
    CaseIndexPage.objects.get().add_child(instance=make_case_first)

    added = load_cases(specs, _quiet)
    again = load_cases(specs, _quiet)

    assert (added, again) == (12, 0)
    assert Page.find_problems() == ([], [], [], [], [])
    index = CaseIndexPage.objects.get()
    assert index.numchild == 13
    case = CasePage.objects.get(slug=specs[-1].slug)
    assert case.url == f"/praktijkvoorbeelden/{specs[-1].slug}/"
    assert case.partners.count() == len(specs[-1].partners)
    assert case.themes.count() == len(specs[-1].themes)
    page = client.get(case.url)
    assert page.status_code == 200
    assert specs[-1].partners[0].drivers in page.content.decode()
    listing = client.get("/praktijkvoorbeelden/", {"sorteer": "title"})
    assert listing.context["page_obj"].paginator.count == 13
    # a page added the normal way after the bulk load gets a free place in the tree
    later = CasePage(title="Later toegevoegd", slug="later")
    index.add_child(instance=later)
    assert Page.find_problems() == ([], [], [], [], [])


def test_named_cases_link_to_the_book_and_their_initiatives(client: Client) -> None:
    load_real_pages(_quiet)
    load_real_initiatives(_quiet)

    added = load_real_cases(_quiet)
    again = load_real_cases(_quiet)

    assert (added, again) == (len(REAL_CASES), 0)
    case = CasePage.objects.get(slug="de-voedseltuin-rotterdam")
    assert case.initiative is not None and case.initiative.slug == "de-voedseltuin"
    assert case.source_publication is not None
    html = client.get(case.url).content.decode()
    assert "Plekken van hoop en verandering" in html
    assert "/initiatieven/de-voedseltuin/" in html
