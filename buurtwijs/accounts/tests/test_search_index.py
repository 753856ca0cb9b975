"""Public profiles reach the site search index; private and deleted ones leave it."""

import pytest

from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.selectors import profile_list_public
from buurtwijs.accounts.services import account_delete, profile_update
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.search.models import SearchEntry
from conftest import TaskRunner

pytestmark = pytest.mark.django_db


def _entry(profile: Profile) -> SearchEntry | None:
    return SearchEntry.objects.filter(kind="person", object_id=str(profile.pk)).first()


def test_profile_made_private_disappears_from_the_index(tasks: TaskRunner) -> None:
    profile = make_profile(
        name="Fatima de Vries", is_public=True, expertise="Energiearmoede"
    )
    tasks.run()
    assert _entry(profile) is not None
    assert [p.name for p in profile_list_public(q="energiearmoede")] == [
        "Fatima de Vries"
    ]

    profile_update(profile=profile, data={"is_public": False})
    tasks.run()

    assert _entry(profile) is None


def test_hidden_field_is_taken_out_of_the_index(tasks: TaskRunner) -> None:
    profile = make_profile(
        name="Bram Bakker", is_public=True, organisation="Woonstad Rotterdam"
    )
    tasks.run()
    assert list(profile_list_public(q="woonstad")) == [profile]

    profile_update(profile=profile, data={"show_organisation": False})
    tasks.run()

    entry = _entry(profile)
    assert entry is not None and "Woonstad" not in entry.text.summary
    assert list(profile_list_public(q="woonstad")) == []


def test_deleted_account_takes_its_profile_out_of_the_index(
    tasks: TaskRunner, member: User
) -> None:
    profile = Profile.objects.get(user=member)
    profile_update(profile=profile, data={"is_public": True})
    tasks.run()
    assert _entry(profile) is not None

    account_delete(user=member)
    tasks.run()

    assert _entry(profile) is None
