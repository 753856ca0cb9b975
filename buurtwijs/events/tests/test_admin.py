"""Registrations in /beheer/ and the attendee list: for editors only."""

import csv
import io

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.events.services import registration_create
from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():  # noqa: ANN201
    event = make_event(title="Werkplaats", capacity=1)
    registration_create(
        event=event, name="Zoë ’t Hart", email="zoe@voorbeeld.nl", language="nl"
    )
    registration_create(
        event=event, name="=SOM(A1)", email="wacht@voorbeeld.nl", language="nl"
    )
    return event


def test_editor_downloads_an_excel_friendly_attendee_list(
    editor: User, client_for, event
) -> None:
    response = client_for(editor).get(f"/beheer/events/{event.pk}/registrations.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Naam", "E-mailadres", "Status"]
    assert rows[1][:3] == ["Zoë ’t Hart", "zoe@voorbeeld.nl", "Aangemeld"]
    # a name that looks like a formula stays text in Excel
    assert rows[2][:3] == ["'=SOM(A1)", "wacht@voorbeeld.nl", "Op de wachtlijst"]


def test_editor_sees_registrations_in_the_admin(
    editor: User, client_for, event
) -> None:
    client = client_for(editor)
    index = client.get("/beheer/events/registrations/").content.decode()
    detail = client.get(f"/beheer/events/{event.pk}/registrations/").content.decode()

    assert "Werkplaats" in index
    assert "Zoë ’t Hart" in detail
    assert "Op de wachtlijst" in detail


@pytest.mark.parametrize(
    "url",
    ["/beheer/events/{pk}/registrations.csv", "/beheer/events/{pk}/registrations/"],
)
def test_members_and_visitors_cannot_see_registrations(
    member: User, client_for, client: Client, event, url: str
) -> None:
    address = url.format(pk=event.pk)

    as_member = client_for(member).get(address)
    as_visitor = client.get(address)

    assert as_member.status_code in (302, 403)
    assert as_visitor.status_code == 302
    for response in (as_member, as_visitor):
        assert b"zoe@voorbeeld.nl" not in response.content
        if response.status_code == 302:
            assert "/login/" in response["Location"]


def test_editor_without_the_permission_is_refused(
    client_for, event, django_user_model
) -> None:
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="schrijver", email="schrijver@voorbeeld.nl", password="x"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))

    response = client_for(user).get(f"/beheer/events/{event.pk}/registrations.csv")

    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/beheer/"
    assert b"zoe@voorbeeld.nl" not in response.content
