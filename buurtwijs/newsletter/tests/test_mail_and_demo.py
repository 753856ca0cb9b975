"""The local mail sink for real over SMTP, the dev fallback, and the demo loader."""

import socket
import time
from pathlib import Path

import pytest
from django.core.mail import EmailMessage, get_connection

from buurtwijs.core.management.commands.mail_sink import start_sink
from buurtwijs.demo.newsletter import load_demo_newsletter
from buurtwijs.newsletter.models import Delivery, Issue, Subscriber


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_mail_sink_writes_each_mail_it_receives_as_an_eml_file(
    tmp_path: Path,
) -> None:
    port = free_port()
    lines: list[str] = []
    sink = start_sink("127.0.0.1", port, tmp_path, lines.append)
    try:
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend",
            host="127.0.0.1",
            port=port,
            use_tls=False,
            use_ssl=False,
            username="",
            password="",
        )
        EmailMessage(
            subject="Bevestig je aanmelding – één stap",
            body="Hallo,\n\nKlik op de link.",
            to=["lotte@voorbeeld.nl"],
            connection=connection,
        ).send()
        for _ in range(50):
            if list(tmp_path.glob("*.eml")):
                break
            time.sleep(0.05)
    finally:
        sink.stop()

    [eml] = list(tmp_path.glob("*.eml"))
    assert eml.name.endswith("-bevestig-je-aanmelding-een-stap.eml")
    content = eml.read_bytes()
    assert b"Subject: " in content
    assert b"lotte@voorbeeld.nl" in content
    assert lines == [f"Mail voor lotte@voorbeeld.nl: {eml}"]


def test_without_a_sink_dev_mail_is_written_to_files(
    tmp_path: Path,
    settings,  # noqa: ANN001
) -> None:
    settings.EMAIL_FILE_PATH = tmp_path
    connection = get_connection(
        "buurtwijs.core.mail_backends.SinkOrFileBackend",
        host="127.0.0.1",
        port=free_port(),  # nothing listens here
    )

    sent = EmailMessage(
        subject="Welkom", body="Hallo", to=["lotte@voorbeeld.nl"], connection=connection
    ).send()

    assert sent == 1
    [written] = list(tmp_path.iterdir())
    assert "Subject: Welkom" in written.read_text()


@pytest.mark.django_db
def test_the_demo_newsletter_loads_once() -> None:
    messages: list[str] = []
    added = load_demo_newsletter(messages.append)
    again = load_demo_newsletter(messages.append)

    assert added == 8
    assert again == 0
    assert Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count() == 6
    assert all(
        s.email.endswith(("@example.org", "@voorbeeld.nl"))
        for s in Subscriber.objects.all()
    )
    sent = Issue.objects.get(status=Issue.Status.SENT)
    assert sent.deliveries.filter(status=Delivery.Status.SENT).count() == 6
    assert Issue.objects.filter(status=Issue.Status.DRAFT).count() == 1
