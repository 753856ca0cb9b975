"""How visible learning questions appear in the site search."""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from buurtwijs.calls.models import LearningQuestion
from buurtwijs.core.models import Theme
from buurtwijs.search.registry import IndexItem, register

BATCH = 2_000


def _questions() -> QuerySet[LearningQuestion]:
    return (
        LearningQuestion.objects.filter(status=LearningQuestion.Status.PUBLISHED)
        .select_related("municipality", "municipality__province", "call")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.only("id", "slug")))
    )


def _item(question: LearningQuestion) -> IndexItem:
    municipality = question.municipality
    call = question.call
    return IndexItem(
        kind="question",
        object_id=str(question.pk),
        title=question.short_text,
        url=reverse("questions:question_detail", kwargs={"pk": question.pk}),
        summary=question.short_text,
        body=question.text,
        themes=tuple(theme.slug for theme in question.themes.all()),
        municipality_code=municipality.code if municipality else "",
        province_code=municipality.province.code if municipality else "",
        date=question.created_at,
        boost=0.9 + min(question.vote_count, 50) / 100,
        extra_words=(
            municipality.name if municipality else "",
            str(question.get_role_display()) if question.role else "",
            call.title if call is not None and call.status == "published" else "",
        ),
    )


def load(object_id: str) -> IndexItem | None:
    question = (
        _questions().filter(pk=object_id).first() if object_id.isdigit() else None
    )
    return _item(question) if question else None


def every() -> Iterator[IndexItem]:
    queryset = _questions().order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        yield from (_item(question) for question in batch)
        last = batch[-1].pk


register("question", load=load, every=every)
