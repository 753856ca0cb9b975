"""API fuzzing: schemathesis sends generated requests to every /api/v1/ operation.

The schema comes from the running Django app (/api/v1/openapi.json) and the calls go
straight into its WSGI handler, on the test database with a small network in it
(a published initiative, case, document and public profile), so the detail
endpoints meet both existing and unknown keys. Every answer must be below 500 and
match the schema: status code documented, body and headers as described.
"""

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from buurtwijs.accounts.tests.factories import UserFactory, make_profile
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.knowledge.tests.documents_support import published_document
from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

# Enough examples to hit odd values on every parameter, few enough that the whole
# module stays under a minute on a small machine.
EXAMPLES = 25


@pytest.fixture
def network(db: None) -> Iterator[None]:
    """A little of everything the API publishes; the cache starts and ends empty."""
    cache.clear()
    initiative = InitiativeFactory.create(
        name="Buurtmoestuin De Kas",
        slug="buurtmoestuin-de-kas",
    )
    PartnerFactory.create(initiative=initiative)
    make_case(
        "De Kas in Utrecht",
        slug="de-kas-in-utrecht",
        initiative=initiative,
        themes=["openbare-ruimte"],
    )
    published_document(title="Handreiking buurtmoestuin", municipality="GM0344")
    make_profile(UserFactory.create(), name="Fatima de Vries", is_public=True)
    # The calls go through Django's WSGI handler, which closes "old" connections at
    # each request's start and end; inside the test's transaction that would close
    # the test's own connection (Django's test client skips it the same way).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        cache.clear()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # The database fixture is set up once per operation and read by every example;
    # the API only reads, so examples cannot disturb one another.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_every_generated_request_within_its_schema(
    case: schemathesis.Case, network: None
) -> None:
    case.call_and_validate()
