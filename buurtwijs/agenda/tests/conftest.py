"""Fixtures of the agenda tests: an analysed agenda of a call."""

import pytest

from buurtwijs.accounts.models import User
from buurtwijs.agenda import services
from buurtwijs.agenda.models import LearningAgenda
from buurtwijs.agenda.tests.factories import make_call_with_questions
from conftest import TaskRunner


@pytest.fixture
def analysed_agenda(editor: User, tasks: TaskRunner) -> LearningAgenda:
    """A call's agenda after one analysis by the background worker."""
    call, _questions = make_call_with_questions()
    agenda = services.agenda_get_or_create(call=call)
    services.analysis_request(agenda=agenda, user=editor)
    tasks.run()
    agenda.refresh_from_db()
    return agenda
