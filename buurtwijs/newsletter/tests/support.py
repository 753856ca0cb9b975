"""Build newsletter state for tests the way visitors and editors do."""

import time
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from buurtwijs.core.antispam import form_started_token
from buurtwijs.core.models import Theme
from buurtwijs.newsletter.models import Subscriber
from buurtwijs.newsletter.services import CONSENT_TEXT


def form_data(email: str = "lotte@voorbeeld.nl", **extra: Any) -> dict[str, Any]:
    """A filled-in subscribe form, as a person sends it after half a minute."""
    return {
        "email": email,
        "name": "Lotte de Vries",
        "consent": "on",
        "started": form_started_token(time.time() - 30),
        "website_url": "",
        **extra,
    }


def make_subscriber(
    email: str,
    *,
    language: str = "nl",
    themes: Sequence[Theme] = (),
    status: str = Subscriber.Status.CONFIRMED,
) -> Subscriber:
    """A subscriber who confirmed (unless told otherwise)."""
    now = timezone.now()
    subscriber = Subscriber.objects.create(
        email=email,
        name=email.split("@")[0].title(),
        language=language,
        status=status,
        consent_text=str(CONSENT_TEXT),
        requested_at=now,
        confirmed_at=now if status == Subscriber.Status.CONFIRMED else None,
    )
    subscriber.themes.set(themes)
    return subscriber
