"""Reads of the reference data: finding a municipality by what people type."""

import difflib
from dataclasses import dataclass
from functools import lru_cache

from django.db.models import Q, QuerySet

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.text import normalise_name


@dataclass(frozen=True)
class MunicipalityMatch:
    """The municipality found for a typed name or code, or suggestions when none."""

    municipality: Municipality | None
    suggestions: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _municipality_index() -> tuple[dict[str, int], dict[str, str]]:
    by_key: dict[str, int] = {}
    labels: dict[str, str] = {}
    for pk, code, name, display in Municipality.objects.values_list(
        "pk", "code", "name", "display_name"
    ):
        for variant in (code, name, display):
            by_key[normalise_name(variant)] = pk
        labels[normalise_name(display)] = display
    return by_key, labels


def municipality_lookup(text: str) -> MunicipalityMatch:
    """Find a municipality by CBS code or name, ignoring case, accents and periods.

    'gm0363', 'Den Haag', "'s-Gravenhage", 'Sudwest-Fryslan' and 'bergen nh' all
    match. When nothing matches, up to three close names are suggested.
    """
    key = normalise_name(text)
    if not key:
        return MunicipalityMatch(None)
    by_key, labels = _municipality_index()
    if key.isdigit():
        key = normalise_name(f"GM{int(key):04d}")
    pk = by_key.get(key)
    if pk is not None:
        return MunicipalityMatch(Municipality.objects.get(pk=pk))
    close = difflib.get_close_matches(key, list(labels), n=3, cutoff=0.75)
    return MunicipalityMatch(None, tuple(labels[c] for c in close))


def municipality_lookup_reset() -> None:
    """Forget the cached index (after reference data changes, and between tests)."""
    _municipality_index.cache_clear()


def filter_text(value: str | None) -> str:
    """A filter value from a query string, trimmed and safe for every database.

    PostgreSQL refuses NUL characters in text parameters, so they are dropped here
    rather than turning a strange query string into a server error.
    """
    return (value or "").replace("\x00", "").strip()


def province_q(value: str, *, prefix: str = "province") -> Q:
    """Match a province by CBS code (PV20 … PV31) or by name, ignoring case."""
    return Q(**{f"{prefix}__code": value.upper()}) | Q(
        **{f"{prefix}__name__iexact": value}
    )


def municipality_list(*, province: str | None = None) -> QuerySet[Municipality]:
    """Every municipality with its province, in Dutch name order."""
    municipalities = Municipality.objects.select_related("province").order_by(
        "sort_name", "code"
    )
    wanted = filter_text(province)
    if wanted:
        municipalities = municipalities.filter(province_q(wanted))
    return municipalities


def theme_list() -> QuerySet[Theme]:
    """The theme taxonomy in its fixed order."""
    return Theme.objects.order_by("position", "name")
