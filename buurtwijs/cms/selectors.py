"""Reads for the home page: what the network holds, in a handful of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from buurtwijs.accounts.models import Profile
from buurtwijs.core.models import Municipality, Theme
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
    themes: QuerySet[Theme]
    latest_initiatives: QuerySet[Initiative]
    upcoming_events: QuerySet[EventPage]
    publication_list: QuerySet[PublicationPage]


def network_overview() -> NetworkOverview:
    """Counts and highlights of the published network for the home page."""
    published = Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
    place_counts = Municipality.objects.filter(
        initiatives__status=Initiative.Status.PUBLISHED
    ).aggregate(
        municipalities=Count("id", distinct=True),
        provinces=Count("province", distinct=True),
    )
    themes = Theme.objects.annotate(
        initiative_count=Count(
            "initiatives", filter=Q(initiatives__status=Initiative.Status.PUBLISHED)
        )
    )
    return NetworkOverview(
        initiatives=published.count(),
        people=Profile.objects.filter(is_public=True).count(),
        municipalities=place_counts["municipalities"],
        provinces=place_counts["provinces"],
        documents=Document.objects.filter(status=Document.Status.PUBLISHED).count(),
        publications=PublicationPage.objects.live().public().count(),
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
