"""Learning questions: the list, a question, posting one, "also my question", search."""

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import LearningQuestion, LearningQuestionVote
from buurtwijs.calls.selectors import (
    learning_questions_for_case,
    learning_questions_for_initiative,
)
from buurtwijs.calls.services import (
    learning_question_create,
    learning_question_set_hidden,
)
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.search.models import SearchEntry

pytestmark = pytest.mark.django_db

LIST = "/leervragen/"


def _ask(
    author: User,
    text: str = "Hoe betrekken we jongeren bij het buurthuis?",
    *,
    code: str = "GM0344",
    themes: tuple[str, ...] = ("jeugd-en-opvoeden",),
) -> LearningQuestion:
    return learning_question_create(
        author=author,
        text=text,
        municipality=Municipality.objects.get(code=code),
        role="resident",
        themes=Theme.objects.filter(slug__in=themes),
    )


def test_list_shows_visible_questions_most_shared_first(
    visitor: Client, member: User, other_member: User, owner: User
) -> None:
    shared = _ask(member, "Hoe houden we vrijwilligers vast na de subsidie?")
    quiet = _ask(member, "Hoe vinden we geld voor een buurtmoestuin?")
    for voter in (other_member, owner):
        client = Client()
        client.force_login(voter)
        client.post(f"{shared.get_absolute_url()}ook-mijn-vraag/")
    shared.refresh_from_db()
    assert shared.vote_count == 2

    html = visitor.get(LIST).content.decode()
    newest = visitor.get(f"{LIST}?sorteer=newest").content.decode()

    assert html.index(shared.get_absolute_url()) < html.index(quiet.get_absolute_url())
    assert newest.index(quiet.get_absolute_url()) < newest.index(
        shared.get_absolute_url()
    )


def test_list_filters_by_theme_and_province(visitor: Client, member: User) -> None:
    youth = _ask(member, "Hoe bereiken we jongeren in Utrecht?")
    energy = _ask(
        member,
        "Hoe helpen we huurders met energiearmoede in Groningen?",
        code="GM0014",
        themes=("duurzaamheid-en-energie",),
    )

    by_theme = visitor.get(f"{LIST}?thema=duurzaamheid-en-energie").content.decode()
    by_province = visitor.get(f"{LIST}?provincie=PV26").content.decode()

    assert energy.get_absolute_url() in by_theme
    assert youth.get_absolute_url() not in by_theme
    assert youth.get_absolute_url() in by_province
    assert energy.get_absolute_url() not in by_province


def test_unknown_filter_value_is_a_message_not_an_error(visitor: Client) -> None:
    response = visitor.get(f"{LIST}?thema=bestaat-niet&pagina=abc")

    assert response.status_code == 200
    assert "bw-filter-alert" in response.content.decode()


def test_list_queries_do_not_grow_with_the_page(
    visitor: Client,
    member: User,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(25):
        _ask(member, f"Leervraag nummer {number} over jongeren en sport")
    visitor.get(LIST)  # the session and caches settle

    with django_assert_max_num_queries(8):
        response = visitor.get(LIST)

    assert response.status_code == 200
    assert response.content.decode().count("bw-question") >= 20


def test_hidden_question_is_not_listed_nor_shown(visitor: Client, member: User) -> None:
    question = _ask(member)
    learning_question_set_hidden(question=question, hidden=True)

    assert question.get_absolute_url() not in visitor.get(LIST).content.decode()
    assert visitor.get(question.get_absolute_url()).status_code == 404
    vote = visitor.post(f"{question.get_absolute_url()}ook-mijn-vraag/")
    assert vote.status_code == 404


def test_detail_page_shows_the_question(visitor: Client, member: User) -> None:
    question = _ask(member)

    response = visitor.get(question.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoe betrekken we jongeren bij het buurthuis?" in html
    assert "Anouk" not in html  # the asker's name is not shown
    assert visitor.get("/leervragen/999999/").status_code == 404


def test_member_posts_a_learning_question(client_for, member: User) -> None:  # noqa: ANN001
    client = client_for(member)
    data = {
        "text": "Hoe starten we een energiecoöperatie in een dorp?",
        "municipality": "Súdwest-Fryslân",
        "role": "resident",
        "themes": ["duurzaamheid-en-energie"],
    }

    response = client.post("/leervragen/nieuw/", data)
    again = client.post("/leervragen/nieuw/", data)  # a double click

    question = LearningQuestion.objects.get()
    assert response.status_code == again.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    assert question.author == member
    assert question.municipality is not None
    assert question.municipality.code == "GM1900"
    assert list(question.themes.values_list("slug", flat=True)) == [
        "duurzaamheid-en-energie"
    ]


def test_posting_with_bad_input_shows_errors(client_for, member: User) -> None:  # noqa: ANN001
    response = client_for(member).post(
        "/leervragen/nieuw/", {"text": "kort", "municipality": "Amsterdm"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Amsterdam" in html  # the suggestion
    assert LearningQuestion.objects.count() == 0


def test_visitor_is_sent_to_log_in_to_post(visitor: Client) -> None:
    response = visitor.get("/leervragen/nieuw/")

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert visitor.post("/leervragen/nieuw/", {"text": "x" * 30}).status_code == 302
    assert LearningQuestion.objects.count() == 0


def test_account_without_membership_cannot_post(client_for) -> None:  # noqa: ANN001
    unverified = User.objects.create_user(
        username="nieuw",
        email="nieuw@voorbeeld.nl",
        password="x",  # noqa: S106
    )

    response = client_for(unverified).get("/leervragen/nieuw/")

    assert response.status_code == 403


def test_member_votes_once(
    client_for,
    member: User,
    other_member: User,  # noqa: ANN001
) -> None:
    question = _ask(member)
    client = client_for(other_member)
    url = f"{question.get_absolute_url()}ook-mijn-vraag/"

    first = client.post(url)
    second = client.post(url)

    assert first.status_code == second.status_code == 302
    question.refresh_from_db()
    assert question.vote_count == 1
    assert LearningQuestionVote.objects.count() == 1
    assert "bw-vote--done" in client.get(question.get_absolute_url()).content.decode()


def test_visitor_votes_once_per_browser(member: User) -> None:
    question = _ask(member)
    url = f"{question.get_absolute_url()}ook-mijn-vraag/"
    browser, other_browser = Client(), Client()

    browser.post(url)
    browser.post(url)
    other_browser.post(url)

    question.refresh_from_db()
    assert question.vote_count == 2
    assert LearningQuestionVote.objects.filter(user=None).count() == 2


def test_visitor_who_voted_and_logs_in_is_not_counted_again(
    other_member: User, member: User
) -> None:
    question = _ask(member)
    url = f"{question.get_absolute_url()}ook-mijn-vraag/"
    browser = Client()
    browser.post(url)

    browser.force_login(other_member)  # the session data stays
    browser.post(url)

    question.refresh_from_db()
    assert question.vote_count == 1


def test_vote_returns_to_the_page_it_came_from_only_on_this_site(
    visitor: Client, member: User
) -> None:
    question = _ask(member)
    url = f"{question.get_absolute_url()}ook-mijn-vraag/"

    back = visitor.post(url, {"next": "/leervragen/?thema=wonen"})
    away = Client().post(url, {"next": "https://elders.example/"})

    assert back["Location"] == "/leervragen/?thema=wonen"
    assert away["Location"] == question.get_absolute_url()


def test_forbidden_votes(client_for, member: User, visitor: Client) -> None:  # noqa: ANN001
    question = _ask(member)
    url = f"{question.get_absolute_url()}ook-mijn-vraag/"

    own = client_for(member).post(url)
    by_get = visitor.get(url)

    assert own.status_code == 302  # refused with a message
    assert by_get.status_code == 405
    question.refresh_from_db()
    assert question.vote_count == 0


def test_the_database_refuses_a_second_vote() -> None:
    from django.db import IntegrityError, transaction

    from buurtwijs.accounts.tests.factories import UserFactory

    asker = UserFactory.create()
    voter = UserFactory.create()
    question = _ask(asker)
    LearningQuestionVote.objects.create(question=question, user=voter)
    with pytest.raises(IntegrityError), transaction.atomic():
        LearningQuestionVote.objects.create(question=question, user=voter)
    LearningQuestionVote.objects.create(question=question, voter_key="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        LearningQuestionVote.objects.create(question=question, voter_key="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        LearningQuestionVote.objects.create(question=question)


def test_questions_are_searchable_and_leave_the_index_when_hidden(
    member: User,
    tasks,  # noqa: ANN001
) -> None:
    question = _ask(member, "Hoe organiseren we buurtpreventie met WhatsApp?")

    tasks.run()
    assert SearchEntry.objects.filter(kind="question", object_id=str(question.pk))

    learning_question_set_hidden(question=question, hidden=True)
    tasks.run()
    assert not SearchEntry.objects.filter(kind="question").exists()


def test_questions_for_an_initiative_share_its_place_and_themes(
    member: User,
) -> None:
    youth = Theme.objects.get(slug="jeugd-en-opvoeden")
    initiative = InitiativeFactory.create()  # in Utrecht
    initiative.themes.add(youth)
    here = _ask(member, "Hoe betrekken we jongeren in Utrecht?")
    elsewhere = _ask(member, "Hoe betrekken we jongeren in Groningen?", code="GM0014")
    other_theme = _ask(member, "Hoe vinden we een pand?", themes=("wonen",))
    linked = _ask(member, "Hoe regelen we de verzekering?", themes=("wonen",))
    linked.initiatives.add(initiative)
    learning_question_set_hidden(
        question=_ask(member, "Verborgen vraag over jongeren"), hidden=True
    )

    found = learning_questions_for_initiative(initiative)

    assert set(found) == {here, linked}
    assert elsewhere not in found and other_theme not in found


def test_questions_for_a_case_follow_its_themes_nearby_first(member: User) -> None:
    from buurtwijs.knowledge.tests.cases_support import make_case

    far = _ask(member, "Hoe bereiken we tieners in Groningen?", code="GM0014")
    near = _ask(member, "Hoe bereiken we tieners in Utrecht?")
    _ask(member, "Hoe vinden we een pand?", themes=("wonen",))
    case = make_case("Jongerenwerk in Kanaleneiland", themes=["jeugd-en-opvoeden"])

    assert learning_questions_for_case(case) == [near, far]
