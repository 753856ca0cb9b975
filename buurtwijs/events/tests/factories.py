"""Events for tests: live pages under the events section the migration made."""

import time
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from buurtwijs.core.antispam import form_started_token
from buurtwijs.events.models import EventIndexPage, EventPage

_counter = iter(range(1, 1_000_000))


def events_section() -> EventIndexPage:
    return EventIndexPage.objects.get(slug="evenementen")


def make_event(
    *, starts_at: datetime | None = None, title: str = "", **fields: Any
) -> EventPage:
    """A live event a week from now unless told otherwise."""
    number = next(_counter)
    title = title or f"Leersessie buurtbudgetten {number}"
    event = EventPage(
        title=title,
        slug=fields.pop("slug", f"leersessie-{number}"),
        starts_at=starts_at or timezone.now() + timedelta(days=7),
        location=fields.pop("location", "Buurthuis De Linde, Utrecht"),
        intro=fields.pop("intro", "Bewoners beslissen zelf over het buurtgeld."),
        **fields,
    )
    events_section().add_child(instance=event)
    return event


def visitor_form(**fields: str) -> dict[str, str]:
    """A filled-in registration form, started long enough ago for the time trap."""
    return {
        "name": "Fatima el Amrani",
        "email": "fatima@voorbeeld.nl",
        "consent": "on",
        "website_url": "",
        "started": form_started_token(time.time() - 30),
        **fields,
    }
