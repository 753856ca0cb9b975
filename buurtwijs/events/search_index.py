"""How events appear in the site search."""

from collections.abc import Iterator

from buurtwijs.events.models import EventPage
from buurtwijs.search.pages import in_batches, plain, public_pages
from buurtwijs.search.registry import IndexItem, register


def _item(event: EventPage) -> IndexItem:
    return IndexItem(
        kind="event",
        object_id=str(event.pk),
        title=event.title,
        url=event.get_url() or "",
        summary=event.intro,
        body=plain(event.audience, event.programme),
        date=event.starts_at,
        extra_words=(event.location,),
    )


def load(object_id: str) -> IndexItem | None:
    event = (
        public_pages(EventPage).filter(pk=object_id).first()
        if object_id.isdigit()
        else None
    )
    return _item(event) if event else None


def every() -> Iterator[IndexItem]:
    return (_item(event) for event in in_batches(public_pages(EventPage)))


register("event", load=load, every=every, page_model=EventPage)
