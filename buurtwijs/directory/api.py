"""Open data API: the published initiatives and their partners."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from buurtwijs.core.api import (
    PAGE_PAST_END,
    ErrorOut,
    MunicipalityRef,
    PageQuery,
    ProvinceOut,
    ThemeRef,
    paginate,
    public_cache,
)
from buurtwijs.directory.models import Initiative, InitiativeKind, PartnerRole
from buurtwijs.directory.selectors import initiative_detail_api, initiative_list_api

KINDS = ", ".join(InitiativeKind.values)
ROLES = ", ".join(PartnerRole.values)


class InitiativeQuery(PageQuery):
    municipality: str | None = Field(
        None, max_length=20, description="Municipality CBS code, such as GM0344."
    )
    province: str | None = Field(
        None,
        max_length=50,
        description="Province CBS code (PV20 … PV31) or name, such as Utrecht.",
    )
    theme: str | None = Field(None, max_length=60, description="Theme slug.")
    kind: str | None = Field(None, max_length=30, description=f"One of: {KINDS}.")
    q: str | None = Field(
        None, max_length=200, description="Words in the name, summary or description."
    )


class InitiativeListOut(Schema):
    slug: str
    name: str
    kind: str = Field(description=f"One of: {KINDS}.")
    municipality: MunicipalityRef
    province: ProvinceOut = Field(alias="municipality.province")
    summary: str
    themes: list[ThemeRef]
    founded: int | None = Field(alias="founded_year", description="Year founded.")
    website: str
    latitude: float | None
    longitude: float | None


class InitiativePage(Schema):
    count: int = Field(description="Initiatives matching the filters.")
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")
    items: list[InitiativeListOut]


class PartnerOut(Schema):
    name: str
    role: str = Field(description=f"One of: {ROLES}.")
    contribution: str = Field(description="What the partner brings.")


class InitiativeDetailOut(InitiativeListOut):
    description: str
    partners: list[PartnerOut]


router = Router(tags=["initiatives"])


@router.get(
    "/initiatives",
    response={200: InitiativePage, 404: ErrorOut},
    summary="Initiatives",
    description="Published initiatives in name order. Filters combine; an unknown "
    f"filter value gives an empty result. {PAGE_PAST_END}",
)
@public_cache
def initiatives(
    request: HttpRequest, filters: Query[InitiativeQuery]
) -> dict[str, Any]:
    found = initiative_list_api(
        municipality=filters.municipality,
        province=filters.province,
        theme=filters.theme,
        kind=filters.kind,
        q=filters.q,
    )
    return paginate(request, found, filters)


@router.get(
    "/initiatives/{slug}",
    response={200: InitiativeDetailOut, 404: ErrorOut},
    summary="One initiative",
    description="A published initiative with its partners and their roles.",
)
@public_cache
def initiative(request: HttpRequest, slug: Path[str]) -> Initiative:
    found = initiative_detail_api(slug=slug)
    if found is None:
        raise HttpError(404, f"No published initiative with slug '{slug}'.")
    return found
