"""Reads of the knowledge base: document lists, one document, who may see what."""

import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, QuerySet

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import filter_text, province_q
from buurtwijs.core.text import strip_accents
from buurtwijs.knowledge.models import Document, DocumentKind, Visibility

DOCUMENT_SORTS = ("newest", "title", "downloads", "deadline")
CLOSING_SOON_WEEKS = 6


class Access(enum.Enum):
    """What a person may do with one document."""

    ALLOWED = "allowed"
    LOGIN = "login"  # members only, and nobody is signed in
    FORBIDDEN = "forbidden"  # members only, signed in without membership
    HIDDEN = "hidden"  # not published and not theirs: as if it did not exist


def user_is_member(user: Any) -> bool:
    """Whether this person may see members-only documents (cached on the user)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_buurtwijs_is_member", None)
    if cached is None:
        from buurtwijs.accounts.roles import MEMBER

        cached = user.is_superuser or user.groups.filter(name=MEMBER).exists()
        user._buurtwijs_is_member = cached
    return bool(cached)


def user_is_document_editor(user: Any) -> bool:
    """Whether this person moderates documents."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm("knowledge.change_document")
    )


def document_access(*, document: Document, user: Any) -> Access:
    """May this person see the document's page and download its file?"""
    if document.status != Document.Status.PUBLISHED:
        own = getattr(user, "is_authenticated", False) and (
            document.uploaded_by_id == user.pk
        )
        if own or user_is_document_editor(user):
            return Access.ALLOWED
        return Access.HIDDEN
    if document.visibility == Visibility.PUBLIC:
        return Access.ALLOWED
    if not getattr(user, "is_authenticated", False):
        return Access.LOGIN
    if user_is_member(user) or user_is_document_editor(user):
        return Access.ALLOWED
    return Access.FORBIDDEN


def _ordered_themes() -> Prefetch[str, QuerySet[Theme], str]:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def document_list_published(*, members: bool) -> QuerySet[Document]:
    """Published documents the viewer may see: members also see members-only ones."""
    documents = Document.objects.filter(status=Document.Status.PUBLISHED)
    if not members:
        documents = documents.filter(visibility=Visibility.PUBLIC)
    return documents


@dataclass(frozen=True)
class DocumentFilters:
    """What a visitor filters the library on; empty means "any"."""

    kind: str = ""  # DocumentKind value
    theme: str = ""  # Theme.slug
    province: str = ""  # Province.code
    municipality: str = ""  # Municipality.code
    sort: str = "newest"  # one of DOCUMENT_SORTS


@dataclass(frozen=True)
class DocumentFilterChoices:
    """The values the filters accept, as (value, label) pairs."""

    themes: list[tuple[str, str]]
    provinces: list[tuple[str, str]]
    municipalities: list[tuple[str, str]]


def document_filter_choices() -> DocumentFilterChoices:
    """Themes, provinces and municipalities to filter on, in two queries."""
    themes = [(t.slug, t.label) for t in Theme.objects.order_by("position", "name")]
    municipalities = list(
        Municipality.objects.select_related("province").order_by("sort_name", "code")
    )
    provinces = sorted(
        {(m.province.code, m.province.name) for m in municipalities},
        key=lambda pair: strip_accents(pair[1]).lower(),
    )
    return DocumentFilterChoices(
        themes=themes,
        provinces=provinces,
        municipalities=[(m.code, m.display_name) for m in municipalities],
    )


def document_cards(*, filters: DocumentFilters, members: bool) -> QuerySet[Document]:
    """The filtered library in the chosen order, with what a card shows."""
    documents = document_list_published(members=members)
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.theme:
        documents = documents.filter(themes__slug=filters.theme)
    if filters.province:
        documents = documents.filter(municipality__province__code=filters.province)
    if filters.municipality:
        documents = documents.filter(municipality__code=filters.municipality)
    # The extracted text can be megabytes per row; a card never shows it.
    documents = (
        documents.defer("extracted_text")
        .select_related("municipality", "municipality__province")
        .prefetch_related(_ordered_themes())
    )
    if filters.sort == "title":
        return documents.order_by("title", "id")
    if filters.sort == "downloads":
        return documents.order_by("-download_count", "-published_at", "-id")
    if filters.sort == "deadline":
        # Documents with a deadline first, the soonest on top.
        return documents.order_by(F("deadline").asc(nulls_last=True), "-id")
    return documents.order_by("-published_at", "-id")


def document_closing_soon(
    *,
    members: bool,
    today: datetime.date,
    weeks: int = CLOSING_SOON_WEEKS,
    limit: int = 5,
) -> list[Document]:
    """Subsidies whose deadline falls in the coming weeks, the soonest first."""
    return list(
        document_list_published(members=members)
        .filter(
            kind=DocumentKind.FUNDING,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(weeks=weeks),
        )
        .select_related("municipality")
        .order_by("deadline", "title", "id")[:limit]
    )


def document_detail(*, document_id: int) -> Document | None:
    """One document with what its page shows, whatever its state (check access)."""
    return (
        Document.objects.select_related(
            "municipality",
            "municipality__province",
            "initiative",
            "uploaded_by__profile",
        )
        .prefetch_related(_ordered_themes())
        .filter(pk=document_id)
        .first()
    )


def document_for_file(*, document_id: int) -> Document | None:
    """One document with just what a download needs (check access)."""
    return (
        Document.objects.only(
            "id",
            "status",
            "visibility",
            "uploaded_by_id",
            "file",
            "file_name",
            "content_type",
            "thumbnail",
        )
        .filter(pk=document_id)
        .first()
    )


def uploader_public_name(document: Document) -> str:
    """The uploader's name as the network shows it; "" for a private profile.

    Never an e-mail address: the name comes from a public profile or not at all.
    """
    user = document.uploaded_by
    profile = getattr(user, "profile", None) if user is not None else None
    if profile is not None and profile.is_public:
        return profile.name
    return ""


def document_list_mine(*, user: Any) -> QuerySet[Document]:
    """A member's own uploads in every state, newest first."""
    return Document.objects.filter(uploaded_by=user).order_by("-created_at", "-id")


def document_moderation_queue() -> QuerySet[Document]:
    """Documents waiting for an editor, oldest first."""
    return (
        Document.objects.filter(status=Document.Status.PENDING)
        .select_related("uploaded_by", "uploaded_by__profile", "municipality")
        .prefetch_related(_ordered_themes())
        .order_by("created_at", "id")
    )


def document_list_api(
    *,
    kind: str | None = None,
    theme: str | None = None,
    municipality: str | None = None,
    province: str | None = None,
) -> QuerySet[Document]:
    """Published public documents for the open data API; unknown values match none."""
    documents = (
        document_list_published(members=False)
        .defer("extracted_text")
        .select_related("municipality", "municipality__province")
        .prefetch_related(_ordered_themes())
        .order_by("-published_at", "-id")
    )
    if value := filter_text(kind):
        documents = documents.filter(kind=value)
    if slug := filter_text(theme):
        documents = documents.filter(themes__slug=slug)
    if code := filter_text(municipality):
        documents = documents.filter(municipality__code=code.upper())
    if wanted := filter_text(province):
        documents = documents.filter(
            province_q(wanted, prefix="municipality__province")
        )
    return documents


def document_detail_api(*, document_id: int) -> Document | None:
    """One published public document for the open data API; None otherwise."""
    return (
        document_list_published(members=False)
        .select_related("municipality", "municipality__province")
        .prefetch_related(_ordered_themes())
        .filter(pk=document_id)
        .first()
    )
