from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Rate limits count in the cache, which outlives a test's database."""
    cache.clear()


class CommittingClient(Client):
    """A test client whose requests end like real ones: after-commit work runs.

    A test's transaction never commits, so the mails that services send after the
    commit would never leave; this runs them at the end of each request.
    """

    capture: Callable[..., Any]

    def request(self, **request: Any) -> Any:
        with self.capture(execute=True):
            return super().request(**request)


@pytest.fixture
def client(django_capture_on_commit_callbacks: Callable[..., Any]) -> Client:
    committing = CommittingClient()
    committing.capture = django_capture_on_commit_callbacks
    return committing
