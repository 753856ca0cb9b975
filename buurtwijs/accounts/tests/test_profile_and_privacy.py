"""A person's own profile, the data export and deleting an account."""

import json

import pytest
from django.test import Client

from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.core.models import Municipality, Theme

pytestmark = pytest.mark.django_db


def test_visitor_is_sent_to_login_for_profile_export_and_delete(
    visitor: Client,
) -> None:
    for path in (
        "/mijn-profiel/",
        "/mijn-profiel/gegevens.json",
        "/mijn-profiel/verwijderen/",
    ):
        response = visitor.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


def test_member_edits_own_profile_and_chooses_what_is_public(
    member: User, client_for
) -> None:  # noqa: ANN001
    client = client_for(member)
    tilburg = Municipality.objects.get(code="GM0855")
    themes = Theme.objects.filter(slug__in=["wonen", "ouder-worden"])

    response = client.post(
        "/mijn-profiel/",
        {
            "name": "Anouk Jansen",
            "organisation": "Wijkcentrum De Boomtak",
            "municipality": tilburg.pk,
            "kind": "professional",
            "expertise": "o.a. bezig met langer thuis wonen en buurtzorg",
            "themes": [t.pk for t in themes],
            "is_public": "on",
            "show_organisation": "on",
            "show_expertise": "on",
        },
    )

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.is_public
    assert profile.municipality == tilburg
    assert set(profile.themes.values_list("slug", flat=True)) == {
        "wonen",
        "ouder-worden",
    }
    assert profile.show_municipality is False
    assert profile.show_organisation is True


def test_profile_form_lists_municipalities_in_dutch_order(
    member: User, client_for
) -> None:  # noqa: ANN001
    html = client_for(member).get("/mijn-profiel/").content.decode()
    assert (
        html.index(">Heerlen<")
        < html.index(">&#x27;s-Hertogenbosch<")
        < html.index(">Houten<")
    )


def test_export_contains_own_data_and_nothing_of_others(
    member: User,
    other_member: User,
    client_for,  # noqa: ANN001
) -> None:
    response = client_for(member).get("/mijn-profiel/gegevens.json")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"][0]["email"] == member.email
    assert data["profile"][0]["name"] == "Anouk Jansen"
    assert "member" in data["account"][0]["roles"]
    assert other_member.email not in response.content.decode()


def test_delete_with_wrong_password_keeps_the_account(member: User, client_for) -> None:  # noqa: ANN001
    response = client_for(member).post(
        "/mijn-profiel/verwijderen/", {"password": "fout"}
    )
    assert response.status_code == 200
    assert "niet juist" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_delete_with_password_removes_account_profile_and_consents(
    member: User,
    password: str,
    client_for,  # noqa: ANN001
) -> None:
    Consent.objects.create(user=member, purpose="privacy_statement", text="akkoord")
    client = client_for(member)

    response = client.post("/mijn-profiel/verwijderen/", {"password": password})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not Profile.objects.filter(name="Anouk Jansen").exists()
    assert not Consent.objects.filter(user_id=member.pk).exists()
    assert client.get("/mijn-profiel/").status_code == 302
