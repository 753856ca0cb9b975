"""Knowledge gaps: questions without a good match, per theme, for editors."""

from typing import Any

import pytest

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.core.models import Theme
from buurtwijs.demo.matching import load_demo_matching
from buurtwijs.matching.models import QuestionMatch
from buurtwijs.matching.services import question_matches_refresh
from buurtwijs.matching.tests.support import public_person

pytestmark = pytest.mark.django_db


def _question(text: str, theme: str) -> LearningQuestion:
    question = LearningQuestion.objects.create(text=text)
    question.themes.set(Theme.objects.filter(slug=theme))
    return question


@pytest.fixture
def questions(db: None) -> dict[str, LearningQuestion]:
    public_person(
        "Sanne de Boer",
        "Coördinator van de voedselbank en schuldhulp",
        themes=("armoede-en-schulden",),
    )
    return {
        "answered": _question(
            "Hoe start je een voedselbank in de wijk?", "armoede-en-schulden"
        ),
        "gap": _question(
            "Hoe krijgen we glasvezel in een krimpdorp?", "werk-en-economie"
        ),
    }


def test_best_matches_are_stored_and_gaps_found(questions: dict[str, Any]) -> None:
    assert question_matches_refresh() == 2

    scores = {m.question_id: m.best_score for m in QuestionMatch.objects.all()}
    assert scores[questions["answered"].pk] >= 0.3
    assert scores[questions["gap"].pk] < 0.3
    assert question_matches_refresh() == 2
    assert QuestionMatch.objects.count() == 2


def test_editors_see_gaps_per_theme_in_the_admin(
    client_for, editor: User, questions: dict[str, Any]
) -> None:  # noqa: ANN001
    question_matches_refresh()

    page = client_for(editor).get("/beheer/kennislacunes/").content.decode()

    assert "Kennislacunes" in page
    assert "Hoe krijgen we glasvezel in een krimpdorp?" in page
    assert "Hoe start je een voedselbank" not in page


def test_the_refresh_button_matches_in_the_background(
    client_for,
    editor: User,
    questions: dict[str, Any],
    tasks: Any,
    django_capture_on_commit_callbacks,
) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post("/beheer/kennislacunes/herberekenen/")
    assert response.status_code == 302
    tasks.run()

    assert QuestionMatch.objects.count() == 2


def test_members_cannot_see_the_gaps(client_for, member: User) -> None:  # noqa: ANN001
    assert client_for(member).get("/beheer/kennislacunes/").status_code in (302, 403)


def test_demo_loader_adds_only_what_is_missing(questions: dict[str, Any]) -> None:
    assert load_demo_matching(lambda line: None) == 2
    assert load_demo_matching(lambda line: None) == 0
