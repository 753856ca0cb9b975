"""Responses past their retention lose their open answers; the counts stay."""

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from buurtwijs.calls.models import Answer, LearningQuestion, Response
from buurtwijs.calls.tasks import responses_anonymise_task
from buurtwijs.calls.tests.factories import TEXT_ANSWERS, make_call, response_data

pytestmark = pytest.mark.django_db


def _respond(visitor: Client, times: int) -> list[Response]:
    call = make_call()
    for _ in range(times):
        result = visitor.post(call.get_absolute_url(), response_data(call))
        assert result.status_code == 302
    return list(Response.objects.order_by("pk"))


def _expire(response: Response) -> None:
    Response.objects.filter(pk=response.pk).update(
        retain_until=timezone.localdate() - timedelta(days=1)
    )


def test_command_removes_open_answers_past_retention_and_keeps_the_rest(
    visitor: Client,
) -> None:
    # given two responses, one kept past its retention date
    expired, current = _respond(visitor, 2)
    _expire(expired)
    questions_before = LearningQuestion.objects.count()
    municipality = expired.municipality

    # when the command runs
    out = StringIO()
    call_command("anonymise_responses", stdout=out)

    # then the open answers of the expired response are gone
    assert "1 responses anonymised, 3 open answers removed." in out.getvalue()
    texts = Answer.objects.filter(response=expired, kind="text")
    assert list(texts.values_list("text", flat=True)) == ["", "", ""]
    # its municipality, role, choices and scale stay, and so do the learning questions
    expired.refresh_from_db()
    assert expired.municipality == municipality is not None
    assert expired.role == "professional"
    kept = Answer.objects.filter(response=expired).exclude(kind="text")
    assert {a.kind: a.text for a in kept}["multiple"] == "Collega's, Internet"
    assert Answer.objects.filter(response=expired).count() == 9
    assert LearningQuestion.objects.count() == questions_before
    assert LearningQuestion.objects.filter(response=expired, text=TEXT_ANSWERS[2])
    # and the response still within its retention is untouched
    current_texts = Answer.objects.filter(response=current, kind="text")
    assert set(current_texts.values_list("text", flat=True)) == set(TEXT_ANSWERS)


def test_running_again_changes_nothing(visitor: Client) -> None:
    (expired,) = _respond(visitor, 1)
    _expire(expired)
    call_command("anonymise_responses", stdout=StringIO())

    out = StringIO()
    call_command("anonymise_responses", stdout=out)

    assert "0 responses anonymised, 0 open answers removed." in out.getvalue()


def test_worker_task_anonymises_expired_responses(visitor: Client, tasks: Any) -> None:
    (expired,) = _respond(visitor, 1)
    _expire(expired)

    responses_anonymise_task.enqueue()
    tasks.run()

    assert not Answer.objects.filter(response=expired, kind="text").exclude(text="")


def test_queue_option_hands_the_work_to_the_worker(visitor: Client, tasks: Any) -> None:
    (expired,) = _respond(visitor, 1)
    _expire(expired)

    call_command("anonymise_responses", "--queue", stdout=StringIO())
    assert Answer.objects.filter(response=expired, kind="text").exclude(text="")
    tasks.run()

    assert not Answer.objects.filter(response=expired, kind="text").exclude(text="")
