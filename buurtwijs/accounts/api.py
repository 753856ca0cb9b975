"""Open data API: the people who made their profile public, as far as they show it."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from buurtwijs.accounts.models import PersonKind
from buurtwijs.accounts.selectors import profile_list_public, profile_public_view
from buurtwijs.core.api import (
    PAGE_PAST_END,
    ErrorOut,
    MunicipalityRef,
    PageQuery,
    ThemeRef,
    paginate,
    public_cache,
)

KINDS = ", ".join(PersonKind.values)


class PersonQuery(PageQuery):
    municipality: str | None = Field(
        None, max_length=20, description="Municipality CBS code, such as GM0344."
    )
    theme: str | None = Field(None, max_length=60, description="Theme slug.")
    q: str | None = Field(
        None,
        max_length=200,
        description="Words in the name, or in the organisation or expertise where "
        "shown.",
    )


class PersonOut(Schema):
    name: str
    organisation: str | None = Field(description="Null when hidden or empty.")
    municipality: MunicipalityRef | None = Field(description="Null when hidden.")
    kind: str | None = Field(description=f"One of: {KINDS}; null when hidden.")
    expertise: str | None = Field(
        description="What the person works on; null when hidden or empty."
    )
    themes: list[ThemeRef] | None = Field(description="Null when hidden.")


class PersonPage(Schema):
    count: int = Field(description="People matching the filters.")
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")
    items: list[PersonOut]


router = Router(tags=["people"])


@router.get(
    "/people",
    response={200: PersonPage, 404: ErrorOut},
    summary="People",
    description="People who made their profile public, in name order, with only "
    "the fields they chose to show (hidden fields are null). Filters match shown "
    "fields only; an unknown filter value gives an empty result. "
    f"{PAGE_PAST_END}",
)
@public_cache
def people(request: HttpRequest, filters: Query[PersonQuery]) -> dict[str, Any]:
    page = paginate(
        request,
        profile_list_public(
            municipality=filters.municipality, theme=filters.theme, q=filters.q
        ),
        filters,
    )
    page["items"] = [profile_public_view(profile) for profile in page["items"]]
    return page
