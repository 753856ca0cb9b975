"""Writes about people: accounts, profiles, consent, roles, export and deletion."""

import json
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction

from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.core.slugs import unique_slug
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
    """All personal data held about a person, as JSON (right of access, AVG art. 15)."""
    profile = Profile.objects.filter(user=user).select_related("municipality").first()
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "consents": [
            {"purpose": c.purpose, "text": c.text, "given_at": c.given_at.isoformat()}
            for c in user.consents.all()
        ],
        "profile": None,
        "initiatives_owned": sorted(user.initiatives.values_list("name", flat=True)),
        "documents_uploaded": sorted(user.documents.values_list("title", flat=True)),
    }
    if profile is not None:
        data["profile"] = {
            "name": profile.name,
            "organisation": profile.organisation,
            "municipality": str(profile.municipality) if profile.municipality else None,
            "kind": profile.kind,
            "expertise": profile.expertise,
            "themes": sorted(profile.themes.values_list("slug", flat=True)),
            "is_public": profile.is_public,
            "public_fields": {
                "organisation": profile.show_organisation,
                "municipality": profile.show_municipality,
                "kind": profile.show_kind,
                "expertise": profile.show_expertise,
                "themes": profile.show_themes,
            },
        }
    return json.dumps(data, ensure_ascii=False, indent=2)


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account with its profile and consents (right to erasure).

    Initiatives and documents the person shared stay, without the link to them.
    """
    for pk in Profile.objects.filter(user=user).values_list("pk", flat=True):
        profile_delete(pk=pk)
    user.delete()


@transaction.atomic
def profile_delete(*, pk: int) -> None:
    """Delete a profile and take it out of the search index."""
    Profile.objects.filter(pk=pk).delete()
    index_later(kind="person", object_id=pk)
