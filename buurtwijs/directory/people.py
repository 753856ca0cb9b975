"""Reads for the public people directory: only public profiles, only shown fields.

A filter or search never matches on a field its owner has hidden: filtering on a
province would otherwise reveal where someone lives who chose not to show it.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from buurtwijs.accounts.models import PersonKind, Profile
from buurtwijs.core.models import Theme
from buurtwijs.directory.selectors import search_match


@dataclass(frozen=True)
class PeopleFilters:
    """What a visitor filters the people directory on; empty means "any"."""

    q: str = ""
    theme: str = ""  # Theme.slug
    province: str = ""  # Province.code
    kind: str = ""  # PersonKind value


def person_kind_choices() -> list[tuple[str, str]]:
    """The kinds of people, as (value, label) pairs."""
    return [(value, str(label)) for value, label in PersonKind.choices]


def _public_profiles() -> QuerySet[Profile]:
    return (
        Profile.objects.filter(is_public=True)
        .select_related("municipality", "municipality__province")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))
        )
    )


def profile_list_public(*, filters: PeopleFilters) -> QuerySet[Profile]:
    """Public profiles matching the filters on their shown fields, by name."""
    profiles = _public_profiles()
    if filters.theme:
        profiles = profiles.filter(show_themes=True, themes__slug=filters.theme)
    if filters.province:
        profiles = profiles.filter(
            show_municipality=True, municipality__province__code=filters.province
        )
    if filters.kind:
        profiles = profiles.filter(show_kind=True, kind=filters.kind)
    # The search index holds only the fields a person shows (accounts.search_index).
    if (matches := search_match(filters.q, "person")) is not None:
        profiles = profiles.filter(pk__in=matches)
    return profiles.order_by("sort_name", "id")


def profile_detail_public(*, slug: str) -> Profile | None:
    """One public profile with its themes."""
    return _public_profiles().filter(slug=slug).first()
