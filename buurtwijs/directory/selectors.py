"""Reads of the directory for lists and detail pages."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import filter_text, province_q
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.search.backends import matching_ids_sql, query_terms


def initiative_list_public() -> QuerySet[Initiative]:
    """Published initiatives with what a list card shows, in Dutch name order."""
    return (
        Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
        .select_related("municipality", "municipality__province")
        .order_by("name", "id")
    )


def initiative_detail_public(*, slug: str) -> Initiative | None:
    """One published initiative with its partners and themes."""
    return (
        initiative_list_public()
        .prefetch_related("partners", "themes")
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True)
class InitiativeLinks:
    """What the network holds about one initiative, for its page."""

    cases: list[Any]
    documents: list[Any]
    events: list[Any]


LINKS_SHOWN = 20


def initiative_links_public(
    *, initiative: Initiative, member: bool = False
) -> InitiativeLinks:
    """Live public cases, published documents and live events of an initiative.

    Three queries. Members-only documents are listed for members only. The
    related models are reached through their reverse relations, so the directory
    imports neither knowledge nor events.
    """
    cases = list(initiative.cases.live().public().order_by("-year", "title"))
    documents = initiative.documents.filter(status="published")
    if not member:
        documents = documents.filter(visibility="public")
    events = initiative.events.live().public().order_by("-starts_at")
    return InitiativeLinks(
        cases=cases[:LINKS_SHOWN],
        documents=list(
            documents.only(
                "id", "initiative_id", "title", "kind", "visibility"
            ).order_by("-created_at")[:LINKS_SHOWN]
        ),
        events=list(events[:LINKS_SHOWN]),
    )


def _ordered_themes() -> Prefetch[str, QuerySet[Theme], str]:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def initiative_list_api(
    *,
    municipality: str | None = None,
    province: str | None = None,
    theme: str | None = None,
    kind: str | None = None,
    q: str | None = None,
) -> QuerySet[Initiative]:
    """Published initiatives for the API, filtered; unknown values match nothing."""
    initiatives = initiative_list_public().prefetch_related(_ordered_themes())
    if code := filter_text(municipality):
        initiatives = initiatives.filter(municipality__code=code.upper())
    if wanted := filter_text(province):
        initiatives = initiatives.filter(
            province_q(wanted, prefix="municipality__province")
        )
    if slug := filter_text(theme):
        initiatives = initiatives.filter(themes__slug=slug)
    if value := filter_text(kind):
        initiatives = initiatives.filter(kind=value)
    if (matches := search_match(q or "", "initiative")) is not None:
        initiatives = initiatives.filter(pk__in=matches)
    return initiatives


def initiative_detail_api(*, slug: str) -> Initiative | None:
    """One published initiative with partners and themes, for the open data API."""
    wanted = filter_text(slug)
    if not wanted:
        return None
    return (
        initiative_list_public()
        .prefetch_related("partners", _ordered_themes())
        .filter(slug=wanted)
        .first()
    )


# --- Public list page, map and export: filters, search and Dutch order ----------

INITIATIVE_SORTS = ("name", "newest", "municipality")


def search_match(q: str, kind: str) -> RawSQL | None:
    """A subquery of the primary keys of this kind that the search index matches.

    None when the text holds no searchable word (only stop words or symbols): such
    a search filters nothing. The index stores object ids as text; the cast lets
    PostgreSQL compare them with integer keys (SQLite would convert by itself).
    """
    terms = query_terms(filter_text(q))
    if not terms:
        return None
    sql, params = matching_ids_sql(terms, kind)
    # The SQL is search.backends' constant text; the words are parameters.
    return RawSQL(  # noqa: S611 # nosec B611
        f"SELECT CAST(m.object_id AS INTEGER) FROM ({sql}) m",  # noqa: S608 # nosec B608
        params,
    )


@dataclass(frozen=True)
class InitiativeFilters:
    """What a visitor filters the public initiatives on; empty means "any"."""

    q: str = ""
    theme: str = ""  # Theme.slug
    province: str = ""  # Province.code
    municipality: str = ""  # Municipality.code
    kind: str = ""  # InitiativeKind value
    partner_role: str = ""  # PartnerRole value
    sort: str = "name"  # one of INITIATIVE_SORTS


@dataclass(frozen=True)
class InitiativeFilterChoices:
    """The values the filters accept, as (value, label) pairs."""

    themes: list[tuple[str, str]]
    provinces: list[tuple[str, str]]
    municipalities: list[tuple[str, str]]


def initiative_filter_choices() -> InitiativeFilterChoices:
    """Themes, provinces and municipalities to filter on, in two queries.

    Plain rows rather than model instances: building 342 municipalities with their
    provinces on every list request cost more than the list itself.
    """
    english = (get_language() or "nl").startswith("en")
    themes = [
        (slug, name_en if english and name_en else name)
        for slug, name, name_en in Theme.objects.order_by(
            "position", "name"
        ).values_list("slug", "name", "name_en")
    ]
    municipalities = list(
        Municipality.objects.order_by("sort_name", "code").values_list(
            "code", "display_name", "province__code", "province__name"
        )
    )
    provinces = sorted(
        {(code, name) for _, _, code, name in municipalities},
        key=lambda pair: dutch_sort_key(pair[1]),
    )
    return InitiativeFilterChoices(
        themes=themes,
        provinces=provinces,
        municipalities=[(code, name) for code, name, _, _ in municipalities],
    )


def initiative_search_public(*, filters: InitiativeFilters) -> QuerySet[Initiative]:
    """Published initiatives matching the filters, in the chosen order."""
    initiatives = Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
    if filters.theme:
        initiatives = initiatives.filter(themes__slug=filters.theme)
    if filters.province:
        initiatives = initiatives.filter(municipality__province__code=filters.province)
    if filters.municipality:
        initiatives = initiatives.filter(municipality__code=filters.municipality)
    if filters.kind:
        initiatives = initiatives.filter(kind=filters.kind)
    if filters.partner_role:
        initiatives = initiatives.filter(
            Exists(
                Partner.objects.filter(
                    initiative=OuterRef("pk"), role=filters.partner_role
                )
            )
        )
    if (matches := search_match(filters.q, "initiative")) is not None:
        initiatives = initiatives.filter(pk__in=matches)
    if filters.sort == "newest":
        return initiatives.order_by("-created_at", "-id")
    if filters.sort == "municipality":
        return initiatives.order_by("municipality__sort_name", "sort_name", "id")
    return initiatives.order_by("sort_name", "id")


def initiative_cards_public(*, filters: InitiativeFilters) -> QuerySet[Initiative]:
    """The filtered initiatives with what a list card shows."""
    return initiative_search_public(filters=filters).select_related(
        "municipality", "municipality__province"
    )


def initiative_map_points(*, filters: InitiativeFilters) -> list[dict[str, Any]]:
    """Name, address and position of each filtered initiative, in one query.

    An initiative without its own coordinates is placed at its municipality.
    """
    rows = initiative_search_public(filters=filters).values(
        "name",
        "slug",
        "kind",
        "latitude",
        "longitude",
        "municipality__display_name",
        "municipality__latitude",
        "municipality__longitude",
    )
    return [
        {
            "name": row["name"],
            "slug": row["slug"],
            "kind": row["kind"],
            "municipality": row["municipality__display_name"],
            "latitude": row["latitude"]
            if row["latitude"] is not None and row["longitude"] is not None
            else row["municipality__latitude"],
            "longitude": row["longitude"]
            if row["latitude"] is not None and row["longitude"] is not None
            else row["municipality__longitude"],
        }
        for row in rows
    ]


def initiative_export_public(
    *, filters: InitiativeFilters, chunk_size: int = 1000
) -> Iterator[Initiative]:
    """The filtered initiatives for a download, in chunks: bounded memory.

    The contact address is deferred so that it is never loaded, let alone written.
    Themes and partners are prefetched per chunk (three queries per chunk).
    """
    return (
        initiative_cards_public(filters=filters)
        .defer("contact_email")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "name")),
            "partners",
        )
        .iterator(chunk_size=chunk_size)
    )
