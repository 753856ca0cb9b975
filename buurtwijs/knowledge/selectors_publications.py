"""Reads for publication pages."""

from django.db.models import QuerySet

from buurtwijs.knowledge.models import CasePage, PublicationPage


def publication_cases_public(*, publication: PublicationPage) -> QuerySet[CasePage]:
    """The live cases that name this publication as their source, by title."""
    return (
        CasePage.objects.live()
        .public()
        .filter(source_publication=publication)
        .select_related("municipality")
        .order_by("title")
    )
