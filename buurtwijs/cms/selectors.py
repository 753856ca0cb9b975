"""Reads for the home page: what the network holds, in a handful of queries.

Counting 10,000 initiatives and 100,000 profiles is most of the time the home page
takes, so the counts are kept in the cache per page-cache generation: any change to
the content (which starts a new generation) counts afresh; members and editors,
who always get a made page, then get the counting only once per change.
"""

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from buurtwijs.accounts.models import Profile
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.page_cache import generation
from buurtwijs.directory.models import Initiative
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import Document, PublicationPage


@dataclass(frozen=True)
class NetworkOverview:
    initiatives: int
    people: int
    municipalities: int
    provinces: int
    documents: int
    publications: int
    themes: list[Theme]
    latest_initiatives: QuerySet[Initiative]
    upcoming_events: QuerySet[EventPage]
    publication_list: QuerySet[PublicationPage]


COUNTS_SECONDS = 5 * 60  # a cap for bulk changes that send no signal


def _counts() -> dict[str, Any]:
    """The network's counts: from the cache while the content is unchanged."""
    key = f"home:counts:{generation()}"
    counts = cache.get(key)
    if counts is not None:
        return dict(counts)
    published = Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
    place_counts = Municipality.objects.filter(
        initiatives__status=Initiative.Status.PUBLISHED
    ).aggregate(
        municipalities=Count("id", distinct=True),
        provinces=Count("province", distinct=True),
    )
    counts = {
        "initiatives": published.count(),
        "people": Profile.objects.filter(is_public=True).count(),
        "municipalities": place_counts["municipalities"],
        "provinces": place_counts["provinces"],
        "documents": Document.objects.filter(status=Document.Status.PUBLISHED).count(),
        "publications": PublicationPage.objects.live().public().count(),
        "themes": dict(
            Theme.objects.annotate(
                initiative_count=Count(
                    "initiatives",
                    filter=Q(initiatives__status=Initiative.Status.PUBLISHED),
                )
            ).values_list("pk", "initiative_count")
        ),
    }
    cache.set(key, counts, COUNTS_SECONDS)
    return counts


def network_overview() -> NetworkOverview:
    """Counts and highlights of the published network for the home page."""
    counts = _counts()
    theme_counts = counts.pop("themes")
    themes = list(Theme.objects.all())
    for theme in themes:
        theme.initiative_count = theme_counts.get(theme.pk, 0)  # type: ignore[attr-defined]
    published = Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
    return NetworkOverview(
        **counts,
        themes=themes,
        latest_initiatives=published.select_related("municipality").order_by(
            "-created_at", "-id"
        )[:6],
        upcoming_events=EventPage.objects.live()
        .public()
        .filter(starts_at__gte=timezone.now())
        .order_by("starts_at")[:3],
        publication_list=PublicationPage.objects.live().public().order_by("-year")[:3],
    )
