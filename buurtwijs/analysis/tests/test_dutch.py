"""The Dutch text pipeline that search (and later the analysis) stands on."""

import pytest

from buurtwijs.analysis import dutch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("statuten", ["statuut"]),
        ("aanvragen", ["aanvraag"]),
        ("gemeenten", ["gemeente"]),
        ("bewoners", ["bewoner"]),
    ],
)
def test_words_are_reduced_to_their_dictionary_form(
    text: str, expected: list[str]
) -> None:
    assert dutch.index_words(text) == expected


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("subsidieaanvraag", ("subsidie", "aanvraag")),
        ("buurtcoöperaties", ("buurt", "coöperatie")),
        ("buurtcooperaties", ("buurt", "coöperatie")),
        ("ontmoetingsplekken", ("ontmoeting", "plek")),
        ("buurthuis", ("buurt", "huis")),
        ("schuldhulpverlening", ("schuld", "hulp", "verlening")),
    ],
)
def test_compounds_are_split_into_known_words(word: str, parts: tuple) -> None:
    assert dutch.compound_parts(word) == parts


@pytest.mark.parametrize("word", ["gemeente", "armoede", "statuten", "eenzaamheid"])
def test_ordinary_words_are_not_split(word: str) -> None:
    assert dutch.compound_parts(word) == ()


def test_accents_and_case_do_not_matter() -> None:
    assert dutch.index_words("Buurtcoöperatie") == dutch.index_words("buurtcooperatie")


def test_stop_words_and_symbols_are_left_out() -> None:
    assert dutch.index_words('de "en" * : & | ! ( van het') == []


def test_stems_follow_postgresqls_dutch_configuration() -> None:
    # dutch_porter, not Snowball's newer "dutch", which turns gemeente into "meen"
    assert dutch.stem("gemeente") == "gemeent"
    assert dutch.stem("statuut") == "statut"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("buurtcoöperaties", "buurtcooperatie"),
        ("buurtcooperaties", "buurtcooperatie"),
        ("energiecoöperaties", "energiecooperatie"),
        ("wijkteams", "wijkteam"),
    ],
)
def test_unknown_compounds_get_the_dictionary_form_of_their_head(
    word: str, expected: str
) -> None:
    assert dutch.index_words(word)[0] == expected


def test_a_very_long_word_is_kept_whole() -> None:
    words = dutch.index_words("ab" * 2_500 + " buurtcoöperaties")
    assert words[0] == "ab" * 2_500
    assert words[1:] == ["buurtcooperatie", "buurt", "cooperatie"]


def test_warm_up_leaves_lookups_as_they_were() -> None:
    dutch.warm_up()
    assert dutch.index_words("cooperaties") == ["cooperatie"]
