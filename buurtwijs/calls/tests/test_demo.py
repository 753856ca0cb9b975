"""The demo calls: the seed's closed call with varied responses, an open call."""

import time

import pytest

from buurtwijs.calls.models import Call, LearningQuestion, Response
from buurtwijs.core.models import Province
from buurtwijs.demo.calls import (
    NATIONAL_CALL_SLUG,
    OPEN_CALL_SLUG,
    RESPONSES,
    SEED_CALL_SLUG,
    load_demo_calls,
)
from buurtwijs.demo.load import load_places

pytestmark = pytest.mark.django_db


def test_demo_calls_load_once_with_responses_from_every_province() -> None:
    places = load_places()

    added = load_demo_calls(places, seed=2019, national_questions=0, log=print)
    again = load_demo_calls(places, seed=2019, national_questions=0, log=print)

    assert added == RESPONSES + 1 and again == 0
    seed_call = Call.objects.get(slug=SEED_CALL_SLUG)
    assert not seed_call.is_open
    assert Call.objects.get(slug=OPEN_CALL_SLUG).is_open
    responses = Response.objects.filter(call=seed_call)
    assert responses.count() == RESPONSES
    provinces = set(responses.values_list("municipality__province", flat=True))
    assert len(provinces) == Province.objects.count()
    assert set(responses.values_list("role", flat=True)) >= {"resident", "professional"}
    texts = list(
        LearningQuestion.objects.filter(call=seed_call).values_list("text", flat=True)
    )
    assert len(texts) == RESPONSES
    assert len(set(texts)) > RESPONSES * 0.9  # varied, not one template
    assert all(r.answers.count() == 6 for r in responses[:5])


def test_national_round_is_bulk_inserted_and_topped_up() -> None:
    places = load_places()
    started = time.monotonic()

    first = load_demo_calls(places, seed=7, national_questions=6_000, log=print)
    more = load_demo_calls(places, seed=7, national_questions=7_000, log=print)

    assert first == RESPONSES + 1 + 6_000
    assert more == 1_000
    national = LearningQuestion.objects.filter(call__slug=NATIONAL_CALL_SLUG)
    assert national.count() == 7_000
    assert time.monotonic() - started < 60
