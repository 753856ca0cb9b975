"""Names keep a stored Dutch sort key however they are written."""

import pytest
from wagtail.admin.panels import get_edit_handler

from buurtwijs.accounts.models import Profile
from buurtwijs.accounts.services import profile_create, profile_update
from buurtwijs.core.models import Municipality
from buurtwijs.directory.models import Initiative

pytestmark = pytest.mark.django_db


def test_profile_services_store_the_dutch_sort_key() -> None:
    profile = profile_create(user=None, name="’s-Jongers, Ümit")
    assert profile.sort_name == "jongers, umit"
    profile_update(profile=profile, data={"name": "IJzerman, Ölga"})
    profile.refresh_from_db()
    assert profile.sort_name == "ijzerman, olga"


def test_editing_a_profile_in_beheer_updates_its_sort_key() -> None:
    profile = profile_create(user=None, name="Zeeman")
    form_class = get_edit_handler(Profile).get_form_class()
    form = form_class(
        data={"name": "Élise ’t Hart", "slug": profile.slug, "themes": []},
        instance=profile,
        for_user=None,
    )
    assert form.is_valid(), form.errors
    form.save()
    profile.refresh_from_db()
    assert profile.sort_name == "elise 't hart"


def test_editing_an_initiative_in_beheer_updates_its_sort_key() -> None:
    initiative = Initiative.objects.create(
        name="Zuid",
        slug="zuid",
        municipality=Municipality.objects.get(code="GM0344"),
        status=Initiative.Status.PUBLISHED,
    )
    form_class = get_edit_handler(Initiative).get_form_class()
    data = {
        "name": "’t Hofje",
        "slug": "zuid",
        "kind": "anders",
        "status": "published",
        "municipality": initiative.municipality_id,
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    form = form_class(data=data, instance=initiative, for_user=None)
    assert form.is_valid(), form.errors
    form.save()
    initiative.refresh_from_db()
    assert initiative.sort_name == "hofje"
