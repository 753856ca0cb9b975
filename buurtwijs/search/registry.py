"""Which function turns a record of each kind into what the index holds.

Domain apps register a loader in their ``search_index.py``; search never imports a
domain model itself.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class IndexItem:
    """What search knows of one public record."""

    kind: str
    object_id: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    themes: tuple[str, ...] = ()
    municipality_code: str = ""
    province_code: str = ""
    date: datetime | None = None
    boost: float = 1.0
    extra_words: tuple[str, ...] = field(default=())


# load(object_id) → the item, or None when the record is gone or not public.
Loader = Callable[[str], IndexItem | None]
# every() → every public record of the kind, for a full rebuild.
Lister = Callable[[], Iterator[IndexItem]]


@dataclass(frozen=True)
class Source:
    load: Loader
    every: Lister


SOURCES: dict[str, Source] = {}
# Wagtail page models whose publishing and deleting refresh the index by themselves.
PAGE_KINDS: dict[type, str] = {}


def register(
    kind: str, *, load: Loader, every: Lister, page_model: type | None = None
) -> None:
    """Make records of this kind searchable."""
    SOURCES[kind] = Source(load=load, every=every)
    if page_model is not None:
        PAGE_KINDS[page_model] = kind
