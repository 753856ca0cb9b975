"""How published initiatives appear in the site search."""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from buurtwijs.core.models import Theme
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.search.registry import IndexItem, register

BATCH = 2_000


def _initiatives() -> QuerySet[Initiative]:
    return (
        Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
        .select_related("municipality", "municipality__province")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("id", "slug")),
            Prefetch(
                "partners", queryset=Partner.objects.only("id", "initiative_id", "name")
            ),
        )
    )


def _item(initiative: Initiative) -> IndexItem:
    municipality = initiative.municipality
    return IndexItem(
        kind="initiative",
        object_id=str(initiative.pk),
        title=initiative.name,
        url=reverse("directory:initiative_detail", kwargs={"slug": initiative.slug}),
        summary=initiative.summary,
        body=initiative.description,
        themes=tuple(theme.slug for theme in initiative.themes.all()),
        municipality_code=municipality.code,
        province_code=municipality.province.code,
        date=initiative.created_at,
        boost=1.2,
        extra_words=(
            str(initiative.get_kind_display()),
            municipality.name,
            initiative.neighbourhood,
            *(partner.name for partner in initiative.partners.all()),
        ),
    )


def load(object_id: str) -> IndexItem | None:
    initiative = (
        _initiatives().filter(pk=object_id).first() if object_id.isdigit() else None
    )
    return _item(initiative) if initiative else None


def every() -> Iterator[IndexItem]:
    queryset = _initiatives().order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        yield from (_item(initiative) for initiative in batch)
        last = batch[-1].pk


register("initiative", load=load, every=every)
