"""Reads of the practice cases for the list, the detail page, the comparison and API."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import filter_text, municipality_list, province_q
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.selectors import initiative_list_public
from buurtwijs.knowledge.models import CasePage, CasePartner, PublicationPage

CASE_SORTS = ("newest", "title")
MIN_COMPARE = 2
MAX_COMPARE = 4
# A query string can repeat ?case= as often as it likes; no more than this many
# slugs are ever looked up.
MAX_SELECTION_LOOKUP = 20


@dataclass(frozen=True)
class CaseFilters:
    """What a visitor filters the cases on; empty means "any"."""

    theme: str = ""  # Theme.slug
    province: str = ""  # Province.code
    municipality: str = ""  # Municipality.code
    partner_role: str = ""  # PartnerRole value
    sort: str = "newest"  # one of CASE_SORTS


@dataclass(frozen=True)
class CaseFilterChoices:
    """The values the filters accept, as (value, label) pairs."""

    themes: list[tuple[str, str]]
    provinces: list[tuple[str, str]]
    municipalities: list[tuple[str, str]]


def case_filter_choices() -> CaseFilterChoices:
    """Themes, provinces and municipalities to filter on, in two queries."""
    themes = [(t.slug, t.label) for t in Theme.objects.order_by("position", "name")]
    municipalities = list(municipality_list())
    provinces = sorted(
        {(m.province.code, m.province.name) for m in municipalities},
        key=lambda pair: dutch_sort_key(pair[1]),
    )
    return CaseFilterChoices(
        themes=themes,
        provinces=provinces,
        municipalities=[(m.code, m.display_name) for m in municipalities],
    )


def _ordered_themes() -> Prefetch[str, QuerySet[Any], str]:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def _ordered_partners() -> Prefetch[str, QuerySet[Any], str]:
    return Prefetch("partners", queryset=CasePartner.objects.order_by("sort_order"))


def cases_public() -> QuerySet[CasePage]:
    """Live cases outside private sections, with the place they happened."""
    return (
        CasePage.objects.live()
        .public()
        .select_related("municipality__province", "initiative__municipality__province")
    )


def _in_place(field: str, value: str) -> Q:
    """The case's own municipality, or its initiative's when it has none."""
    return Q(**{f"municipality__{field}": value}) | Q(
        municipality__isnull=True, **{f"initiative__municipality__{field}": value}
    )


def case_search_public(*, filters: CaseFilters) -> QuerySet[CasePage]:
    """Live cases matching the filters, in the chosen order."""
    cases = cases_public()
    if filters.theme:
        cases = cases.filter(themes__slug=filters.theme)
    if filters.province:
        cases = cases.filter(_in_place("province__code", filters.province))
    if filters.municipality:
        cases = cases.filter(_in_place("code", filters.municipality))
    if filters.partner_role:
        cases = cases.filter(
            Exists(
                CasePartner.objects.filter(
                    case=OuterRef("pk"), role=filters.partner_role
                )
            )
        )
    if filters.sort == "title":
        return cases.order_by("sort_title", "pk")
    return cases.order_by("-first_published_at", "-pk")


def case_cards_public(*, filters: CaseFilters) -> QuerySet[CasePage]:
    """The filtered cases with what a list card shows: place, themes, partners."""
    return case_search_public(filters=filters).prefetch_related(
        _ordered_themes(), _ordered_partners()
    )


def selected_slugs(values: Sequence[str]) -> list[str]:
    """Distinct, trimmed slugs from a query string, in the order they came."""
    cleaned = (filter_text(value)[:255] for value in values[:MAX_SELECTION_LOOKUP])
    return list(dict.fromkeys(slug for slug in cleaned if slug))


def case_selection_public(*, slugs: Sequence[str]) -> list[CasePage]:
    """The live cases with these slugs, in the order of the slugs (one query)."""
    wanted = list(slugs)[:MAX_SELECTION_LOOKUP]
    if not wanted:
        return []
    found = {case.slug: case for case in cases_public().filter(slug__in=wanted)}
    return [found[slug] for slug in wanted if slug in found]


def case_compare_public(*, slugs: Sequence[str]) -> list[CasePage]:
    """Cases to compare with everything the table shows, in the order asked for."""
    wanted = list(slugs)[:MAX_SELECTION_LOOKUP]
    if not wanted:
        return []
    cases = (
        cases_public()
        .filter(slug__in=wanted)
        .prefetch_related(_ordered_themes(), _ordered_partners())
    )
    found = {case.slug: case for case in cases}
    return [found[slug] for slug in wanted if slug in found]


@dataclass(frozen=True)
class CaseDetail:
    """What a case page shows beside its own fields."""

    partners: list[CasePartner]
    themes: list[Theme]
    municipality: Municipality | None
    initiative: Initiative | None
    publication: PublicationPage | None


def case_detail_extras(*, case: CasePage) -> CaseDetail:
    """Partners, themes, place, the published initiative and the live source."""
    initiative = None
    if case.initiative_id:
        initiative = initiative_list_public().filter(pk=case.initiative_id).first()
    municipality_id = case.municipality_id or (
        initiative.municipality_id if initiative else None
    )
    municipality = (
        Municipality.objects.select_related("province")
        .filter(pk=municipality_id)
        .first()
        if municipality_id
        else None
    )
    publication = None
    if case.source_publication_id:
        publication = (
            PublicationPage.objects.live()
            .public()
            .filter(pk=case.source_publication_id)
            .first()
        )
    return CaseDetail(
        partners=list(case.partners.order_by("sort_order")),
        themes=list(case.themes.order_by("position", "name")),
        municipality=municipality,
        initiative=initiative,
        publication=publication,
    )


def case_list_api(
    *,
    theme: str | None = None,
    province: str | None = None,
    municipality: str | None = None,
    role: str | None = None,
) -> QuerySet[CasePage]:
    """Live cases for the API, newest first; unknown filter values match nothing."""
    cases = cases_public().prefetch_related(_ordered_themes(), _ordered_partners())
    if slug := filter_text(theme):
        cases = cases.filter(themes__slug=slug)
    if wanted := filter_text(province):
        cases = cases.filter(
            province_q(wanted, prefix="municipality__province")
            | (
                Q(municipality__isnull=True)
                & province_q(wanted, prefix="initiative__municipality__province")
            )
        )
    if code := filter_text(municipality):
        cases = cases.filter(_in_place("code", code.upper()))
    if value := filter_text(role):
        cases = cases.filter(
            Exists(CasePartner.objects.filter(case=OuterRef("pk"), role=value))
        )
    return cases.order_by("-first_published_at", "-pk")


def case_detail_api(*, slug: str) -> CasePage | None:
    """One live case with partners and themes, for the open data API."""
    wanted = filter_text(slug)
    if not wanted:
        return None
    return (
        cases_public()
        .select_related("source_publication")
        .prefetch_related(_ordered_themes(), _ordered_partners())
        .filter(slug=wanted)
        .first()
    )
