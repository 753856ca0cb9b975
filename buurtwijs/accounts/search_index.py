"""How public profiles appear in the site search: only the fields a person shows."""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from buurtwijs.accounts.models import Profile
from buurtwijs.core.models import Theme
from buurtwijs.search.registry import IndexItem, register

BATCH = 2_000


def _profiles() -> QuerySet[Profile]:
    return (
        Profile.objects.filter(is_public=True)
        .select_related("municipality", "municipality__province")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("id", "slug")))
    )


def _item(profile: Profile) -> IndexItem:
    municipality = profile.municipality if profile.show_municipality else None
    organisation = profile.organisation if profile.show_organisation else ""
    summary = " · ".join(
        part
        for part in (
            profile.get_kind_display() if profile.show_kind and profile.kind else "",
            organisation,
            municipality.name if municipality else "",
        )
        if part
    )
    return IndexItem(
        kind="person",
        object_id=str(profile.pk),
        title=profile.name,
        url=reverse("people:person_detail", kwargs={"slug": profile.slug}),
        summary=summary,
        body=profile.expertise if profile.show_expertise else "",
        themes=tuple(theme.slug for theme in profile.themes.all())
        if profile.show_themes
        else (),
        municipality_code=municipality.code if municipality else "",
        province_code=municipality.province.code if municipality else "",
        date=profile.updated_at,
        extra_words=(organisation,),
    )


def load(object_id: str) -> IndexItem | None:
    profile = _profiles().filter(pk=object_id).first() if object_id.isdigit() else None
    return _item(profile) if profile else None


def every() -> Iterator[IndexItem]:
    queryset = _profiles().order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        yield from (_item(profile) for profile in batch)
        last = batch[-1].pk


register("person", load=load, every=every)
