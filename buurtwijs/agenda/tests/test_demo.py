"""The demo's learning agenda: the closed call analysed and published, once."""

import pytest
from django.test import Client

from buurtwijs.agenda.models import AgendaCluster, LearningAgenda
from buurtwijs.calls.models import Call
from buurtwijs.demo.agenda import load_demo_agenda
from buurtwijs.demo.calls import SEED_CALL_SLUG, load_demo_calls
from buurtwijs.demo.load import load_places

pytestmark = pytest.mark.django_db


def test_demo_publishes_the_closed_calls_agenda_once(client: Client) -> None:
    load_demo_calls(load_places(), seed=2019, national_questions=0, log=print)

    assert load_demo_agenda(print) == 1
    assert load_demo_agenda(print) == 0

    agenda = LearningAgenda.objects.get(call=Call.objects.get(slug=SEED_CALL_SLUG))
    assert agenda.is_published and agenda.commentary
    assert agenda.question_count >= 300
    assert AgendaCluster.objects.filter(agenda=agenda).count() > 10
    assert agenda.items.count() >= 3
    assert agenda.items.exclude(owner="").count() == agenda.items.count()
    page = client.get("/leeragenda/")
    assert page.status_code == 200
    assert agenda.title in page.text
    assert agenda.items.first().title in page.text  # type: ignore[union-attr]
