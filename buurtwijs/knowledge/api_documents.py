"""Open data API: the published, public documents of the knowledge base."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
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
from buurtwijs.knowledge.models import Document, DocumentKind
from buurtwijs.knowledge.selectors import document_detail_api, document_list_api

KINDS = ", ".join(DocumentKind.values)


class DocumentQuery(PageQuery):
    kind: str | None = Field(None, max_length=30, description=f"One of: {KINDS}.")
    theme: str | None = Field(None, max_length=60, description="Theme slug.")
    municipality: str | None = Field(
        None, max_length=20, description="Municipality CBS code, such as GM0344."
    )
    province: str | None = Field(
        None,
        max_length=50,
        description="Province CBS code (PV20 … PV31) or name, such as Utrecht.",
    )


class DocumentListOut(Schema):
    id: int
    title: str
    kind: str = Field(description=f"One of: {KINDS}.")
    description: str
    municipality: MunicipalityRef | None = Field(
        description="The municipality the document is about; null when national."
    )
    province: ProvinceOut | None
    themes: list[ThemeRef]
    licence: str = Field(description="Such as CC BY 4.0; empty when not stated.")
    deadline: datetime.date | None = Field(description="Last day to apply (subsidies).")
    published: datetime.datetime | None = Field(alias="published_at")
    url: str = Field(description="The document's page.")

    @staticmethod
    def resolve_province(obj: Document) -> Any:
        return obj.municipality.province if obj.municipality else None

    @staticmethod
    def resolve_url(obj: Document, context: dict[str, Any]) -> str:
        return context["request"].build_absolute_uri(
            reverse("knowledge:document_detail", kwargs={"pk": obj.pk})
        )


class DocumentPage(Schema):
    count: int = Field(description="Documents matching the filters.")
    next: str | None = Field(description="URL of the next page, if any.")
    previous: str | None = Field(description="URL of the previous page, if any.")
    items: list[DocumentListOut]


class DocumentDetailOut(DocumentListOut):
    file_name: str = Field(description="The original file name; empty without file.")
    content_type: str = Field(description="Media type of the file, checked on upload.")
    file_size: int | None = Field(description="Bytes.")
    download_url: str | None = Field(description="Where to download the file.")

    @staticmethod
    def resolve_download_url(obj: Document, context: dict[str, Any]) -> str | None:
        if not obj.file:
            return None
        return context["request"].build_absolute_uri(
            reverse("knowledge:document_download", kwargs={"pk": obj.pk})
        )


router = Router(tags=["documents"])


@router.get(
    "/documents",
    response={200: DocumentPage, 404: ErrorOut},
    summary="Documents",
    description="Published public documents of the knowledge base, newest first. "
    "Filters combine; an unknown filter value gives an empty result. "
    f"{PAGE_PAST_END}",
)
@public_cache
def documents(request: HttpRequest, filters: Query[DocumentQuery]) -> dict[str, Any]:
    found = document_list_api(
        kind=filters.kind,
        theme=filters.theme,
        municipality=filters.municipality,
        province=filters.province,
    )
    return paginate(request, found, filters)


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetailOut, 404: ErrorOut},
    summary="One document",
    description="A published public document with its metadata and download link.",
)
@public_cache
def document(request: HttpRequest, document_id: Path[str]) -> Document:
    found = (
        document_detail_api(document_id=int(document_id))
        if document_id.isdigit() and len(document_id) < 19
        else None
    )
    if found is None:
        raise HttpError(404, f"No published public document with id '{document_id}'.")
    return found
