"""Every test starts without indexes built by an earlier test's data."""

from collections.abc import Iterator

import pytest

from buurtwijs.matching.selectors import match_indexes_forget


@pytest.fixture(autouse=True)
def _fresh_indexes() -> Iterator[None]:
    match_indexes_forget()
    yield
    match_indexes_forget()
