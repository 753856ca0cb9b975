"""The demo editor and demo member accounts, with verified e-mail addresses."""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from buurtwijs.accounts.models import PersonKind, Profile, User
from buurtwijs.accounts.roles import EDITOR, MEMBER, roles_sync
from buurtwijs.accounts.services import member_grant, profile_create
from buurtwijs.core.models import Municipality, Theme

# A public, documented password for local demo accounts only; the command refuses
# to run with DEBUG off unless told to.
DEMO_PASSWORD = "buurtwijs-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoAccount:
    """A demo login with the profile that goes with it."""

    email: str
    name: str
    groups: tuple[str, ...]
    organisation: str
    kind: str
    expertise: str
    themes: tuple[str, ...]


DEMO_ACCOUNTS = (
    DemoAccount(
        email="redacteur@buurtwijs.test",
        name="Demo-redacteur",
        groups=(MEMBER, EDITOR),
        organisation="Redactie Buurtwijs",
        kind=PersonKind.PROFESSIONAL,
        expertise=(
            "O.a. bezig met: praktijkvoorbeelden, publicaties en de agenda van het "
            "netwerk; modereert nieuwe initiatieven en documenten."
        ),
        themes=("kennis-en-leren", "participatie-en-samenwerking"),
    ),
    DemoAccount(
        email="lid@buurtwijs.test",
        name="Demo-lid",
        groups=(MEMBER,),
        organisation="Buurtcoöperatie De Wielewaal",
        kind=PersonKind.RESIDENT,
        expertise=(
            "O.a. bezig met: een buurtmoestuin, vrijwilligers werven en een "
            "buurtbudget waarover bewoners zelf beslissen."
        ),
        themes=("openbare-ruimte", "organiseren-en-financieren"),
    ),
)


@transaction.atomic
def load_demo_accounts(log: Callable[[str], None]) -> int:
    """Create the demo accounts that are missing; never touch existing passwords."""
    roles_sync()
    utrecht = Municipality.objects.filter(code="GM0344").first()
    created = 0
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=account.email).first()
        if user is None:
            user = User.objects.create_user(
                username=account.email, email=account.email, password=DEMO_PASSWORD
            )
            created += 1
            log(f"  account {account.email} ({', '.join(account.groups)})")
        member_grant(user=user)
        for name in account.groups:
            user.groups.add(Group.objects.get(name=name))
        EmailAddress.objects.get_or_create(
            user=user,
            email=account.email,
            defaults={"verified": True, "primary": True},
        )
        if not Profile.objects.filter(user=user).exists():
            profile_create(
                user=user,
                name=account.name,
                organisation=account.organisation,
                municipality=utrecht,
                kind=account.kind,
                expertise=account.expertise,
                themes=list(Theme.objects.filter(slug__in=account.themes)),
            )
    return created
