"""The register of personal data: what each app stores about a person, and how.

Every app that stores something about a person declares a provider in its own
``privacy.py`` (loaded at start-up by ``AccountsConfig.ready``). A provider names a
category, says what is stored and why, exports a person's rows and erases them.
The data export, account deletion and the privacy statement's test all read this
register, so a new kind of personal data is one ``register`` call away from being
exported, erased and checked against the statement.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import override

if TYPE_CHECKING:
    from buurtwijs.accounts.models import User

Row = dict[str, Any]


@dataclass(frozen=True)
class Provider:
    """One category of personal data, declared by the app that stores it."""

    # A stable key, used in the JSON export and the CSV download.
    category: str
    label: Promise | str
    # What is stored, why, and what deleting an account does with it.
    description: Promise | str
    # Every model field this category covers, as "app_label.Model.field": the test
    # of the register walks all models and fails on a personal field not listed.
    fields: tuple[str, ...]
    export: Callable[["User"], list[Row]]
    erase: Callable[["User"], None]
    # Lower first: the export lists categories in this order and deletion erases
    # in this order (the account itself last).
    order: int = 100


_PROVIDERS: dict[str, Provider] = {}


def register(provider: Provider) -> Provider:
    """Add a category to the register; a second one with the same key is an error."""
    known = _PROVIDERS.get(provider.category)
    if known is not None and known != provider:
        raise ValueError(f"Personal data category {provider.category!r} exists")
    _PROVIDERS[provider.category] = provider
    return provider


def providers() -> list[Provider]:
    """Every registered category, in export and erase order."""
    return sorted(_PROVIDERS.values(), key=lambda p: (p.order, p.category))


def covered_fields() -> set[str]:
    """Every "app_label.Model.field" some category declares."""
    return {field for provider in _PROVIDERS.values() for field in provider.fields}


def email_matches(field: str, user: "User") -> Q:
    """Rows whose e-mail field holds this person's address, in any letter case."""
    if not user.email:
        return Q(pk__in=[])
    return Q(**{f"{field}__iexact": user.email})


def former_member_name() -> str:
    """The name shown on content that stays after its author deleted the account.

    Stored in the site's language (Dutch), because the row is read by everyone.
    """
    from django.conf import settings
    from django.utils.translation import gettext

    with override(settings.LANGUAGE_CODE):
        return gettext("Former member")


def anonymous_key() -> str:
    """A random key that stands in for a person and cannot be traced back."""
    return secrets.token_hex(32)


def plain(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO text, lazy text as text."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def collect(user: "User") -> dict[str, list[Row]]:
    """Every category's rows about this person, as plain JSON-ready values."""
    return {
        provider.category: [plain(row) for row in provider.export(user)]
        for provider in providers()
    }


def erase_everything(user: "User") -> None:
    """Run every category's erase in order; the caller holds the transaction."""
    for provider in providers():
        provider.erase(user)
