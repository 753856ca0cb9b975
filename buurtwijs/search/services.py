"""Writes to the search index: one record now, one record later, or everything."""

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from django.db import transaction

from buurtwijs.search import backends
from buurtwijs.search.models import SearchEntry, SearchText
from buurtwijs.search.registry import SOURCES, IndexItem

REBUILD_BATCH = 500


def index_later(*, kind: str, object_id: int | str) -> None:
    """Refresh this record's search entry in a background task after the commit."""
    from buurtwijs.search.tasks import search_index_task

    key = str(object_id)
    transaction.on_commit(lambda: search_index_task.enqueue(kind, key))


def search_entry_refresh(*, kind: str, object_id: str) -> bool:
    """Index the record as it is now; drop its entry when it is gone or not public.

    Returns whether the record is in the index afterwards.
    """
    source = SOURCES.get(kind)
    item = source.load(object_id) if source else None
    with transaction.atomic():
        if item is None:
            search_entry_delete(kind=kind, object_ids=[object_id])
            return False
        _store([item])
    return True


def search_entry_delete(*, kind: str, object_ids: Iterable[str]) -> int:
    """Remove these records' entries from the index."""
    ids = list(
        SearchEntry.objects.filter(
            kind=kind, object_id__in=list(object_ids)
        ).values_list("id", flat=True)
    )
    if ids:
        backends.remove(ids)
        SearchEntry.objects.filter(id__in=ids).delete()
    return len(ids)


def search_index_rebuild(
    *, kinds: Iterable[str] | None = None, log: Callable[[str], None] | None = None
) -> int:
    """Index every public record of these kinds (all kinds by default) afresh."""
    total = 0
    for kind in kinds or sorted(SOURCES):
        source = SOURCES[kind]
        with transaction.atomic():
            old = list(
                SearchEntry.objects.filter(kind=kind).values_list("id", flat=True)
            )
            for start in range(0, len(old), 5_000):
                backends.remove(old[start : start + 5_000])
            SearchEntry.objects.filter(kind=kind).delete()
            count = 0
            for batch in _batches(source.every(), REBUILD_BATCH):
                _store(batch)
                count += len(batch)
        total += count
        if log:
            log(f"{kind}: {count:,}")
    return total


def _batches(items: Iterator[IndexItem], size: int) -> Iterator[list[IndexItem]]:
    while batch := list(islice(items, size)):
        yield batch


def _store(items: list[IndexItem]) -> None:
    """Insert or update the entries for these items and their full-text rows."""
    by_key = {(item.kind, item.object_id): item for item in items}
    existing = {
        (entry.kind, entry.object_id): entry
        for entry in SearchEntry.objects.filter(
            kind__in={kind for kind, _ in by_key},
            object_id__in=[object_id for _, object_id in by_key],
        )
    }
    new: list[SearchEntry] = []
    changed: list[SearchEntry] = []
    for key, item in by_key.items():
        entry = existing.get(key) or SearchEntry(
            kind=item.kind, object_id=item.object_id
        )
        entry.title = item.title[:300]
        entry.url = item.url
        entry.themes = f" {' '.join(item.themes)} " if item.themes else ""
        entry.municipality_code = item.municipality_code
        entry.province_code = item.province_code
        entry.date = item.date
        entry.boost = item.boost
        (changed if entry.pk else new).append(entry)
    SearchEntry.objects.bulk_create(new)
    if changed:
        SearchEntry.objects.bulk_update(
            changed,
            [
                "title",
                "url",
                "themes",
                "municipality_code",
                "province_code",
                "date",
                "boost",
            ],
        )
    stored = [
        (entry.pk, by_key[(entry.kind, entry.object_id)]) for entry in [*new, *changed]
    ]
    SearchText.objects.filter(entry_id__in=[pk for pk, _ in stored]).delete()
    SearchText.objects.bulk_create(
        SearchText(
            entry_id=pk, summary=item.summary, body=item.body[: backends.BODY_LIMIT]
        )
        for pk, item in stored
    )
    backends.store(stored)
