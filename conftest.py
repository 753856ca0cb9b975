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


def _keep_connection(**kwargs: object) -> None:
    """Stands in for close_old_connections while a test runs the worker."""


class TaskRunner:
    """Runs what a request left for the background worker, with the worker's own code.

    Services hand work to tasks after the commit; a test's transaction never commits,
    so the runner first calls the waiting on-commit callbacks (which enqueue), then
    runs django-tasks-db's worker in batch mode over the queue.
    """

    def run(self) -> int:
        """Enqueue what the test's writes left behind, work through it; say how many."""
        from django.db import connection
        from django_tasks_db.management.commands import db_worker
        from django_tasks_db.models import DBTaskResult

        while connection.run_on_commit:
            callback = connection.run_on_commit.pop(0)[1]
            callback()
        ready = DBTaskResult.objects.ready().count()
        worker = db_worker.Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="background",
            startup_delay=False,
            max_tasks=None,
            worker_id="test",
            excluded_queue_names=[],
        )
        # The worker closes "old" connections between tasks; inside a test's
        # transaction that would close the test's own connection (Django's test
        # client skips the same call for the same reason).
        original = db_worker.close_old_connections
        db_worker.close_old_connections = _keep_connection
        try:
            worker.run()
        finally:
            db_worker.close_old_connections = original
        return ready


@pytest.fixture
def tasks(db: None) -> TaskRunner:
    """Background tasks as the worker runs them: call ``tasks.run()``."""
    return TaskRunner()


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache, as a freshly started site does."""
    from django.core.cache import cache

    cache.clear()
