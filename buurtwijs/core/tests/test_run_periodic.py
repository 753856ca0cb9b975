"""manage.py run_periodic: one timer does every periodic job, each once per period."""

from datetime import timedelta
from importlib import import_module
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone

from buurtwijs.calls.models import Answer, Response
from buurtwijs.calls.tests.factories import make_call, response_data
from buurtwijs.events.models import Registration
from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db

run_periodic = import_module("buurtwijs.core.management.commands.run_periodic")


def _run(*args: str) -> str:
    out = StringIO()
    call_command("run_periodic", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_one_run_does_every_job_and_a_second_run_repeats_nothing(
    visitor: Client, mailoutbox: list
) -> None:
    # given: a registration for an event tomorrow morning without its reminder,
    event = make_event(title="Buurtlab", starts_at=timezone.now() + timedelta(hours=20))
    Registration.objects.create(
        event=event, name="Sanne", email="sanne@voorbeeld.nl", nonce="n"
    )
    # a call response kept past its retention date,
    call = make_call()
    assert visitor.post(call.get_absolute_url(), response_data(call)).status_code == 302
    Response.objects.update(retain_until=timezone.localdate() - timedelta(days=1))
    # and a session that expired last week
    old = SessionStore()
    old["seen"] = True
    old.create()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - timedelta(days=7)
    )

    out = _run()

    for job in run_periodic.JOBS:
        assert f"[{job.name}] done" in out
    assert f"{len(run_periodic.JOBS)} periodic job(s) done." in out
    reminders = [mail for mail in mailoutbox if mail.subject == "Herinnering: Buurtlab"]
    assert [mail.to for mail in reminders] == [["sanne@voorbeeld.nl"]]
    texts = Answer.objects.filter(kind="text").values_list("text", flat=True)
    assert set(texts) == {""}
    assert not Session.objects.filter(session_key=old.session_key).exists()

    sent = len(mailoutbox)
    _run()
    assert len(mailoutbox) == sent  # no second reminder, no second digest


def test_only_and_skip_choose_jobs(mailoutbox: list) -> None:
    out = _run("--only", "sessions", "--only", "comments")
    assert "[sessions] done" in out and "[comments] done" in out
    assert "[reminders]" not in out
    assert "2 periodic job(s) done." in out

    out = _run("--skip", "knowledge-gaps")
    assert "[knowledge-gaps]" not in out
    assert f"{len(run_periodic.JOBS) - 1} periodic job(s) done." in out


def test_list_names_the_jobs() -> None:
    out = _run("--list")
    assert [line.split()[0] for line in out.splitlines()] == [
        job.name for job in run_periodic.JOBS
    ]


def test_a_failing_job_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = run_periodic.Job("broken", "no_such_command", (), "fails")
    monkeypatch.setattr(
        run_periodic, "JOBS", (broken, *run_periodic.JOBS[-3:-1])
    )  # broken first, then sessions and task-results
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="1 job\\(s\\) failed: broken"):
        call_command("run_periodic", stdout=out, stderr=err)

    assert "[broken] failed: CommandError: Unknown command" in err.getvalue()
    assert "[sessions] done" in out.getvalue()
    assert "[task-results] done" in out.getvalue()
