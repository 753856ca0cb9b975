"""The reminder the day before, sent by the worker, once per person."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from buurtwijs.events.models import Registration
from buurtwijs.events.services import cancel_token, registration_cancel
from buurtwijs.events.services import registration_create as create
from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def reminders(mailoutbox) -> list:  # noqa: ANN001
    return [mail for mail in mailoutbox if mail.subject.startswith("Herinnering")]


def the_day_before_comes() -> None:
    """What the clock does: the deferred reminder tasks become due."""
    DBTaskResult.objects.filter(task_path__endswith="registration_remind_task").update(
        run_after=timezone.now() - timedelta(seconds=1)
    )


def test_reminder_is_sent_the_day_before_and_only_once(tasks, mailoutbox) -> None:
    event = make_event(
        title="Werkplaats", starts_at=timezone.now() + timedelta(hours=30)
    )
    create(event=event, name="Fatima", email="fatima@voorbeeld.nl", language="en")

    tasks.run()
    assert reminders(mailoutbox) == []  # the confirmation only, in English
    assert mailoutbox[0].subject == "You are registered: Werkplaats"
    queued = DBTaskResult.objects.get(task_path__endswith="registration_remind_task")
    assert queued.run_after == event.starts_at - timedelta(days=1)

    the_day_before_comes()
    tasks.run()
    call_command("send_event_reminders")

    [mail] = [m for m in mailoutbox if m.subject == "Reminder: Werkplaats"]
    assert mail.to == ["fatima@voorbeeld.nl"]
    assert "/evenementen/afmelden/" in mail.body
    assert Registration.objects.get().reminded_at is not None


def test_cancelled_registration_gets_no_reminder(tasks, mailoutbox) -> None:
    event = make_event(starts_at=timezone.now() + timedelta(hours=30))
    registration = create(
        event=event, name="Fatima", email="fatima@voorbeeld.nl", language="nl"
    ).registration
    registration_cancel(token=cancel_token(registration))
    tasks.run()

    the_day_before_comes()
    tasks.run()

    assert reminders(mailoutbox) == []


def test_promoted_person_gets_a_reminder_too(tasks, mailoutbox) -> None:
    event = make_event(starts_at=timezone.now() + timedelta(hours=30), capacity=1)
    first = create(
        event=event, name="Eerste", email="eerste@voorbeeld.nl", language="nl"
    ).registration
    create(event=event, name="Tweede", email="tweede@voorbeeld.nl", language="nl")
    registration_cancel(token=cancel_token(first))
    tasks.run()  # the mails, and the reminders queued for later

    the_day_before_comes()
    tasks.run()

    assert [mail.to for mail in reminders(mailoutbox)] == [["tweede@voorbeeld.nl"]]


def test_command_sends_due_reminders_once(mailoutbox) -> None:
    soon = make_event(starts_at=timezone.now() + timedelta(hours=20))
    later = make_event(starts_at=timezone.now() + timedelta(days=5))
    # Registered more than a day ahead, but the event moved closer since.
    create(event=later, name="A", email="a@voorbeeld.nl", language="nl")
    later.starts_at = timezone.now() + timedelta(hours=10)
    later.save(update_fields=["starts_at"])
    Registration.objects.create(event=soon, name="B", email="b@voorbeeld.nl", nonce="n")

    call_command("send_event_reminders")
    call_command("send_event_reminders")

    assert sorted(m.to[0] for m in reminders(mailoutbox)) == [
        "a@voorbeeld.nl",
        "b@voorbeeld.nl",
    ]


def test_reminder_waits_when_the_event_moved_to_a_later_date(tasks, mailoutbox) -> None:
    event = make_event(starts_at=timezone.now() + timedelta(hours=30))
    create(event=event, name="Fatima", email="fatima@voorbeeld.nl", language="nl")
    tasks.run()
    event.starts_at = timezone.now() + timedelta(days=5)
    event.save(update_fields=["starts_at"])

    the_day_before_comes()
    tasks.run()
    tasks.run()  # queues what the task left for after its commit

    assert reminders(mailoutbox) == []
    waiting = DBTaskResult.objects.get(
        task_path__endswith="registration_remind_task", status=TaskResultStatus.READY
    )
    assert waiting.run_after == event.starts_at - timedelta(days=1)
