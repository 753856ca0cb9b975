"""Candidate sets: only public data, only shown fields; indexes follow the data."""

import pytest

from buurtwijs.accounts.services import profile_update
from buurtwijs.accounts.tests.factories import UserFactory
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.models.documents import Visibility
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.knowledge.tests.documents_support import published_document
from buurtwijs.matching.selectors import match_public
from buurtwijs.matching.tests.support import public_person

pytestmark = pytest.mark.django_db

FOOD = "Coördinator van de voedselbank in de wijk"


def _names(kind: str, text: str = "voedselbank", **kwargs: object) -> list[str]:
    return [s.item.name for s in match_public(text=text, **kwargs)[kind]]  # type: ignore[arg-type]


def test_public_person_open_to_suggestions_is_suggested_with_reasons() -> None:
    public_person("Sanne de Boer", FOOD, themes=("armoede-en-schulden",))

    (found,) = match_public(text="Hoe start je een voedselbank?")["person"]

    assert found.item.name == "Sanne de Boer"
    assert "zelfde thema: Armoede en schulden" in found.reason_texts
    assert "ervaring met: voedselbank" in found.reason_texts


def test_private_and_opted_out_people_are_never_suggested() -> None:
    public_person("Privé Persoon", FOOD, is_public=False)
    public_person("Afgemeld Persoon", FOOD, allow_suggestions=False)

    assert _names("person") == []


def test_a_deactivated_account_is_not_suggested() -> None:
    user = UserFactory.create(email="weg@voorbeeld.nl", username="weg", is_active=False)
    public_person("Oud Lid", FOOD, user=user)

    assert _names("person") == []


def test_hidden_expertise_is_not_matched() -> None:
    public_person("Verborgen Kennis", FOOD, show_expertise=False)

    assert _names("person") == []


def test_hidden_themes_and_municipality_give_no_match_and_no_reason() -> None:
    public_person(
        "Stille Thema",
        "Ik help bij de voedselbank",
        themes=("armoede-en-schulden",),
        municipality="GM0344",
        show_themes=False,
        show_municipality=False,
    )

    # The themes alone would match "armoede"; they are hidden.
    assert _names("person", text="armoede en schulden") == []
    (found,) = match_public(text="voedselbank Utrecht", municipality_id=None)["person"]
    assert found.reason_texts == ("ervaring met: voedselbank",)
    assert found.item.detail == ""


def test_shown_municipality_gives_a_place_reason() -> None:
    public_person("Utrechter", FOOD, municipality="GM0344")

    (found,) = match_public(text="voedselbank in Utrecht")["person"]

    assert "in dezelfde gemeente: Utrecht" in found.reason_texts
    assert found.item.detail == "Utrecht"


def test_only_live_cases_public_documents_and_published_initiatives() -> None:
    make_case("Voedselbank met moestuin", summary="Een voedselbank teelt groente.")
    make_case("Voedselbank concept", slug="concept", live=False)
    published_document(title="Handreiking voedselbank")
    published_document(title="Voedselbank voor leden", visibility=Visibility.MEMBERS)
    published_document(title="Voedselbank ingediend", status=Document.Status.PENDING)
    InitiativeFactory.create(name="Voedselbank Oost", slug="voedselbank-oost")
    InitiativeFactory.create(
        name="Voedselbank Wacht",
        slug="voedselbank-wacht",
        status=Initiative.Status.PENDING,
    )

    found = match_public(text="voedselbank")

    assert [s.item.name for s in found["case"]] == ["Voedselbank met moestuin"]
    assert [s.item.name for s in found["document"]] == ["Handreiking voedselbank"]
    assert [s.item.name for s in found["initiative"]] == ["Voedselbank Oost"]
    assert found["case"][0].url == "/praktijkvoorbeelden/voedselbank-met-moestuin/"


def test_a_new_person_is_found_by_the_next_query() -> None:
    public_person("Eerste", FOOD)
    assert _names("person") == ["Eerste"]

    public_person("Tweede", "Voedselbank en kledingbank")

    assert sorted(_names("person")) == ["Eerste", "Tweede"]


def test_opting_out_takes_effect_at_the_next_query() -> None:
    profile = public_person("Sanne", FOOD)
    assert _names("person") == ["Sanne"]

    profile_update(profile=profile, data={"allow_suggestions": False})

    assert _names("person") == []


def test_a_match_reads_few_queries_once_the_index_is_built(
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(30):
        public_person(f"Persoon {number}", f"{FOOD} nummer {number}")
    match_public(text="voedselbank")

    with django_assert_max_num_queries(7):
        found = match_public(text="voedselbank", limit=10)

    assert len(found["person"]) == 10
