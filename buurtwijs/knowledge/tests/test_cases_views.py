"""The case list, a case page and the comparison, as a visitor sees them."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.knowledge.models import CasePage
from buurtwijs.knowledge.tests.cases_support import case_index, make_case

pytestmark = pytest.mark.django_db

LIST = "/praktijkvoorbeelden/"
COMPARE = "/praktijkvoorbeelden/vergelijken/"


def _titles(response) -> list[str]:  # noqa: ANN001
    assert response.status_code == 200
    return [case.title for case in response.context["page_obj"]]


@pytest.fixture
def three_cases() -> list[CasePage]:
    garden = make_case(
        "De Voedseltuin",
        municipality="GM0599",
        themes=["armoede-en-schulden", "openbare-ruimte"],
        partners=[
            ("Vrijwilligers", "residents", "Iets betekenen voor de buurt."),
            ("Voedselbank Rotterdam", "social_institution", "Vers eten in pakketten."),
        ],
        published_days_ago=3,
        summary="Verse groente voor de voedselbank.",
        context="<p>Pakketten zonder verse groente.</p>",
        results="<p>Elke week een oogst voor de voedselbank.</p>",
        pitfalls="<p>Vrijwilligers raken overbelast.</p>",
        lessons="<p>Verdeel de taken op tijd.</p>",
    )
    academy = make_case(
        "Wijkacademies Opvoeden",
        municipality="GM0344",
        themes=["jeugd-en-opvoeden"],
        partners=[
            ("Ouders", "residents", "Leren van andere ouders."),
            ("Hogeschool Utrecht", "knowledge_institution", "Praktijkonderzoek."),
        ],
        published_days_ago=1,
    )
    economy = make_case(
        "'t Blauwe Wijkeconomie",
        slug="blauwe-wijkeconomie",
        municipality="GM0202",
        themes=["werk-en-economie"],
        partners=[("Gemeente Arnhem", "municipality", "Minder leegstand.")],
        published_days_ago=2,
    )
    return [garden, academy, economy]


def test_case_list_exists_in_the_main_navigation(visitor: Client) -> None:
    response = visitor.get("/")

    assert f'href="{LIST}"' in response.content.decode()
    assert visitor.get(LIST).status_code == 200
    assert case_index().title == "Praktijkvoorbeelden"


def test_list_shows_only_published_cases_newest_first(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    make_case("Concept over zorg", live=False)

    titles = _titles(visitor.get(LIST))

    assert titles == [
        "Wijkacademies Opvoeden",
        "'t Blauwe Wijkeconomie",
        "De Voedseltuin",
    ]


def test_title_order_is_dutch_and_skips_elided_articles(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    make_case("Één buurt, één plan", published_days_ago=9)

    titles = _titles(visitor.get(LIST, {"sorteer": "title"}))

    # 't Blauwe sorts under B; Één sorts as Een, before Wijk…, after De …
    assert titles == [
        "'t Blauwe Wijkeconomie",
        "De Voedseltuin",
        "Één buurt, één plan",
        "Wijkacademies Opvoeden",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"thema": "jeugd-en-opvoeden"}, ["Wijkacademies Opvoeden"]),
        ({"provincie": "PV28"}, ["De Voedseltuin"]),
        ({"gemeente": "GM0202"}, ["'t Blauwe Wijkeconomie"]),
        ({"partner": "knowledge_institution"}, ["Wijkacademies Opvoeden"]),
        ({"partner": "residents", "thema": "armoede-en-schulden"}, ["De Voedseltuin"]),
        ({"partner": "funder"}, []),
    ],
)
def test_filters_narrow_the_list(
    visitor: Client,
    three_cases: list[CasePage],
    query: dict[str, str],
    expected: list[str],
) -> None:
    assert _titles(visitor.get(LIST, query)) == expected


def test_case_without_municipality_is_found_by_its_initiatives_province(
    visitor: Client,
) -> None:
    from buurtwijs.core.models import Municipality

    initiative = InitiativeFactory.create(
        name="Delfshaven Coöperatie",
        municipality=Municipality.objects.get(code="GM0599"),
    )
    make_case("Coöperatie als lijm", municipality=None, initiative=initiative)

    response = visitor.get(LIST, {"provincie": "PV28"})

    assert _titles(response) == ["Coöperatie als lijm"]
    assert "Rotterdam, Zuid-Holland" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"thema": "bestaat-niet"},
        {"provincie": "PV99"},
        {"gemeente": "GM9999"},
        {"partner": "aliens"},
        {"thema": "a\x00b"},
    ],
)
def test_unknown_filter_value_gives_an_empty_list_and_says_why(
    visitor: Client, three_cases: list[CasePage], query: dict[str, str]
) -> None:
    response = visitor.get(LIST, query)

    assert _titles(response) == []
    html = response.content.decode()
    assert "bw-filter-alert" in html
    assert response.context["unknown_filters"]


def test_unknown_sort_falls_back_to_newest(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    titles = _titles(visitor.get(LIST, {"sorteer": "<script>"}))

    assert titles[0] == "Wijkacademies Opvoeden"


def test_page_past_the_end_shows_the_last_page(visitor: Client) -> None:
    for number in range(23):
        make_case(f"Voorbeeld {number:02d}", published_days_ago=number)

    last = visitor.get(LIST, {"pagina": "99"})
    junk = visitor.get(LIST, {"pagina": "drie"})

    assert last.context["page_obj"].number == 2
    assert _titles(last) == ["Voorbeeld 20", "Voorbeeld 21", "Voorbeeld 22"]
    assert junk.context["page_obj"].number == 1
    assert 'rel="next"' in junk.content.decode()


def test_list_needs_the_same_number_of_queries_for_few_and_many_cases(
    visitor: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    query = {"case": ["klein-0", "klein-1"], "thema": "wonen", "sorteer": "title"}
    for number in range(3):
        make_case(f"Klein {number}", themes=["wonen"], partners=[("A", "funder", "")])
    with django_assert_max_num_queries(18) as few:
        visitor.get(LIST, query)
    for number in range(30):
        make_case(
            f"Groot {number}",
            themes=["wonen", "veiligheid"],
            partners=[("B", "residents", ""), ("C", "municipality", "")],
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = visitor.get(LIST, query)

    assert len(response.context["page_obj"]) == 20


def test_list_cards_offer_a_compare_checkbox_in_a_get_form(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    html = visitor.get(LIST).content.decode()

    form = re.search(
        r'<form class="bw-compare-form" method="get" action="([^"]+)"', html
    )
    assert form is not None and form.group(1) == COMPARE
    assert html.count('type="checkbox" name="case"') == 3
    assert 'value="de-voedseltuin"' in html


def test_selection_is_kept_through_filters_and_shown_checked(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    response = visitor.get(
        LIST, {"case": ["de-voedseltuin", "weg-ermee"], "thema": "werk-en-economie"}
    )

    html = response.content.decode()
    assert [case.slug for case in response.context["selection"]] == ["de-voedseltuin"]
    # the filter form carries the selection, the selection panel shows it ticked
    assert '<input type="hidden" name="case" value="de-voedseltuin">' in html
    assert 'value="de-voedseltuin" id="gekozen-1" checked' in html
    assert "weg-ermee" in html  # said to be left out
    # removing the theme filter keeps the selection
    assert "?case=de-voedseltuin" in html


def test_case_page_shows_every_part_of_the_case(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    initiative = InitiativeFactory.create(name="De Voedseltuin Rotterdam")
    garden = three_cases[0]
    garden.initiative = initiative
    garden.source_url = "https://example.org/plekken-van-hoop"
    garden.source_label = "Plekken van hoop en verandering (2019)"
    garden.save_revision().publish()

    response = visitor.get("/praktijkvoorbeelden/de-voedseltuin/")

    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Verse groente voor de voedselbank.",
        "Pakketten zonder verse groente.",
        "Elke week een oogst",
        "Vrijwilligers raken overbelast.",
        "Verdeel de taken op tijd.",
        "Voedselbank Rotterdam",
        "Vers eten in pakketten.",
        "Rotterdam (Zuid-Holland)",
        "Plekken van hoop en verandering (2019)",
        initiative.get_absolute_url(),
    ):
        assert text in html, text
    assert '<input type="hidden" name="case" value="de-voedseltuin">' in html


def test_case_page_does_not_link_an_initiative_that_is_not_published(
    visitor: Client,
) -> None:
    pending = InitiativeFactory.create(
        name="Nog in moderatie", status=Initiative.Status.PENDING
    )
    make_case("Met een initiatief in moderatie", initiative=pending)

    html = visitor.get("/praktijkvoorbeelden/met-een-initiatief-in-moderatie/")

    assert "Nog in moderatie" not in html.content.decode()


def test_draft_case_is_not_found(visitor: Client) -> None:
    make_case("Nog een concept", live=False)

    assert visitor.get("/praktijkvoorbeelden/nog-een-concept/").status_code == 404


def test_case_cannot_take_the_address_of_the_comparison() -> None:
    case = CasePage(title="Vergelijken", slug="vergelijken")
    case.path, case.depth = "00010001", 2

    with pytest.raises(ValidationError) as error:
        case.clean()

    assert "slug" in error.value.message_dict


def test_comparison_puts_cases_side_by_side_in_an_accessible_table(
    visitor: Client,
    three_cases: list[CasePage],
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    with django_assert_max_num_queries(12):
        response = visitor.get(
            COMPARE, {"case": ["de-voedseltuin", "wijkacademies-opvoeden"]}
        )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in html
    assert html.count('scope="col"') == 2
    assert html.count('scope="row"') == 10
    # columns in the order picked, each aspect filled in from its case
    assert html.index("De Voedseltuin") < html.index("Wijkacademies Opvoeden")
    for text in (
        "Vers eten in pakketten.",
        "Leren van andere ouders.",
        "Hogeschool Utrecht",
        "Verdeel de taken op tijd.",
        "Rotterdam (Zuid-Holland)",
        "Utrecht (Utrecht)",
    ):
        assert text in html, text


def test_comparison_of_four_works_and_of_five_explains_the_limit(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    make_case("Vierde voorbeeld")
    make_case("Vijfde voorbeeld")
    four = ["de-voedseltuin", "wijkacademies-opvoeden", "blauwe-wijkeconomie"]

    ok = visitor.get(COMPARE, {"case": [*four, "vierde-voorbeeld"]})
    too_many = visitor.get(
        COMPARE, {"case": [*four, "vierde-voorbeeld", "vijfde-voorbeeld"]}
    )

    assert ok.content.decode().count('scope="col"') == 4
    assert too_many.status_code == 200
    assert too_many.context["problem"] == "too_many"
    assert "<table" not in too_many.content.decode()
    assert "bw-compare-problem" in too_many.content.decode()


@pytest.mark.parametrize(
    "slugs",
    [[], ["de-voedseltuin"], ["de-voedseltuin", "de-voedseltuin"], ["", " "]],
)
def test_comparison_of_fewer_than_two_asks_for_more(
    visitor: Client, three_cases: list[CasePage], slugs: list[str]
) -> None:
    response = visitor.get(COMPARE, {"case": slugs})

    assert response.status_code == 200
    assert response.context["problem"] == "too_few"
    assert "<table" not in response.content.decode()
    assert "bw-compare-problem" in response.content.decode()


def test_comparison_leaves_out_unknown_and_draft_cases_and_says_so(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    make_case("Geheim concept", live=False)

    response = visitor.get(
        COMPARE,
        {
            "case": [
                "de-voedseltuin",
                "bestaat-niet",
                "geheim-concept",
                "wijkacademies-opvoeden",
            ]
        },
    )

    html = response.content.decode()
    assert response.context["unknown_selection"] == ["bestaat-niet", "geheim-concept"]
    assert html.count('scope="col"') == 2
    assert "bestaat-niet" in html


def test_comparison_with_absurd_input_answers_a_message_not_an_error(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    response = visitor.get(COMPARE, {"case": [f"x{n}" for n in range(300)]})

    assert response.status_code == 200
    assert response.context["problem"] == "too_many"


def test_removing_a_case_from_the_comparison_keeps_the_others(
    visitor: Client, three_cases: list[CasePage]
) -> None:
    response = visitor.get(
        COMPARE,
        {"case": ["de-voedseltuin", "wijkacademies-opvoeden", "blauwe-wijkeconomie"]},
    )

    remove = response.context["columns"][0]["remove_url"]
    assert remove == (f"{COMPARE}?case=wijkacademies-opvoeden&case=blauwe-wijkeconomie")
    assert visitor.get(remove).content.decode().count('scope="col"') == 2


def test_case_page_lists_learning_questions_about_its_themes(
    visitor: Client, member: User
) -> None:
    from buurtwijs.calls.services import learning_question_create
    from buurtwijs.core.models import Municipality, Theme

    case = make_case("Buurtzorg aan huis", themes=["zorg-en-gezondheid"])
    learning_question_create(
        author=member,
        text="Hoe houden we de zorg in de wijk betaalbaar?",
        municipality=Municipality.objects.get(code="GM0344"),
        themes=[Theme.objects.get(slug="zorg-en-gezondheid")],
    )

    html = visitor.get(case.url).content.decode()

    assert "Hoe houden we de zorg in de wijk betaalbaar?" in html
