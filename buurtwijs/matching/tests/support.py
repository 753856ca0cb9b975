"""The labelled set and helpers to load it into the database."""

import json
from pathlib import Path
from typing import Any

from buurtwijs.accounts.models import Profile
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.core.models import Municipality, Theme

DEVSET = Path(__file__).parents[1] / "data" / "match_devset.json"


def devset() -> dict[str, Any]:
    return json.loads(DEVSET.read_text(encoding="utf-8"))


def public_person(
    name: str,
    expertise: str,
    *,
    themes: tuple[str, ...] = (),
    municipality: str | None = "GM0344",
    email: str = "",
    **fields: Any,
) -> Profile:
    """A public profile open to suggestions, made through the accounts service."""
    values: dict[str, Any] = {
        "expertise": expertise,
        "is_public": True,
        "email": email,
        "municipality": (
            Municipality.objects.get(code=municipality) if municipality else None
        ),
        "themes": list(Theme.objects.filter(slug__in=themes)),
        **fields,
    }
    return make_profile(name=name, **values)
