"""Editors build calls and moderate learning questions in /beheer/."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import Call, LearningQuestion
from buurtwijs.calls.services import learning_question_create
from buurtwijs.calls.tests.factories import make_call

pytestmark = pytest.mark.django_db

ADD_CALL = "/beheer/snippets/calls/call/add/"


def _call_form(**changes: object) -> dict:
    now = timezone.localtime()
    data = {
        "title": "Wat wil jij leren over leefbaarheid?",
        "slug": "leefbaarheid",
        "status": "published",
        "intro": rich_text("<p>Deel je ervaring.</p>"),
        "opens_at": now.strftime("%Y-%m-%d %H:%M"),
        "closes_at": (now + timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
        "consent_text": "Ik geef toestemming.",
        "retention_days": "730",
        "offer_copy": "on",
        "thank_you_text": "",
        "questions": inline_formset(
            [
                {
                    "kind": "text",
                    "label": "Wat wil je leren?",
                    "help_text": "",
                    "required": "on",
                    "choices": "",
                    "yields_learning_questions": "on",
                },
                {
                    "kind": "single",
                    "label": "Doe je mee?",
                    "help_text": "",
                    "choices": "Ja\nNee",
                    "yields_learning_questions": "",
                },
            ],
            min=1,
        ),
    }
    data.update(changes)
    return nested_form_data(data)


def test_editor_builds_a_call_with_questions(client_for, editor: User) -> None:  # noqa: ANN001
    client = client_for(editor)

    response = client.post(ADD_CALL, _call_form())

    assert response.status_code == 302, response.content.decode()[:2000]
    call = Call.objects.get()
    assert [q.kind for q in call.questions.all()] == ["text", "single"]
    assert call.questions.first().yields_learning_questions  # type: ignore[union-attr]
    assert client_for(editor).get("/oproepen/leefbaarheid/").status_code == 200


def test_choice_question_needs_choices_and_only_text_yields_questions(
    client_for,  # noqa: ANN001
    editor: User,
) -> None:
    data = _call_form()
    data["questions-1-choices"] = ""
    data["questions-1-yields_learning_questions"] = "on"

    response = client_for(editor).post(ADD_CALL, data)

    assert response.status_code == 200
    assert Call.objects.count() == 0


def test_member_cannot_open_the_calls_admin(client_for, member: User) -> None:  # noqa: ANN001
    response = client_for(member).get(ADD_CALL)

    assert response.status_code in (302, 403)
    assert Call.objects.count() == 0


def test_editor_hides_a_learning_question(
    client_for,  # noqa: ANN001
    editor: User,
    member: User,
    tasks,  # noqa: ANN001
) -> None:
    question = learning_question_create(
        author=member, text="Hoe krijgen we de gemeente mee in ons plan?"
    )
    tasks.run()
    url = f"/beheer/snippets/calls/learningquestion/edit/{question.pk}/"
    client = client_for(editor)
    assert client.get("/beheer/snippets/calls/learningquestion/").status_code == 200

    response = client.post(url, {"text": question.text, "status": "hidden", "role": ""})

    assert response.status_code == 302, response.content.decode()[:2000]
    question.refresh_from_db()
    assert question.status == LearningQuestion.Status.HIDDEN
    tasks.run()
    assert client_for(member).get(question.get_absolute_url()).status_code == 404
    from buurtwijs.search.models import SearchEntry

    assert not SearchEntry.objects.filter(kind="question").exists()


def test_responses_are_read_not_edited_in_the_admin(
    client_for,  # noqa: ANN001
    editor: User,
    visitor,  # noqa: ANN001
) -> None:
    from buurtwijs.calls.models import Response
    from buurtwijs.calls.tests.factories import response_data

    call = make_call()
    visitor.post(call.get_absolute_url(), response_data(call))
    stored = Response.objects.get()
    client = client_for(editor)

    listing = client.get("/beheer/snippets/calls/response/")
    inspect = client.get(f"/beheer/snippets/calls/response/inspect/{stored.pk}/")
    edit = client.get(f"/beheer/snippets/calls/response/edit/{stored.pk}/")

    assert listing.status_code == 200
    assert inspect.status_code == 200
    assert edit.status_code in (302, 403)
