"""Reads of the directory for lists and detail pages."""

from django.db.models import QuerySet

from buurtwijs.directory.models import Initiative


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
