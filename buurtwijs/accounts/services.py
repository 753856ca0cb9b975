"""Writes about people: accounts, profiles, consent, roles, export and deletion."""

import csv
import io
import json
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from buurtwijs.accounts import personal_data
from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.core.slugs import unique_slug
from buurtwijs.core.spreadsheets import cell_safe
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.search.services import index_later


def unique_profile_slug(name: str) -> str:
    """A web address for a profile, made unique with a number when taken."""
    return unique_slug(Profile.objects.all(), name, fallback="persoon", max_length=70)


@transaction.atomic
def profile_create(*, user: User | None, name: str, **fields: Any) -> Profile:
    """Create a profile for a person, with or without an account."""
    themes = fields.pop("themes", None)
    profile = Profile.objects.create(
        user=user,
        name=name,
        sort_name=dutch_sort_key(name),
        slug=unique_profile_slug(name),
        **fields,
    )
    if themes:
        profile.themes.set(themes)
    index_later(kind="person", object_id=profile.pk)
    return profile


@transaction.atomic
def account_register(*, user: User, name: str, consent_text: str) -> Profile:
    """Finish a sign-up: record consent to the privacy statement, create the profile."""
    Consent.objects.create(
        user=user, purpose=Consent.Purpose.PRIVACY_STATEMENT, text=consent_text
    )
    return profile_create(user=user, name=name)


def member_grant(*, user: User) -> None:
    """Give a person with a verified e-mail address the member role."""
    group, _ = Group.objects.get_or_create(name=MEMBER)
    user.groups.add(group)


@transaction.atomic
def profile_update(*, profile: Profile, data: dict[str, Any]) -> Profile:
    """Change the profile fields a person edits themselves."""
    themes = data.pop("themes", None)
    if "name" in data:
        data["sort_name"] = dutch_sort_key(data["name"])
    for field, value in data.items():
        setattr(profile, field, value)
    profile.save(update_fields=[*data.keys(), "updated_at"])
    if themes is not None:
        profile.themes.set(themes)
    index_later(kind="person", object_id=profile.pk)
    return profile


def account_export(*, user: User) -> str:
    """All personal data held about a person, as JSON (right of access, AVG art. 15).

    One key per category of the register (accounts.personal_data), each a list of
    rows; the same data as account_export_csv.
    """
    return json.dumps(personal_data.collect(user), ensure_ascii=False, indent=2)


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "; ".join(_csv_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_csv_text(item)}" for key, item in value.items())
    return str(value)


def account_export_csv(*, user: User) -> bytes:
    """The same data as account_export, as one CSV file that Excel opens.

    One line per value: category, row number, field, value. UTF-8 with a byte
    order mark so Excel reads accents; a semicolon between columns in Dutch (the
    list separator of Dutch Excel), a comma in English.
    """
    delimiter = ";" if (get_language() or "nl").startswith("nl") else ","
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([_("category"), _("row"), _("field"), _("value")])
    data = personal_data.collect(user)
    for provider in personal_data.providers():
        rows = data[provider.category]
        if not rows:
            writer.writerow([str(provider.label), "", "", ""])
        for number, row in enumerate(rows, start=1):
            for field, value in row.items():
                writer.writerow(
                    [str(provider.label), number, field, cell_safe(_csv_text(value))]
                )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account and erase or anonymise every category of personal data.

    Each category's erase runs in one transaction (right to erasure): what only
    concerns the person is deleted; what the network shares (threads, published
    comments, learning questions, initiatives, documents) stays without them.
    """
    personal_data.erase_everything(user)


@transaction.atomic
def profile_delete(*, pk: int) -> None:
    """Delete a profile and take it out of the search index."""
    Profile.objects.filter(pk=pk).delete()
    index_later(kind="person", object_id=pk)
