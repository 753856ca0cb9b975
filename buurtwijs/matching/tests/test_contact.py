"""Contact without exposure: relayed by e-mail, limited, sanitised, no addresses."""

import time
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.accounts.tests.factories import UserFactory
from buurtwijs.core.antispam import form_started_token
from buurtwijs.matching.models import ContactRequest
from buurtwijs.matching.services import (
    RECIPIENT_PER_DAY,
    SENDER_PER_HOUR,
)
from buurtwijs.matching.tests.support import public_person

pytestmark = pytest.mark.django_db

FOOD = "Coördinator van de voedselbank in de wijk"
BODY = "Hoi Sanne, wij willen een voedselbank starten. Mag ik je iets vragen?"


def _form(**values: Any) -> dict[str, Any]:
    return {
        "sender_name": "Karel Appel",
        "sender_email": "karel@voorbeeld.nl",
        "body": BODY,
        "website_url": "",
        "started": form_started_token(time.time() - 30),
        **values,
    }


@pytest.fixture
def sanne(db: None) -> Any:
    return public_person("Sanne de Boer", FOOD, email="sanne@voorbeeld.nl")


def test_a_visitor_message_is_relayed_with_reply_to_only(
    client: Client, sanne: Any, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    page = client.get("/wie-weet-wat/contact/sanne-de-boer/")
    assert "sanne@voorbeeld.nl" not in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/wie-weet-wat/contact/sanne-de-boer/?next=/wie-weet-wat/%3Fq%3Dvoedselbank",
            _form(),
        )

    assert response.status_code == 302
    assert response["Location"] == "/wie-weet-wat/?q=voedselbank"
    (message,) = mailoutbox
    assert message.to == ["sanne@voorbeeld.nl"]
    assert message.reply_to == ["karel@voorbeeld.nl"]
    assert "Karel Appel" in message.subject
    assert BODY in message.body
    assert "Beantwoord deze e-mail" in message.body
    after = client.get(response["Location"]).content.decode()
    assert "Je bericht is per e-mail naar Sanne de Boer gestuurd" in after
    assert "sanne@voorbeeld.nl" not in after and "karel@voorbeeld.nl" not in after


def test_a_member_writes_as_themselves_in_the_recipients_language(
    client_for, member: User, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    recipient = UserFactory.create(
        email="lee@example.org", username="lee", language="en"
    )
    public_person("Lee Chan", FOOD, user=recipient)
    client = client_for(member)
    form = client.get("/wie-weet-wat/contact/lee-chan/").content.decode()
    assert 'name="sender_email"' not in form

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/wie-weet-wat/contact/lee-chan/", {"body": BODY, **_form()})

    (message,) = mailoutbox
    assert message.to == ["lee@example.org"]
    assert message.reply_to == [member.email]
    assert "A question for you via Buurtwijs" in message.subject
    assert "Reply to this e-mail to answer" in message.body
    assert ContactRequest.objects.get().sender == member


@pytest.mark.parametrize(
    ("fields",),
    [
        ({"is_public": False},),
        ({"allow_suggestions": False},),
        ({"email": ""},),
    ],
)
def test_people_who_cannot_be_contacted_have_no_contact_page(
    client: Client, fields: dict[str, Any]
) -> None:
    values = {"email": "iemand@voorbeeld.nl", **fields}
    public_person("Iemand Anders", FOOD, **values)

    assert client.get("/wie-weet-wat/contact/iemand-anders/").status_code == 404
    assert (
        client.post("/wie-weet-wat/contact/iemand-anders/", _form()).status_code == 404
    )


def test_markup_and_control_characters_are_removed(
    client: Client, sanne: Any, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    body = (
        "<b>Hallo</b> <script>alert(1)</script>Sanne,\x07\u202e ik heb een vraag "
        "over de voedselbank."
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/wie-weet-wat/contact/sanne-de-boer/", _form(body=body))

    stored = ContactRequest.objects.get().body
    assert "<" not in stored and "\x07" not in stored and "\u202e" not in stored
    assert stored.startswith("Hallo alert(1)Sanne,")
    assert stored in mailoutbox[0].body


def test_a_link_stuffed_message_is_refused_with_a_reason(
    client: Client, sanne: Any, mailoutbox: list
) -> None:
    body = "Koop nu https://a.example https://b.example https://c.example goedkoop"

    response = client.post("/wie-weet-wat/contact/sanne-de-boer/", _form(body=body))

    assert response.status_code == 400
    assert "te veel links" in response.content.decode()
    assert not ContactRequest.objects.exists()
    assert mailoutbox == []


def test_the_bot_trap_refuses_a_filled_honeypot(client: Client, sanne: Any) -> None:
    response = client.post(
        "/wie-weet-wat/contact/sanne-de-boer/", _form(website_url="http://spam")
    )

    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


def test_sending_the_same_message_twice_relays_it_once(
    client: Client, sanne: Any, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/wie-weet-wat/contact/sanne-de-boer/", _form())
        client.post("/wie-weet-wat/contact/sanne-de-boer/", _form())

    assert ContactRequest.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_sender_is_limited_per_hour(client: Client, mailoutbox: list) -> None:
    for number in range(SENDER_PER_HOUR + 1):
        public_person(f"Persoon {number}", FOOD, email=f"p{number}@voorbeeld.nl")

    statuses = [
        client.post(
            f"/wie-weet-wat/contact/persoon-{number}/",
            _form(body=f"{BODY} Vraag nummer {number}."),
        ).status_code
        for number in range(SENDER_PER_HOUR + 1)
    ]

    assert statuses == [302] * SENDER_PER_HOUR + [429]
    assert ContactRequest.objects.count() == SENDER_PER_HOUR


def test_a_recipient_gets_a_limited_number_a_day(sanne: Any) -> None:
    for number in range(RECIPIENT_PER_DAY + 1):
        sender = Client(REMOTE_ADDR=f"10.0.0.{number}")
        response = sender.post(
            "/wie-weet-wat/contact/sanne-de-boer/",
            _form(sender_email=f"s{number}@voorbeeld.nl"),
        )

    assert response.status_code == 429
    assert "veel berichten" in response.content.decode()
    assert ContactRequest.objects.count() == RECIPIENT_PER_DAY


def test_a_too_short_message_gets_a_clear_error(client: Client, sanne: Any) -> None:
    response = client.post("/wie-weet-wat/contact/sanne-de-boer/", _form(body="Hoi"))

    assert response.status_code == 400
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []
