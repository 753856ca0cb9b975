"""Shared state of the learning network tests."""

import pytest

from buurtwijs.accounts.models import User
from buurtwijs.networks.models import LearningNetwork
from buurtwijs.networks.tests.factories import join, make_network


@pytest.fixture
def network(db: None) -> LearningNetwork:
    return make_network(
        themes=("organiseren-en-financieren", "participatie-en-samenwerking")
    )


@pytest.fixture
def joined(network: LearningNetwork, member: User) -> LearningNetwork:
    """The network with the member in it."""
    join(network, member)
    return network
