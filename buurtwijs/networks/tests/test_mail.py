"""Mail from learning networks: each post, the daily and the weekly digest."""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.calls.services import learning_question_create
from buurtwijs.core.models import Theme
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.knowledge.tests.documents_support import published_document
from buurtwijs.networks import services
from buurtwijs.networks.models import DigestSent, LearningNetwork
from buurtwijs.networks.services_mail import (
    digest_daily_send,
    digest_weekly_send,
    weekly_period,
)
from buurtwijs.networks.tests.factories import backdate, join, make_person


@pytest.fixture
def circle(network: LearningNetwork) -> dict[str, User]:
    """Four members of the network, one for each way of hearing of posts."""
    people = {
        "each": make_person("Eva Elk", language="nl"),
        "each_en": make_person("Emma English", language="en"),
        "daily": make_person("Daan Dagelijks"),
        "none": make_person("Nina Niets"),
    }
    for key, person in people.items():
        join(network, person, notify=key.removesuffix("_en"))
    return people


def recipients(messages: list[mail.EmailMessage]) -> set[str]:
    return {address for message in messages for address in message.to}


def test_each_member_gets_a_mail_per_thread_in_their_language(
    tasks, mailoutbox, network: LearningNetwork, circle: dict[str, User]
) -> None:  # noqa: ANN001
    author = make_person("Anton Auteur")
    join(network, author, notify="each")

    services.thread_create(
        network=network,
        author=author,
        title="Modelstatuten gezocht",
        body="Wie heeft statuten met een ledenraad?",
    )
    assert mailoutbox == []  # nothing before the commit and the worker
    tasks.run()

    assert recipients(mailoutbox) == {circle["each"].email, circle["each_en"].email}
    dutch = next(m for m in mailoutbox if m.to == [circle["each"].email])
    english = next(m for m in mailoutbox if m.to == [circle["each_en"].email])
    assert dutch.subject == (
        "Nieuw gesprek in Leernetwerk buurtcoöperaties: Modelstatuten gezocht"
    )
    assert "Anton Auteur begon een gesprek in Leernetwerk buurtcoöperaties" in (
        dutch.body
    )
    assert "Wie heeft statuten met een ledenraad?" in dutch.body
    assert english.subject == (
        "New thread in Leernetwerk buurtcoöperaties: Modelstatuten gezocht"
    )
    for message in mailoutbox:
        assert f"{settings.SITE_URL}/leernetwerken/instellingen/" in message.body
        assert author.email not in message.body


def test_reply_mails_each_member_but_not_the_one_who_replied(
    tasks, mailoutbox, network: LearningNetwork, circle: dict[str, User]
) -> None:  # noqa: ANN001
    thread = services.thread_create(
        network=network, author=circle["none"], title="Buurtbudget", body="Hoe?"
    )
    tasks.run()
    mailoutbox.clear()

    services.reply_create(
        thread=thread, author=circle["each"], body="Met een stembus <b>langs</b>."
    )
    tasks.run()

    assert recipients(mailoutbox) == {circle["each_en"].email}
    message = mailoutbox[0]
    assert message.subject == "New reply in Leernetwerk buurtcoöperaties: Buurtbudget"
    assert "Met een stembus <b>langs</b>." in message.body  # plain text, as written
    assert message.alternatives == []


def test_daily_digest_sends_yesterday_once_to_daily_members(
    network: LearningNetwork, circle: dict[str, User], mailoutbox
) -> None:  # noqa: ANN001
    writer = make_person("Wim Schrijver")
    join(network, writer, notify="none")
    old = services.thread_create(
        network=network, author=writer, title="Oud gesprek", body="Van lang geleden"
    )
    backdate(old, days=3)
    thread = services.thread_create(
        network=network, author=writer, title="Buurtbudget", body="Hoe beslissen?"
    )
    backdate(thread, days=1)
    reply = services.reply_create(thread=thread, author=circle["daily"], body="Zo!")
    backdate(reply, days=1)
    other = services.reply_create(thread=thread, author=writer, body="Dank je wel")
    backdate(other, days=1)
    mailoutbox.clear()

    today = timezone.localdate()
    assert digest_daily_send(today=today) == 1
    assert digest_daily_send(today=today) == 0  # a second run sends nothing

    assert recipients(mailoutbox) == {circle["daily"].email}
    body = mailoutbox[0].body
    assert mailoutbox[0].subject == "Wat er gisteren nieuw was in je leernetwerken"
    assert "Leernetwerk buurtcoöperaties" in body
    assert "Nieuw gesprek van Wim Schrijver: Buurtbudget" in body
    assert "Wim Schrijver reageerde op ‘Buurtbudget’" in body
    assert "Zo!" not in body  # one's own reply is not news
    assert "Oud gesprek" not in body
    assert "/leernetwerken/instellingen/" in body
    assert DigestSent.objects.filter(kind="daily").count() == 1


def test_send_digests_command_hands_the_digest_to_the_worker_once(
    tasks, mailoutbox, network: LearningNetwork, circle: dict[str, User]
) -> None:  # noqa: ANN001
    writer = make_person("Wim Schrijver")
    join(network, writer, notify="none")
    thread = services.thread_create(
        network=network, author=writer, title="Buurtbudget", body="Hoe beslissen?"
    )
    backdate(thread, days=1)
    tasks.run()
    mailoutbox.clear()

    for _ in range(2):
        call_command("send_digests", "--daily", stdout=StringIO())
        tasks.run()
    out = StringIO()
    call_command("send_digests", "--daily", "--now", stdout=out)

    assert recipients(mailoutbox) == {circle["daily"].email}
    assert len(mailoutbox) == 1
    assert "0 mails sent" in out.getvalue()


def test_send_digests_refuses_a_bad_date(db: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="is not a date"):
        call_command("send_digests", "--weekly", "--date", "gisteren")


def _last_week(when: datetime.date) -> datetime.datetime:
    """Noon on the Wednesday of the week the weekly digest sent `when` covers."""
    wednesday = weekly_period(when) + datetime.timedelta(days=2)
    return timezone.make_aware(datetime.datetime.combine(wednesday, datetime.time(12)))


def test_weekly_digest_holds_what_is_new_in_the_members_themes(
    network: LearningNetwork, member: User, mailoutbox
) -> None:  # noqa: ANN001
    # given: the member's profile has "Armoede en schulden", the network
    # "Organiseren en financieren" and "Participatie en samenwerking"
    member.profile.themes.set(Theme.objects.filter(slug="armoede-en-schulden"))
    join(network, member, notify="none")
    today = timezone.localdate()
    moment = _last_week(today)

    def theme(slug: str) -> list[Theme]:
        return list(Theme.objects.filter(slug=slug))

    asker = make_person("Vera Vraagsteller")
    mine = learning_question_create(
        author=asker,
        text="Hoe bereik je mensen met schulden die zich schamen?",
        themes=theme("armoede-en-schulden"),
    )
    not_mine = learning_question_create(
        author=asker,
        text="Hoe vergroenen we het schoolplein?",
        themes=theme("duurzaamheid-en-energie"),
    )
    hidden = learning_question_create(
        author=asker,
        text="Verborgen vraag over schulden",
        themes=theme("armoede-en-schulden"),
    )
    LearningQuestion.objects.filter(pk=hidden.pk).update(status="hidden")
    too_old = learning_question_create(
        author=asker,
        text="Oude vraag over schulden",
        themes=theme("armoede-en-schulden"),
    )
    LearningQuestion.objects.filter(pk__in=[mine.pk, not_mine.pk, hidden.pk]).update(
        created_at=moment
    )
    LearningQuestion.objects.filter(pk=too_old.pk).update(
        created_at=moment - datetime.timedelta(days=14)
    )
    case = make_case(
        "Buurtcoöperatie met eigen buurtbudget", themes=["organiseren-en-financieren"]
    )
    type(case).objects.filter(pk=case.pk).update(first_published_at=moment)
    members_only = published_document(
        title="Begroting buurtcoöperatie",
        visibility="members",
        themes=["participatie-en-samenwerking"],
        published_at=moment,
    )
    published_document(
        title="Handreiking zonnepanelen",
        themes=["duurzaamheid-en-energie"],
        published_at=moment,
    )
    pending = published_document(
        title="Nog te beoordelen stuk",
        themes=["armoede-en-schulden"],
        published_at=moment,
    )
    Document.objects.filter(pk=pending.pk).update(status=Document.Status.PENDING)

    assert digest_weekly_send(today=today) == 1
    assert digest_weekly_send(today=today) == 0

    assert recipients(mailoutbox) == {member.email}
    body = mailoutbox[0].body
    assert mailoutbox[0].subject == "Nieuw in je thema's deze week"
    assert "Hoe bereik je mensen met schulden die zich schamen?" in body
    assert "Buurtcoöperatie met eigen buurtbudget" in body
    assert members_only.title in body
    for absent in (
        "schoolplein",
        "Verborgen vraag",
        "Oude vraag",
        "zonnepanelen",
        "Nog te beoordelen",
    ):
        assert absent not in body
    assert "Armoede en schulden" in body
    assert "/leernetwerken/instellingen/" in body
    assert asker.email not in body


def test_weekly_digest_skips_those_who_said_no_and_non_members_see_no_members_only(
    network: LearningNetwork,
    mailoutbox,  # noqa: ANN001
) -> None:
    declined = make_person("Nee Dank Je")
    join(network, declined)
    services.mail_preference_set(user=declined, weekly_digest=False)
    former = make_person("Oud Lid")
    join(network, former)
    former.groups.clear()  # no longer a member of Buurtwijs
    published_document(
        title="Begroting voor leden",
        visibility="members",
        themes=["organiseren-en-financieren"],
        published_at=_last_week(timezone.localdate()),
    )

    assert digest_weekly_send(today=timezone.localdate()) == 0
    assert mailoutbox == []
