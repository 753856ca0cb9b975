"""The shipped reference data: every current municipality, its province, the themes."""

import re

import pytest

from buurtwijs.core.models import Municipality, Province, Theme
from buurtwijs.core.reference_data import load_reference_data
from buurtwijs.core.text import dutch_capitalise, dutch_sort_key, normalise_name

pytestmark = pytest.mark.django_db

THEME_SLUGS = [
    "armoede-en-schulden",
    "werk-en-economie",
    "wonen",
    "zorg-en-gezondheid",
    "ouder-worden",
    "jeugd-en-opvoeden",
    "veiligheid",
    "duurzaamheid-en-energie",
    "ontmoeting-en-eenzaamheid",
    "integratie-en-inclusie",
    "openbare-ruimte",
    "participatie-en-samenwerking",
    "organiseren-en-financieren",
    "kennis-en-leren",
]


def test_all_342_current_municipalities_are_loaded_with_valid_cbs_codes() -> None:
    codes = list(Municipality.objects.values_list("code", flat=True))
    assert len(codes) == 342
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)


def test_municipalities_per_province_match_the_cbs_division() -> None:
    expected = {
        "Noord-Brabant": 56,
        "Gelderland": 51,
        "Zuid-Holland": 50,
        "Noord-Holland": 44,
        "Limburg": 31,
        "Utrecht": 26,
        "Overijssel": 25,
        "Fryslân": 18,
        "Zeeland": 13,
        "Drenthe": 12,
        "Groningen": 10,
        "Flevoland": 6,
    }
    counts = {p.name: p.municipalities.count() for p in Province.objects.all()}
    assert counts == expected


def test_known_municipalities_have_their_code_name_and_province() -> None:
    the_hague = Municipality.objects.get(code="GM0518")
    assert the_hague.name == "'s-Gravenhage"
    assert the_hague.display_name == "Den Haag"
    assert the_hague.province.name == "Zuid-Holland"
    amsterdam = Municipality.objects.get(code="GM0363")
    assert amsterdam.province.code == "PV27"
    assert 52.2 < amsterdam.latitude < 52.5


def test_the_14_themes_have_their_fixed_slugs_in_order() -> None:
    assert list(Theme.objects.values_list("slug", flat=True)) == THEME_SLUGS
    assert Theme.objects.get(slug="wonen").name == "Wonen en maatschappelijk vastgoed"
    assert "voedselbank" in Theme.objects.get(slug="armoede-en-schulden").keyword_list


def test_reloading_reference_data_keeps_rows_and_edited_theme_labels() -> None:
    theme = Theme.objects.get(slug="veiligheid")
    theme.name = "Veiligheid in de buurt"
    theme.save(update_fields=["name"])
    ids_before = set(Municipality.objects.values_list("id", flat=True))

    load_reference_data(Province, Municipality, Theme)

    assert set(Municipality.objects.values_list("id", flat=True)) == ids_before
    assert Theme.objects.count() == 14
    assert Theme.objects.get(slug="veiligheid").name == "Veiligheid in de buurt"


def test_municipalities_sort_in_dutch_order() -> None:
    names = list(
        Municipality.objects.filter(
            display_name__in=[
                "'s-Hertogenbosch",
                "Heerlen",
                "Houten",
                "IJsselstein",
                "Súdwest-Fryslân",
                "Sittard-Geleen",
                "Zwolle",
            ]
        ).values_list("display_name", flat=True)
    )
    assert names == [
        "Heerlen",
        "'s-Hertogenbosch",
        "Houten",
        "IJsselstein",
        "Sittard-Geleen",
        "Súdwest-Fryslân",
        "Zwolle",
    ]


def test_dutch_sort_key_ignores_accents_case_and_elided_articles() -> None:
    words = ["Zeist", "’s-Gravenhage", "coöperatie", "Cooperatief", "Ede", "Émmen"]
    assert sorted(words, key=dutch_sort_key) == [
        "coöperatie",
        "Cooperatief",
        "Ede",
        "Émmen",
        "’s-Gravenhage",
        "Zeist",
    ]


def test_name_normalisation_matches_what_people_type() -> None:
    assert normalise_name("Súdwest-Fryslân") == normalise_name("sudwest-fryslan")
    assert normalise_name("Bergen (NH.)") == normalise_name("bergen nh")
    assert dutch_capitalise("ijsselstein") == "IJsselstein"
