"""/wie-weet-wat/ with and without htmx, the question page, the profile opt-out."""

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.core.models import Municipality
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.matching.tests.support import public_person

pytestmark = pytest.mark.django_db

FOOD = "Coördinator van de voedselbank in de wijk"


def test_the_page_shows_the_question_box_without_results(client: Client) -> None:
    response = client.get("/wie-weet-wat/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Wie weet wat?" in html
    assert 'name="q"' in html
    assert "js/htmx.min.js" in html
    assert "suggesties." not in html


def test_submitting_the_form_without_javascript_shows_results(client: Client) -> None:
    public_person("Sanne de Boer", FOOD, themes=("armoede-en-schulden",))
    make_case("Voedselbank met moestuin", summary="Een voedselbank teelt groente.")

    response = client.get("/wie-weet-wat/", {"q": "voedselbank"})

    html = response.content.decode()
    assert "<html" in html
    assert "Sanne de Boer" in html
    assert "Voedselbank met moestuin" in html
    assert "ervaring met: voedselbank" in html
    assert "2 suggesties." in html


def test_htmx_gets_only_the_results(client: Client) -> None:
    public_person("Sanne de Boer", FOOD)

    response = client.get(
        "/wie-weet-wat/", {"q": "voedselbank"}, headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "<html" not in html
    assert "Sanne de Boer" in html
    assert "1 suggestie." in html


@pytest.mark.parametrize("q", ["", "a", "😀🙈🎉", "x" * 5000, "voedselbank " * 450])
def test_odd_queries_render_normally(client: Client, q: str) -> None:
    public_person("Sanne de Boer", FOOD)

    response = client.get("/wie-weet-wat/", {"q": q})

    assert response.status_code == 200


def test_an_unknown_municipality_is_a_form_error_not_a_crash(client: Client) -> None:
    response = client.get("/wie-weet-wat/", {"q": "voedselbank", "gemeente": "GM9999"})

    assert response.status_code == 200
    assert "GM9999" in response.content.decode()


def test_the_page_costs_few_queries(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(15):
        public_person(f"Persoon {number}", f"{FOOD} {number}")
    client.get("/wie-weet-wat/", {"q": "voedselbank"})

    with django_assert_max_num_queries(12):
        response = client.get("/wie-weet-wat/", {"q": "voedselbank"})

    assert response.content.decode().count("bw-card") >= 5


def test_private_and_opted_out_people_are_not_on_the_page(client: Client) -> None:
    public_person("Privé Persoon", FOOD, is_public=False)
    public_person("Afgemeld Persoon", FOOD, allow_suggestions=False)

    html = client.get("/wie-weet-wat/", {"q": "voedselbank"}).content.decode()

    assert "Privé" not in html
    assert "Afgemeld" not in html


def test_a_learning_question_page_suggests_who_knows(client: Client) -> None:
    public_person(
        "Sanne de Boer",
        FOOD,
        themes=("armoede-en-schulden",),
        email="sanne@voorbeeld.nl",
    )
    public_person("Afgemeld Persoon", FOOD, allow_suggestions=False)
    question = LearningQuestion.objects.create(
        text="Hoe zetten we een voedselbank op in onze wijk?",
        municipality=Municipality.objects.get(code="GM0344"),
    )

    html = client.get(f"/leervragen/{question.pk}/").content.decode()

    assert "Wie weet hiervan?" in html
    assert "Sanne de Boer" in html
    assert "Stel Sanne de Boer een vraag" in html
    assert "Afgemeld" not in html
    assert "sanne@voorbeeld.nl" not in html


def test_a_member_can_opt_out_in_the_profile_form(client_for, member: User) -> None:  # noqa: ANN001
    client = client_for(member)
    page = client.get("/mijn-profiel/").content.decode()
    assert 'name="allow_suggestions"' in page
    profile = member.profile

    client.post(
        "/mijn-profiel/",
        {
            "name": profile.name,
            "expertise": FOOD,
            "is_public": "on",
            "show_expertise": "on",
        },
    )

    profile.refresh_from_db()
    assert profile.is_public and not profile.allow_suggestions
    html = Client().get("/wie-weet-wat/", {"q": "voedselbank"}).content.decode()
    assert profile.name not in html
