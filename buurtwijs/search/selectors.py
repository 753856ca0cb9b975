"""Reads of the search index: one ranked page of hits with counts per type."""

from dataclasses import dataclass, field
from datetime import datetime
from math import ceil

from django.utils.safestring import SafeString

from buurtwijs.search import backends
from buurtwijs.search.backends import Filters
from buurtwijs.search.highlight import query_stems, snippet
from buurtwijs.search.models import Kind, SearchEntry

PER_PAGE = 20
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Hit:
    """One search result as a list shows it."""

    kind: str
    kind_label: str
    object_id: str
    title: SafeString
    plain_title: str
    url: str
    snippet: SafeString
    date: datetime | None


@dataclass(frozen=True)
class Facet:
    kind: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, the number of hits per type and what the query became."""

    query: str
    searchable: bool  # False when the query held no searchable word
    hits: list[Hit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 1
    page_size: int = PER_PAGE

    @property
    def first(self) -> int:
        """The rank of the first hit on this page."""
        return (self.page - 1) * self.page_size + 1


def search_public(
    *, query: str, filters: Filters, page: int = 1, page_size: int = PER_PAGE
) -> SearchResults:
    """Public records matching every word of the query, best first.

    One query when the words are found as typed; a second when a compound was
    found less than a page full and its parts are tried as well. A page past the
    last one gives the last page.
    """
    terms = backends.query_terms(query)
    if not terms:
        return SearchResults(query=query, searchable=False, page_size=page_size)
    page = max(page, 1)
    offset = (page - 1) * page_size
    found = backends.ranking(terms, filters, limit=page_size, offset=offset)
    expanded = False
    if sum(found.counts.values()) < page_size and any(item.parts for item in terms):
        # Few hits for the compound as typed: also accept its parts anywhere, so
        # "subsidieaanvraag" finds "een aanvraag voor subsidie".
        found = backends.ranking(
            terms, filters, limit=page_size, offset=offset, expand=True
        )
        expanded = True
    counts = found.counts
    facets = [
        Facet(kind=kind.value, label=str(kind.label), count=counts[kind.value])
        for kind in Kind
        if counts.get(kind.value)
    ]
    total = counts.get(filters.kind, 0) if filters.kind else sum(counts.values())
    pages = max(1, ceil(total / page_size))
    ids = found.ids
    if page > pages:  # past the end: show the last page
        page = pages
        ids = backends.ranking(
            terms,
            filters,
            limit=page_size,
            offset=(page - 1) * page_size,
            expand=expanded,
        ).ids
    hits: list[Hit] = []
    if ids:
        entries = SearchEntry.objects.select_related("text").in_bulk(ids)
        stems = query_stems(terms)
        labels = dict(Kind.choices)
        for pk in ids:
            entry = entries[pk]
            text = entry.text.body or entry.text.summary
            hits.append(
                Hit(
                    kind=entry.kind,
                    kind_label=str(labels.get(entry.kind, entry.kind)),
                    object_id=entry.object_id,
                    title=snippet(entry.title, stems, words=60),
                    plain_title=entry.title,
                    url=entry.url,
                    snippet=snippet(text, stems),
                    date=entry.date,
                )
            )
    return SearchResults(
        query=query,
        searchable=True,
        hits=hits,
        facets=facets,
        total=total,
        page=page,
        pages=pages,
        page_size=page_size,
    )
