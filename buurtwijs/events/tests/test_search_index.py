"""Events in the site search point at their page under /evenementen/."""

import pytest

from buurtwijs.events.search_index import load
from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def test_search_item_links_to_the_event_under_evenementen() -> None:
    event = make_event(title="Werkplaats buurtbudget", slug="werkplaats-buurtbudget")

    item = load(str(event.pk))

    assert item is not None
    assert item.url == "/evenementen/werkplaats-buurtbudget/"
    assert item.date == event.starts_at
    event.unpublish()
    assert load(str(event.pk)) is None
