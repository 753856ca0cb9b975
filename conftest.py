"""The fixed cast of every test: visitor, members, owner, editor, administrator."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import ADMINISTRATOR, EDITOR, MEMBER
from buurtwijs.accounts.tests.factories import PASSWORD, UserFactory, make_profile
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory


def _person(email: str, name: str, *roles: str) -> User:
    user = UserFactory.create(email=email, username=email.split("@")[0])
    make_profile(user=user, name=name)
    for role in roles:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def visitor(client: Client) -> Client:
    """Someone without an account."""
    return client


@pytest.fixture
def member(db: None) -> User:
    return _person("anouk@voorbeeld.nl", "Anouk Jansen", MEMBER)


@pytest.fixture
def other_member(db: None) -> User:
    return _person("bram@voorbeeld.nl", "Bram van den Berg", MEMBER)


@pytest.fixture
def owner(db: None) -> User:
    return _person("chantal@voorbeeld.nl", "Chantal Öztürk", MEMBER)


@pytest.fixture
def owned_initiative(owner: User) -> Initiative:
    return InitiativeFactory.create(owner=owner, name="Buurtcoöperatie Oog in Al")


@pytest.fixture
def editor(db: None) -> User:
    return _person("redacteur@voorbeeld.nl", "Dirk IJzerman", MEMBER, EDITOR)


@pytest.fixture
def administrator(db: None) -> User:
    return _person("beheer@voorbeeld.nl", "Els ’s-Gravesande", MEMBER, ADMINISTRATOR)


@pytest.fixture
def client_for(db: None):  # noqa: ANN201 - returns a factory function
    """A logged-in test client for a given user."""

    def login(user: User) -> Client:
        logged_in = Client()
        logged_in.force_login(user)
        return logged_in

    return login
