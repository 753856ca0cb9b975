"""Publication pages: the book with its download, order link and its cases."""

from typing import Any

from django.test import Client
from wagtail.models import Page

from buurtwijs.knowledge.models import CaseIndexPage, CasePage, PublicationPage


def _book() -> PublicationPage:
    book = PublicationPage(
        title="Plekken van hoop en verandering",
        slug="plekken",
        authors="Platform Stad en Wijk",
        year=2019,
        order_url="https://www.eburon.nl/",
    )
    Page.objects.get(slug="publicaties").add_child(instance=book)
    return book


def _case(title: str, book: PublicationPage, *, live: bool = True) -> CasePage:
    case = CasePage(title=title, source_publication=book, live=live)
    CaseIndexPage.objects.get().add_child(instance=case)
    return case


def test_book_page_lists_its_live_cases_and_where_to_order(
    client: Client, db: None, django_assert_max_num_queries: Any
) -> None:
    book = _book()
    _case("Delfshaven Coöperatie", book)
    _case("Zorgvrijstaat", book)
    _case("Nog in concept", book, live=False)

    with django_assert_max_num_queries(20):
        response = client.get("/publicaties/plekken/")

    assert response.status_code == 200
    assert "Delfshaven Coöperatie" in response.text
    assert "Zorgvrijstaat" in response.text
    assert "Nog in concept" not in response.text
    assert 'href="https://www.eburon.nl/"' in response.text
    assert "Platform Stad en Wijk" in response.text
