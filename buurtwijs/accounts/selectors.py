"""Reads about people: the public profiles and only the fields their owners show."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from buurtwijs.accounts.models import Profile
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import filter_text
from buurtwijs.search.backends import matching_ids_sql, query_terms


@dataclass(frozen=True)
class PublicProfile:
    """What anyone may see of a profile: hidden fields are None."""

    name: str
    organisation: str | None
    municipality: Municipality | None
    kind: str | None
    expertise: str | None
    themes: list[Theme] | None


def profile_list_public(
    *,
    municipality: str | None = None,
    theme: str | None = None,
    q: str | None = None,
) -> QuerySet[Profile]:
    """Public profiles of active people in Dutch name order, on shown fields only.

    A filter never matches a field its owner hides, so filtering cannot reveal it.
    """
    profiles = (
        Profile.objects.filter(is_public=True)
        .filter(Q(user__isnull=True) | Q(user__is_active=True))
        .select_related("municipality")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))
        )
        .order_by("sort_name", "id")
    )
    if code := filter_text(municipality):
        profiles = profiles.filter(
            show_municipality=True, municipality__code=code.upper()
        )
    if slug := filter_text(theme):
        profiles = profiles.filter(show_themes=True, themes__slug=slug)
    # The search index holds only the fields a person shows (accounts.search_index).
    if (matches := _search_match(filter_text(q))) is not None:
        profiles = profiles.filter(pk__in=matches)
    return profiles


def _search_match(q: str) -> RawSQL | None:
    """Profile keys the search index matches; None when q has no searchable word.

    The index stores object ids as text: the cast is for PostgreSQL's comparison
    with integer keys.
    """
    terms = query_terms(q)
    if not terms:
        return None
    sql, params = matching_ids_sql(terms, "person")
    # The SQL is search.backends' constant text; the words are parameters.
    return RawSQL(  # noqa: S611 # nosec B611
        f"SELECT CAST(m.object_id AS INTEGER) FROM ({sql}) m",  # noqa: S608 # nosec B608
        params,
    )


def profile_public_view(profile: Profile) -> PublicProfile:
    """The fields of a public profile its owner chose to show; the rest are None."""
    return PublicProfile(
        name=profile.name,
        organisation=(profile.organisation or None)
        if profile.show_organisation
        else None,
        municipality=profile.municipality if profile.show_municipality else None,
        kind=(profile.kind or None) if profile.show_kind else None,
        expertise=(profile.expertise or None) if profile.show_expertise else None,
        themes=list(profile.themes.all()) if profile.show_themes else None,
    )
