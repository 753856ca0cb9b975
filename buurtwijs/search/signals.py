"""Keep Wagtail pages in the index when they are published, unpublished or deleted.

Pages are written by Wagtail's own views, not by Buurtwijs services, so its signals
are the one place to hear about them; the handlers only queue a refresh.
"""

from typing import Any

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from buurtwijs.search.registry import PAGE_KINDS
from buurtwijs.search.services import index_later


def _refresh(sender: type, instance: Any, **kwargs: Any) -> None:
    kind = PAGE_KINDS.get(type(instance))
    if kind is not None:
        index_later(kind=kind, object_id=instance.pk)


def connect() -> None:
    """Listen to every registered page model (call after the sources are known)."""
    for model in PAGE_KINDS:
        page_published.connect(_refresh, sender=model, dispatch_uid=f"search-{model}")
        page_unpublished.connect(
            _refresh, sender=model, dispatch_uid=f"search-un-{model}"
        )
        post_delete.connect(_refresh, sender=model, dispatch_uid=f"search-del-{model}")
