"""Sending an issue: batches, exactly once per subscriber, resuming after a stop."""

from collections import Counter
from email import message_from_bytes
from email.policy import SMTP

import pytest
from django.core import mail
from django_tasks_db.management.commands import db_worker

from buurtwijs.accounts.models import User
from buurtwijs.core.models import Theme
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.newsletter import services
from buurtwijs.newsletter.models import Delivery, Issue, Subscriber
from buurtwijs.newsletter.selectors import issue_progress
from buurtwijs.newsletter.tests.backends import StopAfterBackend
from buurtwijs.newsletter.tests.support import make_subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(editor: User) -> Issue:
    case = make_case(
        "Buurtkamer De Linde",
        summary="Bewoners openen samen een huiskamer in de wijk.",
    )
    issue = services.issue_save(
        issue=None,
        subject="Nieuws uit het netwerk",
        intro="Beste lezer,\n\nDit leerden we deze maand.",
        subject_en="News from the network",
        intro_en="Dear reader,\n\nThis is what we learned this month.",
        themes=[],
        pages=[case],
        user=editor,
    )
    run_worker()  # Wagtail's own tasks for the new page, so the queue holds ours only
    return issue


def subscribers(count: int) -> list[Subscriber]:
    return [make_subscriber(f"lid{n:02}@voorbeeld.nl") for n in range(count)]


def run_worker(max_tasks: int | None = None) -> None:
    """One run of the real worker over the queue; a stopped run ends like a kill."""
    from django.db import connection

    while connection.run_on_commit:
        connection.run_on_commit.pop(0)[1]()
    worker = db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="background",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test",
        excluded_queue_names=[],
    )
    original = db_worker.close_old_connections
    db_worker.close_old_connections = lambda **kwargs: None
    try:
        worker.run()
    finally:
        db_worker.close_old_connections = original


def received() -> Counter[str]:
    return Counter(address for message in mail.outbox for address in message.to)


def test_an_issue_mail_has_text_html_and_one_click_unsubscribe(
    issue: Issue, mailoutbox: list
) -> None:
    subscriber = make_subscriber("lotte@voorbeeld.nl")

    services.issue_build_mail(
        issue=issue,
        to=subscriber.email,
        language="nl",
        unsubscribe=services.unsubscribe_url(subscriber),
    ).send()

    [message] = mailoutbox
    assert message.subject == "Nieuws uit het netwerk"
    url = f"http://testserver/nieuwsbrief/afmelden/{subscriber.token}/"
    assert url.split("/nieuwsbrief")[1] in message.body
    assert "Buurtkamer De Linde" in message.body
    assert "Lees meer" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "Buurtkamer De Linde" in html and "Afmelden met één klik" in html
    parsed = message_from_bytes(message.message(policy=SMTP).as_bytes())
    assert parsed["List-Unsubscribe"].startswith("<http")
    assert parsed["List-Unsubscribe"].endswith(
        f"/nieuwsbrief/afmelden/{subscriber.token}/>"
    )
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert parsed.is_multipart()


def test_each_subscriber_gets_the_issue_in_their_language(
    issue: Issue,
    editor: User,
    tasks,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    make_subscriber("lotte@voorbeeld.nl", language="nl")
    make_subscriber("maria@example.org", language="en")

    services.issue_send(issue=issue, user=editor)
    tasks.run()

    by_address = {message.to[0]: message for message in mailoutbox}
    assert by_address["lotte@voorbeeld.nl"].subject == "Nieuws uit het netwerk"
    assert "Beste lezer" in by_address["lotte@voorbeeld.nl"].body
    assert "Afmelden met één klik" in by_address["lotte@voorbeeld.nl"].body
    english = by_address["maria@example.org"]
    assert english.subject == "News from the network"
    assert "Dear reader" in english.body
    assert "Unsubscribe with one click" in english.body
    assert "Read more" in english.body


def test_sending_goes_in_batches_and_reaches_everyone_once(
    issue: Issue,
    editor: User,
    settings,
    tasks,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    settings.NEWSLETTER_BATCH_SIZE = 3
    subscribers(8)
    make_subscriber("wacht@voorbeeld.nl", status=Subscriber.Status.PENDING)
    make_subscriber("weg@voorbeeld.nl", status=Subscriber.Status.UNSUBSCRIBED)

    assert services.issue_send(issue=issue, user=editor) == 8
    run_worker(max_tasks=1)
    assert len(mailoutbox) == 3
    assert issue_progress(issue)["sent"] == 3
    run_worker()

    assert len(mailoutbox) == 8
    assert set(received().values()) == {1}
    assert "wacht@voorbeeld.nl" not in received()
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert issue.sent_at is not None
    progress = issue_progress(issue)
    assert (progress["sent"], progress["total"], progress["percent"]) == (8, 8, 100)


@pytest.mark.parametrize(("batch_size", "tasks_before_stop"), [(3, 2), (200, 1)])
def test_a_worker_stopped_half_way_resumes_without_sending_twice(
    issue: Issue,
    editor: User,
    settings,  # noqa: ANN001
    mailoutbox: list,
    batch_size: int,
    tasks_before_stop: int,
) -> None:
    # given: 10 subscribers; the worker dies right after handing over mail 5,
    # before it could record it as sent
    settings.NEWSLETTER_BATCH_SIZE = batch_size
    settings.NEWSLETTER_STALE_SECONDS = 0
    settings.EMAIL_BACKEND = "buurtwijs.newsletter.tests.backends.StopAfterBackend"
    StopAfterBackend.limit, StopAfterBackend.when = 5, "after"
    subscribers(10)
    services.issue_send(issue=issue, user=editor)

    # when: the stopped run, then the worker is started again
    run_worker(max_tasks=tasks_before_stop)
    assert len(mailoutbox) == 5
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == 1
    StopAfterBackend.limit = 10_000
    run_worker()

    # then: everyone exactly one mail; the one in flight is not sent again
    assert len(mailoutbox) == 10
    assert set(received().values()) == {1}
    assert len(received()) == 10
    progress = issue_progress(issue)
    assert progress["sent"] == 9
    assert progress["uncertain"] == 1
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_a_stop_before_handing_over_costs_that_one_subscriber_the_mail(
    issue: Issue,
    editor: User,
    settings,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    """The honest side of "at most once": the one mail in flight is not retried."""
    settings.NEWSLETTER_BATCH_SIZE = 4
    settings.NEWSLETTER_STALE_SECONDS = 0
    settings.EMAIL_BACKEND = "buurtwijs.newsletter.tests.backends.StopAfterBackend"
    StopAfterBackend.limit, StopAfterBackend.when = 2, "before"
    subscribers(6)
    services.issue_send(issue=issue, user=editor)

    run_worker(max_tasks=1)
    StopAfterBackend.limit = 10_000
    run_worker()

    assert len(mailoutbox) == 5
    assert set(received().values()) == {1}
    assert issue_progress(issue)["uncertain"] == 1


def test_someone_who_unsubscribes_while_sending_is_skipped(
    issue: Issue,
    editor: User,
    settings,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    settings.NEWSLETTER_BATCH_SIZE = 2
    everyone = subscribers(3)
    services.issue_send(issue=issue, user=editor)
    run_worker(max_tasks=1)
    assert len(mailoutbox) == 2
    [late] = [s for s in everyone if s.email not in received()]
    services.subscriber_unsubscribe(token=late.token)
    run_worker()

    assert len(mailoutbox) == 2
    assert late.email not in received()
    assert issue_progress(issue)["skipped"] == 1


def test_an_issue_for_a_theme_reaches_those_interested_and_those_who_chose_none(
    issue: Issue,
    editor: User,
    tasks,
    mailoutbox: list,  # noqa: ANN001
) -> None:
    wonen, zorg = Theme.objects.all()[:2]
    make_subscriber("wonen@voorbeeld.nl", themes=[wonen])
    make_subscriber("zorg@voorbeeld.nl", themes=[zorg])
    make_subscriber("alles@voorbeeld.nl")
    issue.themes.set([wonen])

    assert services.issue_send(issue=issue, user=editor) == 2
    tasks.run()

    assert sorted(received()) == ["alles@voorbeeld.nl", "wonen@voorbeeld.nl"]


def test_an_issue_is_sent_once_only(issue: Issue, editor: User, tasks) -> None:  # noqa: ANN001
    subscribers(2)
    services.issue_send(issue=issue, user=editor)
    with pytest.raises(services.ValidationError):
        services.issue_send(issue=issue, user=editor)
    assert Delivery.objects.count() == 2


def test_sending_without_subscribers_is_refused(issue: Issue, editor: User) -> None:
    with pytest.raises(services.ValidationError, match="geen bevestigde"):
        services.issue_send(issue=issue, user=editor)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
