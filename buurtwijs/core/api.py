"""Open data API: municipalities and themes, and what every list endpoint shares."""

from collections.abc import Callable
from functools import wraps
from math import ceil
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page
from ninja import Field, NinjaAPI, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import municipality_list, theme_list

# Public data changes a few times a day; five minutes of staleness is fine and
# spares the database when a crawler walks every page.
CACHE_SECONDS = 300
MAX_PAGE_SIZE = 100
PAGE_PAST_END = (
    "A page past the last one answers 404 with a message naming the last page; "
    "an empty result has one page with no items."
)


def _public_when_ok(view: Callable[..., HttpResponseBase]) -> Callable[..., Any]:
    """Mark successful answers public; errors (404, 422) carry no caching header."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response

    return wrapped


# cache_page keeps 200 answers server-side (per URL and language) and sets max-age.
public_cache = decorate_view(_public_when_ok, cache_page(CACHE_SECONDS))


class ErrorOut(Schema):
    detail: str


# django-ninja answers 422 with this body when a parameter or the body is invalid
# ({"detail": [{"type": "string_too_long", "loc": ["query", "q"], "msg": ...}]}).
VALIDATION_ERROR_SCHEMA: dict[str, Any] = {
    "title": "ValidationErrorOut",
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "loc", "msg"],
                "properties": {
                    "type": {"type": "string"},
                    "loc": {
                        "type": "array",
                        "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                    },
                    "msg": {"type": "string"},
                    "ctx": {"type": "object"},
                },
            },
        }
    },
}


def _json_response(description: str, component: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": {"$ref": f"#/components/schemas/{component}"}
            }
        },
    }


class OpenDataAPI(NinjaAPI):
    """The API object; its schema also lists the errors every endpoint can give.

    django-ninja answers 422 to any invalid parameter and 400 to a body it cannot
    parse, but documents neither; clients (and the schemathesis fuzz test) rely on
    the schema naming every status code an operation can answer.
    """

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("ErrorOut", ErrorOut.model_json_schema())
        components.setdefault("ValidationErrorOut", VALIDATION_ERROR_SCHEMA)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                if operation.get("parameters") or operation.get("requestBody"):
                    responses.setdefault(
                        422,
                        _json_response(
                            "A parameter or the body is invalid; each error names "
                            "its place (loc) and what is wrong (msg).",
                            "ValidationErrorOut",
                        ),
                    )
                if operation.get("requestBody"):
                    responses.setdefault(
                        400,
                        _json_response("The body is not valid JSON.", "ErrorOut"),
                    )
        return schema


class PageQuery(Schema):
    """The paging parameters of every list endpoint."""

    page: int = Field(1, ge=1, description="Page number, starting at 1.")
    page_size: int = Field(
        20, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100."
    )


def paginate(
    request: HttpRequest, queryset: QuerySet[Any], params: PageQuery
) -> dict[str, Any]:
    """One page of a queryset with the total count and links to its neighbours."""
    count = queryset.count()
    last_page = max(1, ceil(count / params.page_size))
    if params.page > last_page:
        raise HttpError(
            404, f"Page {params.page} does not exist; the last page is {last_page}."
        )
    start = (params.page - 1) * params.page_size
    items = list(queryset[start : start + params.page_size])

    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "next": link(params.page + 1) if params.page < last_page else None,
        "previous": link(params.page - 1) if params.page > 1 else None,
        "items": items,
    }


class ProvinceOut(Schema):
    code: str = Field(description="CBS code, PV20 … PV31.")
    name: str


class MunicipalityRef(Schema):
    code: str = Field(description="CBS code, such as GM0363.")
    name: str = Field(alias="display_name")


class ThemeRef(Schema):
    slug: str
    name: str


class MunicipalityOut(Schema):
    code: str = Field(description="CBS code, such as GM0363.")
    name: str = Field(alias="display_name", description="The name in common use.")
    official_name: str = Field(alias="name", description="The name CBS uses.")
    province: ProvinceOut
    population: int | None = Field(description="Residents, approximately.")
    latitude: float
    longitude: float


class MunicipalityQuery(Schema):
    province: str | None = Field(
        None,
        max_length=50,
        description="Province CBS code (PV20 … PV31) or name, such as Utrecht.",
    )


class ThemeOut(Schema):
    slug: str = Field(description="Fixed identifier of the theme.")
    name: str = Field(description="Dutch label.")
    name_en: str = Field(description="English label; empty when not set.")
    keywords: list[str] = Field(
        alias="keyword_list", description="Words the theme covers."
    )


router = Router(tags=["reference data"])


@router.get(
    "/municipalities",
    response=list[MunicipalityOut],
    summary="Municipalities",
    description="Every current Dutch municipality (gemeente), in Dutch name "
    "order. An unknown province gives an empty list.",
)
@public_cache
def municipalities(
    request: HttpRequest, filters: Query[MunicipalityQuery]
) -> QuerySet[Municipality]:
    return municipality_list(province=filters.province)


@router.get(
    "/themes",
    response=list[ThemeOut],
    summary="Themes",
    description="The Buurtwijs theme taxonomy in its fixed order.",
)
@public_cache
def themes(request: HttpRequest) -> QuerySet[Theme]:
    return theme_list()
