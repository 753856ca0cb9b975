"""Open data API: one search over every public record."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from buurtwijs.core.api import ErrorOut, public_cache
from buurtwijs.search.backends import Filters
from buurtwijs.search.selectors import MAX_PAGE_SIZE, search_public

KindName = Literal[
    "initiative",
    "person",
    "case",
    "document",
    "publication",
    "article",
    "event",
    "question",
]


class SearchQuery(Schema):
    q: str = Field(
        ...,
        max_length=5_000,
        description="Words to find, in any form (Dutch stemming and compounds).",
    )
    type: KindName | None = Field(None, description="Only results of this type.")
    theme: str | None = Field(None, max_length=60, description="Theme slug.")
    municipality: str | None = Field(
        None, max_length=20, description="Municipality CBS code, such as GM0344."
    )
    page: int = Field(1, ge=1, description="Page number, starting at 1.")
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100."
    )


class FacetOut(Schema):
    type: str = Field(alias="kind")
    label: str
    count: int


class HitOut(Schema):
    type: str = Field(alias="kind")
    id: str = Field(alias="object_id")
    title: str = Field(alias="plain_title")
    url: str
    snippet: str = Field(
        description="HTML: an escaped stretch of text with the found words in <mark>."
    )
    date: datetime | None


class SearchOut(Schema):
    query: str
    count: int = Field(description="Results of the chosen type (or of all types).")
    next: str | None
    previous: str | None
    facets: list[FacetOut] = Field(description="Results per type, for the same words.")
    items: list[HitOut]


router = Router(tags=["search"])


@router.get(
    "/search",
    response={200: SearchOut, 404: ErrorOut},
    summary="Search",
    description="Public initiatives, people, cases, documents, publications and "
    "events matching every word of `q`, best first, with counts per type. A query "
    "of only very common words gives no results. A page past the last one answers "
    "404 naming the last page.",
)
@public_cache
def search(request: HttpRequest, params: Query[SearchQuery]) -> dict[str, Any]:
    results = search_public(
        query=params.q,
        filters=Filters(
            kind=params.type or "",
            theme=params.theme or "",
            municipality_code=(params.municipality or "").upper(),
        ),
        page=params.page,
        page_size=params.page_size,
    )
    if params.page > results.pages:
        raise HttpError(
            404, f"Page {params.page} does not exist; the last page is {results.pages}."
        )

    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "query": params.q,
        "count": results.total,
        "next": link(results.page + 1) if results.page < results.pages else None,
        "previous": link(results.page - 1) if results.page > 1 else None,
        "facets": results.facets,
        "items": results.hits,
    }
