"""Mails are written in the recipient's language and always have a text part."""

import pytest
from django.core import mail

from buurtwijs.accounts.models import User
from buurtwijs.core.mail import build_mail, mail_language
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.services import initiative_moderate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject", "sentence"),
    [
        ("nl", "Je initiatief Buurtcoöperatie Oog in Al", "Goed nieuws"),
        ("en", "Your initiative Buurtcoöperatie Oog in Al", "Good news"),
    ],
)
def test_a_mail_follows_the_recipients_language(
    owner: User,
    owned_initiative: Initiative,
    language: str,
    subject: str,
    sentence: str,
    django_capture_on_commit_callbacks,
) -> None:
    owner.language = language
    owner.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        initiative_moderate(initiative=owned_initiative, approve=True)
    [message] = mail.outbox
    assert message.subject == subject
    assert message.to == [owner.email]
    assert message.body.startswith(sentence)
    assert owned_initiative.get_absolute_url() in message.body


def test_text_part_always_and_unknown_languages_fall_back_to_dutch() -> None:
    message = build_mail(
        to=["iemand@voorbeeld.nl"],
        subject="Twee\nregels",
        template="directory/mail/initiative_rejected",
        context={"initiative": Initiative(name="Moestuin", slug="moestuin")},
        language="fr",
    )
    assert message.subject == "Twee regels"
    assert message.body.strip()
    assert message.content_subtype == "plain"
    assert mail_language("en-gb") == "en"
    assert mail_language(None) == "nl"
