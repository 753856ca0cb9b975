"""Subscribing with double opt-in, confirming, unsubscribing with one click."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client

from buurtwijs.core.models import Theme
from buurtwijs.newsletter import services
from buurtwijs.newsletter.models import Subscriber
from buurtwijs.newsletter.tests.support import form_data, make_subscriber

pytestmark = pytest.mark.django_db


def _link(message: mail.EmailMessage, word: str) -> str:
    found = re.search(rf"/nieuwsbrief/{word}/[^/\s]+/", str(message.body))
    assert found, message.body
    return found.group(0)


def test_subscribing_sends_a_confirmation_link_and_stores_the_request(
    client: Client, mailoutbox: list
) -> None:
    theme = Theme.objects.first()
    assert theme is not None

    response = client.post(
        "/nieuwsbrief/",
        form_data(" Lotte@Voorbeeld.NL ", themes=[theme.pk]),
        follow=True,
    )

    assert response.redirect_chain == [("/nieuwsbrief/controleer-je-mail/", 302)]
    assert "Kijk in je mailbox" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "lotte@voorbeeld.nl"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "nl"
    assert subscriber.requested_at is not None
    assert subscriber.confirmed_at is None
    assert subscriber.consent_text.startswith("Ik wil de nieuwsbrief van Buurtwijs")
    assert list(subscriber.themes.all()) == [theme]
    [message] = mailoutbox
    assert message.to == ["lotte@voorbeeld.nl"]
    assert message.subject == "Bevestig je aanmelding voor de nieuwsbrief van Buurtwijs"
    assert message.alternatives[0][1] == "text/html"
    assert "/nieuwsbrief/bevestigen/" in message.body


def test_confirming_asks_once_more_then_stores_the_consent_time(
    client: Client, mailoutbox: list
) -> None:
    client.post("/nieuwsbrief/", form_data())
    link = _link(mailoutbox[0], "bevestigen")

    page = client.get(link)
    assert page.status_code == 200
    assert "Ja, stuur mij de nieuwsbrief" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    done = client.post(link)
    assert "Je aanmelding is bevestigd" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.confirmed_at >= subscriber.requested_at

    again = client.post(link)
    assert "al bevestigd" in again.content.decode()


def test_an_invalid_address_is_refused_with_a_clear_message(
    client: Client, mailoutbox: list
) -> None:
    response = client.post("/nieuwsbrief/", form_data("lotte@@voorbeeld"))

    assert response.status_code == 400
    assert "geen geldig e-mailadres" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_consent_is_required(client: Client) -> None:
    data = form_data()
    del data["consent"]
    response = client.post("/nieuwsbrief/", data)
    assert response.status_code == 400
    assert "Vink het vakje aan" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_subscribing_again_keeps_one_row_and_tells_a_stranger_nothing(
    client: Client, mailoutbox: list
) -> None:
    # a new address, then the same one in other capitals, then a confirmed one
    first = client.post("/nieuwsbrief/", form_data(), follow=True)
    Subscriber.objects.update(confirmation_sent_at=None)
    second = client.post("/nieuwsbrief/", form_data("LOTTE@voorbeeld.nl"), follow=True)
    make_subscriber("kees@voorbeeld.nl")
    third = client.post("/nieuwsbrief/", form_data("kees@voorbeeld.nl"), follow=True)

    pages = [r.content.decode() for r in (first, second, third)]
    assert all("Kijk in je mailbox" in page for page in pages)
    assert all(r.redirect_chain == first.redirect_chain for r in (second, third))
    assert Subscriber.objects.filter(email="lotte@voorbeeld.nl").count() == 1
    assert Subscriber.objects.count() == 2
    # the owners find out by mail: a new link for the waiting one, a notice for kees
    assert [m.to for m in mailoutbox] == [
        ["lotte@voorbeeld.nl"],
        ["lotte@voorbeeld.nl"],
        ["kees@voorbeeld.nl"],
    ]
    assert "/bevestigen/" in mailoutbox[1].body
    assert (
        mailoutbox[2].subject
        == "Je bent al aangemeld voor de nieuwsbrief van Buurtwijs"
    )
    assert "/nieuwsbrief/afmelden/" in mailoutbox[2].body
    # kees's confirmed subscription was not changed by the stranger's request
    assert Subscriber.objects.get(email="kees@voorbeeld.nl").name == "Kees"


def test_a_newer_request_replaces_the_older_link(
    client: Client, mailoutbox: list
) -> None:
    client.post("/nieuwsbrief/", form_data())
    old = _link(mailoutbox[0], "bevestigen")
    Subscriber.objects.update(confirmation_sent_at=None)
    client.post("/nieuwsbrief/", form_data())
    new = _link(mailoutbox[1], "bevestigen")

    assert client.post(old).status_code == 404
    assert client.post(new).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_one_mail_per_address_in_a_few_minutes(
    client: Client, mailoutbox: list
) -> None:
    for _attempt in range(3):
        client.post("/nieuwsbrief/", form_data())
    assert len(mailoutbox) == 1


def test_a_forged_confirmation_link_gets_a_clear_message(client: Client) -> None:
    make_subscriber("lotte@voorbeeld.nl", status=Subscriber.Status.PENDING)
    forged = signing.dumps({"s": 1, "r": 0}, salt="iets-anders")

    for link in (f"/nieuwsbrief/bevestigen/{forged}/", "/nieuwsbrief/bevestigen/x/"):
        response = client.post(link)
        assert response.status_code == 404
        assert "Deze bevestigingslink is niet geldig" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_expired_confirmation_link_says_so(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    subscriber = make_subscriber("lotte@voorbeeld.nl", status=Subscriber.Status.PENDING)
    eight_days_ago = time.time() - timedelta(days=8).total_seconds()
    monkeypatch.setattr(time, "time", lambda: eight_days_ago)
    token = services.confirmation_token(subscriber)
    monkeypatch.undo()

    response = client.get(f"/nieuwsbrief/bevestigen/{token}/")

    assert response.status_code == 410
    assert "Deze bevestigingslink is verlopen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_unsubscribing_asks_first_and_says_so_when_used_twice(client: Client) -> None:
    subscriber = make_subscriber("lotte@voorbeeld.nl")
    link = f"/nieuwsbrief/afmelden/{subscriber.token}/"

    ask = client.get(link)
    assert ask.status_code == 200
    assert "Wil je de nieuwsbrief van Buurtwijs niet meer ontvangen?" in (
        ask.content.decode()
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    done = client.post(link)
    assert "Je bent afgemeld" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None

    for again in (client.post(link), client.get(link)):
        assert again.status_code == 200
        assert "Je was al afgemeld" in again.content.decode()
    assert Subscriber.objects.count() == 1


def test_mail_programs_unsubscribe_with_one_post_without_a_form(
    mailoutbox: list,
) -> None:
    subscriber = make_subscriber("lotte@voorbeeld.nl")
    mail_program = Client(enforce_csrf_checks=True)

    response = mail_program.post(
        f"/nieuwsbrief/afmelden/{subscriber.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_an_unknown_unsubscribe_link_is_not_found(client: Client) -> None:
    response = client.post("/nieuwsbrief/afmelden/verzonnen/")
    assert response.status_code == 404
    assert "Deze afmeldlink is niet geldig" in response.content.decode()


def test_confirming_after_unsubscribing_needs_a_new_request(
    client: Client, mailoutbox: list
) -> None:
    client.post("/nieuwsbrief/", form_data())
    link = _link(mailoutbox[0], "bevestigen")
    client.post(link)
    subscriber = Subscriber.objects.get()
    services.subscriber_unsubscribe(token=subscriber.token)

    assert client.post(link).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_an_english_visitor_gets_english_mail(client: Client, mailoutbox: list) -> None:
    client.post("/taal/", {"language": "en", "next": "/nieuwsbrief/"})

    page = client.get("/nieuwsbrief/")
    assert "Subscribe to the newsletter" in page.content.decode()
    client.post("/nieuwsbrief/", form_data())

    assert Subscriber.objects.get().language == "en"
    [message] = mailoutbox
    assert message.subject == "Confirm your subscription to the Buurtwijs newsletter"
    assert "Someone, hopefully you" in message.body


def test_too_many_requests_from_one_connection_are_refused(
    client: Client,
    settings,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    settings.NEWSLETTER_REQUESTS_PER_HOUR = 2
    for n in range(2):
        client.post("/nieuwsbrief/", form_data(f"persoon{n}@voorbeeld.nl"))
    response = client.post("/nieuwsbrief/", form_data("persoon9@voorbeeld.nl"))

    assert response.status_code == 429
    assert "probeer het later" in response.content.decode()
    assert Subscriber.objects.count() == 2


def test_a_mail_server_that_is_down_does_not_break_the_page(
    client: Client,
    settings,  # noqa: ANN001
) -> None:
    import socket

    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port

    response = client.post("/nieuwsbrief/", form_data(), follow=True)

    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    # stored, and free to ask again at once for a new mail
    assert subscriber.confirmation_sent_at is None
