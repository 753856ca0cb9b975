"""Signing up, verifying the e-mail address, logging in and resetting a password."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.accounts.roles import MEMBER

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "Sanne IJzerman",
    "email": "sanne@voorbeeld.nl",
    "password1": "buurt-en-wijk-2026",
    "password2": "buurt-en-wijk-2026",
    "consent": "on",
}


def _link_in_last_mail() -> str:
    match = re.search(r"http://testserver(/\S+)", str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_signup_stores_consent_creates_a_private_profile_and_sends_verification(
    client: Client,
) -> None:
    response = client.post("/account/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="sanne@voorbeeld.nl")
    profile = Profile.objects.get(user=user)
    assert profile.name == "Sanne IJzerman"
    assert profile.is_public is False
    consent = Consent.objects.get(user=user)
    assert "privacyverklaring" in consent.text
    assert consent.given_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sanne@voorbeeld.nl"]
    assert not user.groups.filter(name=MEMBER).exists()


def test_signup_without_consent_is_refused_and_stores_nothing(client: Client) -> None:
    response = client.post("/account/signup/", {**SIGNUP, "consent": ""})

    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not User.objects.filter(email="sanne@voorbeeld.nl").exists()
    assert Consent.objects.count() == 0


def test_confirming_the_email_makes_the_person_a_member(client: Client) -> None:
    client.post("/account/signup/", SIGNUP)
    confirm_path = _link_in_last_mail()

    response = client.post(confirm_path)

    assert response.status_code == 302
    user = User.objects.get(email="sanne@voorbeeld.nl")
    assert EmailAddress.objects.get(user=user).verified
    assert user.groups.filter(name=MEMBER).exists()


def test_unverified_person_cannot_log_in_yet(client: Client) -> None:
    client.post("/account/signup/", SIGNUP)
    fresh = Client()

    response = fresh.post(
        "/account/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]}
    )

    assert response.status_code == 302
    assert "/account/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in fresh.session


def test_member_logs_in_with_email_address(member: User, password: str) -> None:
    client = Client()
    response = client.post(
        "/account/login/", {"login": "ANOUK@voorbeeld.nl", "password": password}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_wrong_password_gives_a_dutch_message(member: User) -> None:
    response = Client().post(
        "/account/login/", {"login": member.email, "password": "niet-goed"}
    )
    assert response.status_code == 200
    assert "niet correct" in response.content.decode()


def test_password_reset_mails_a_link_that_sets_a_new_password(member: User) -> None:
    client = Client()
    client.post("/account/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1
    reset_path = _link_in_last_mail()

    form_page = client.get(reset_path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path,
        {"password1": "nieuw-wachtwoord-2026", "password2": "nieuw-wachtwoord-2026"},
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("nieuw-wachtwoord-2026")


def test_password_reset_for_unknown_address_reveals_nothing(client: Client) -> None:
    response = client.post(
        "/account/password/reset/", {"email": "niemand@voorbeeld.nl"}
    )
    assert response.status_code == 302
