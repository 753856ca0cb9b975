"""Personal data of the accounts app: the account, the profile and consents."""

from typing import Any

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.accounts.personal_data import Provider, register


def _account_export(user: User) -> list[dict[str, Any]]:
    addresses = EmailAddress.objects.filter(user=user).order_by("email")
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "email_addresses": [
                {"email": a.email, "verified": a.verified, "primary": a.primary}
                for a in addresses
            ],
        }
    ]


def _account_erase(user: User) -> None:
    # Last of all categories: the account row goes, and with it (on_delete
    # CASCADE) the allauth addresses, consents, sessions' owner and roles.
    if user.pk is not None and User.objects.filter(pk=user.pk).exists():
        user.delete()


def _profile_export(user: User) -> list[dict[str, Any]]:
    profile = (
        Profile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("themes")
        .first()
    )
    if profile is None:
        return []
    return [
        {
            "name": profile.name,
            "organisation": profile.organisation,
            "municipality": str(profile.municipality) if profile.municipality else None,
            "kind": profile.kind,
            "expertise": profile.expertise,
            "themes": sorted(t.slug for t in profile.themes.all()),
            "is_public": profile.is_public,
            "public_fields": {
                "organisation": profile.show_organisation,
                "municipality": profile.show_municipality,
                "kind": profile.show_kind,
                "expertise": profile.show_expertise,
                "themes": profile.show_themes,
            },
            "allow_suggestions": profile.allow_suggestions,
            "created_at": profile.created_at,
            "updated_at": profile.updated_at,
        }
    ]


def _profile_erase(user: User) -> None:
    from buurtwijs.accounts.services import profile_delete

    for pk in Profile.objects.filter(user=user).values_list("pk", flat=True):
        profile_delete(pk=pk)


def _consents_export(user: User) -> list[dict[str, Any]]:
    return [
        {"purpose": c.purpose, "text": c.text, "given_at": c.given_at}
        for c in Consent.objects.filter(user=user)
    ]


def _consents_erase(user: User) -> None:
    Consent.objects.filter(user=user).delete()


register(
    Provider(
        category="account",
        label=_("Account"),
        description=_(
            "Your e-mail address, password (encrypted), language for e-mail, roles "
            "and when you joined and last signed in: needed to sign in and to send "
            "you the mail that belongs to your account. Deleted with your account."
        ),
        fields=(
            "accounts.User.email",
            "accounts.User.username",
            "accounts.User.first_name",
            "accounts.User.last_name",
            "account.EmailAddress.email",
            "account.EmailAddress.user",
            "account.EmailConfirmation.email_address",
        ),
        export=_account_export,
        erase=_account_erase,
        order=1000,
    )
)

register(
    Provider(
        category="profile",
        label=_("Profile"),
        description=_(
            "The profile you fill in yourself: name, organisation, municipality, "
            "role, what you work on and your themes. Private until you make it "
            "public, field by field. Deleted with your account; articles that "
            "named you as author keep no link to you."
        ),
        fields=(
            "accounts.Profile.user",
            "accounts.Profile.name",
            "accounts.Profile.sort_name",
            "accounts.Profile.email",
        ),
        export=_profile_export,
        erase=_profile_erase,
        order=10,
    )
)

register(
    Provider(
        category="consents",
        label=_("Consents"),
        description=_(
            "The exact text you agreed to and the moment, to show that you gave "
            "consent. Deleted with your account."
        ),
        fields=("accounts.Consent.user",),
        export=_consents_export,
        erase=_consents_erase,
        order=20,
    )
)
