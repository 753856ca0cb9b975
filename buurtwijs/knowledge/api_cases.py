"""Open data API: the published practice cases with their partners and drivers."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.rich_text import expand_db_html

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
from buurtwijs.directory.models import Initiative, PartnerRole
from buurtwijs.knowledge.models import CasePage
from buurtwijs.knowledge.selectors_cases import (
    case_detail_api,
    case_list_api,
)

ROLES = ", ".join(PartnerRole.values)


class CaseQuery(PageQuery):
    theme: str | None = Field(None, max_length=60, description="Theme slug.")
    province: str | None = Field(
        None,
        max_length=50,
        description="Province CBS code (PV20 … PV31) or name, such as Utrecht.",
    )
    municipality: str | None = Field(
        None, max_length=20, description="Municipality CBS code, such as GM0599."
    )
    role: str | None = Field(
        None,
        max_length=30,
        description=f"Only cases with a partner in this role. One of: {ROLES}.",
    )


class InitiativeRef(Schema):
    slug: str
    name: str


def _url(case: CasePage, context: Any) -> str:
    request = context.get("request") if context else None
    path = case.get_url(request=request) or ""
    return request.build_absolute_uri(path) if request and path else path


def _initiative(case: CasePage) -> Initiative | None:
    initiative = case.initiative
    if initiative is None or initiative.status != Initiative.Status.PUBLISHED:
        return None
    return initiative


class CaseListOut(Schema):
    slug: str
    title: str
    url: str = Field(description="The case's page on the site.")
    summary: str
    year: int | None = Field(description="The year the case describes.")
    municipality: MunicipalityRef | None = Field(
        description="Where it happened; the initiative's municipality when the case "
        "names none."
    )
    province: ProvinceOut | None
    themes: list[ThemeRef]
    initiative: InitiativeRef | None = Field(
        description="The initiative in the directory, when it is published there."
    )
    roles: list[str] = Field(
        description=f"Roles of the partners. Each one of: {ROLES}."
    )
    published: datetime | None = Field(
        alias="first_published_at", description="When the case was first published."
    )

    @staticmethod
    def resolve_url(obj: CasePage, context: Any) -> str:
        return _url(obj, context)

    @staticmethod
    def resolve_municipality(obj: CasePage) -> Any:
        return obj.place

    @staticmethod
    def resolve_province(obj: CasePage) -> Any:
        place = obj.place
        return place.province if place else None

    @staticmethod
    def resolve_initiative(obj: CasePage) -> Initiative | None:
        return _initiative(obj)

    @staticmethod
    def resolve_roles(obj: CasePage) -> list[str]:
        return list(dict.fromkeys(partner.role for partner in obj.partners.all()))


class CasesOut(Schema):
    count: int = Field(description="Cases matching the filters.")
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")
    items: list[CaseListOut]


class CasePartnerOut(Schema):
    name: str
    role: str = Field(description=f"One of: {ROLES}.")
    drivers: str = Field(description="What drove this party to take part.")


class PublicationRef(Schema):
    title: str
    url: str


class SourcesOut(Schema):
    publication: PublicationRef | None
    url: str = Field(description="Link to the source; empty when none.")
    label: str = Field(description="Description of the source; empty when none.")


class CaseDetailOut(CaseListOut):
    context: str = Field(description="Context and challenge (HTML).")
    results: str = Field(description="What came of it (HTML).")
    pitfalls: str = Field(description="Pitfalls and dilemmas (HTML).")
    lessons: str = Field(description="Lessons (HTML).")
    partners: list[CasePartnerOut]
    sources: SourcesOut

    @staticmethod
    def resolve_context(obj: CasePage) -> str:
        return expand_db_html(obj.context)

    @staticmethod
    def resolve_results(obj: CasePage) -> str:
        return expand_db_html(obj.results)

    @staticmethod
    def resolve_pitfalls(obj: CasePage) -> str:
        return expand_db_html(obj.pitfalls)

    @staticmethod
    def resolve_lessons(obj: CasePage) -> str:
        return expand_db_html(obj.lessons)

    @staticmethod
    def resolve_sources(obj: CasePage, context: Any) -> dict[str, Any]:
        publication = obj.source_publication
        reference = None
        if publication is not None and publication.live:
            reference = {"title": publication.title, "url": _url(publication, context)}
        return {
            "publication": reference,
            "url": obj.source_url,
            "label": obj.source_label,
        }


router = Router(tags=["cases"])


@router.get(
    "/cases",
    response={200: CasesOut, 404: ErrorOut},
    summary="Cases",
    description="Published practice cases (praktijkvoorbeelden), newest first. "
    "Filters combine; an unknown filter value gives an empty result. "
    f"{PAGE_PAST_END}",
)
@public_cache
def cases(request: HttpRequest, filters: Query[CaseQuery]) -> dict[str, Any]:
    found = case_list_api(
        theme=filters.theme,
        province=filters.province,
        municipality=filters.municipality,
        role=filters.role,
    )
    return paginate(request, found, filters)


@router.get(
    "/cases/{slug}",
    response={200: CaseDetailOut, 404: ErrorOut},
    summary="One case",
    description="A published case with its partners, their roles and drivers, "
    "what came of it, pitfalls, lessons and sources.",
)
@public_cache
def case(request: HttpRequest, slug: Path[str]) -> CasePage:
    found = case_detail_api(slug=slug)
    if found is None:
        raise HttpError(404, f"No published case with slug '{slug}'.")
    return found
