"""Helpers for indexing Wagtail pages: which are public, their plain text."""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.html import strip_tags
from wagtail.models import Page

BATCH = 1_000


def public_pages[PageT: Page](model: type[PageT]) -> QuerySet[PageT]:
    """Live pages of this model that no login or password hides."""
    return model.objects.live().public()  # type: ignore[attr-defined]


def plain(*texts: Any) -> str:
    """Rich text and plain fields as one plain text, paragraphs on their own line."""
    return "\n".join(
        strip_tags(str(text).replace("</p>", "</p>\n")) for text in texts if text
    )


def in_batches[PageT: Page](queryset: QuerySet[PageT]) -> Iterator[PageT]:
    """Every row of the queryset, fetched a thousand at a time by id."""
    ordered = queryset.order_by("pk")
    last = 0
    while batch := list(ordered.filter(pk__gt=last)[:BATCH]):
        yield from batch
        last = batch[-1].pk
