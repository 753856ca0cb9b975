"""Reads of the directory for lists and detail pages."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    CharField,
    Exists,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import filter_text, province_q
from buurtwijs.core.text import strip_accents
from buurtwijs.directory.models import Initiative, Partner


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

    documents: list[Any]
    events: list[Any]


def initiative_links_public(*, initiative: Initiative) -> InitiativeLinks:
    """Published documents and live events linked to an initiative (two queries)."""
    documents = list(
        initiative.documents.filter(status="published").order_by("-created_at")[:20]
    )
    events = list(initiative.events.live().public().order_by("-starts_at")[:20])
    return InitiativeLinks(documents=documents, events=events)


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
    if text := filter_text(q):
        initiatives = initiatives.filter(
            Q(name__icontains=text)
            | Q(summary__icontains=text)
            | Q(description__icontains=text)
        )
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

# Letters with diacritics and their plain letter; the SQL side of strip_accents().
_FOLD_FROM = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝŸÇÑ"
_FOLD_TO = strip_accents(_FOLD_FROM)
# Elided articles that Dutch alphabetisation skips (see core.text.dutch_sort_key).
INITIATIVE_SORTS = ("name", "newest", "municipality")


class Fold(Func):
    """Lower case without diacritics, computed by the database.

    Search and sorting compare the result with a folded word, which makes them
    accent- and case-insensitive: PostgreSQL through LOWER(TRANSLATE(...)); SQLite
    through a Python function registered on the connection (nested REPLACE calls
    overflow SQLite's parser stack). Other databases only fold the case.
    """

    arity = 1
    output_field = CharField()

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"LOWER({sql})", list(params)

    def as_sqlite(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        connection.ensure_connection()
        connection.connection.create_function(
            "BUURTWIJS_FOLD", 1, _fold_or_none, deterministic=True
        )
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"BUURTWIJS_FOLD({sql})", list(params)

    def as_postgresql(
        self, compiler: Any, connection: Any, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        sql, params = compiler.compile(self.get_source_expressions()[0])
        return f"LOWER(TRANSLATE({sql}, %s, %s))", [*params, _FOLD_FROM, _FOLD_TO]


def _fold_or_none(value: str | None) -> str | None:
    return None if value is None else fold_text(value)


def fold_text(text: str) -> str:
    """The Python side of Fold: lower case without diacritics."""
    return strip_accents(text).lower()


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
    """Themes, provinces and municipalities to filter on, in two queries."""
    themes = [(t.slug, t.label) for t in Theme.objects.order_by("position", "name")]
    municipalities = list(
        Municipality.objects.select_related("province").order_by("sort_name", "code")
    )
    provinces = sorted(
        {(m.province.code, m.province.name) for m in municipalities},
        key=lambda pair: fold_text(pair[1]),
    )
    return InitiativeFilterChoices(
        themes=themes,
        provinces=provinces,
        municipalities=[(m.code, m.display_name) for m in municipalities],
    )


def text_search_q(words: str, *fields: str) -> Q:
    """Every word in at least one of the fields, ignoring case and accents.

    The fields must be aliased as ``Fold`` expressions on the queryset.
    """
    condition = Q()
    for word in fold_text(words).split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__contains": word})
        condition &= any_field
    return condition


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
    if filters.q.strip():
        initiatives = initiatives.alias(
            name_folded=Fold("name"),
            summary_folded=Fold("summary"),
            description_folded=Fold("description"),
        ).filter(
            text_search_q(
                filters.q, "name_folded", "summary_folded", "description_folded"
            )
        )
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
