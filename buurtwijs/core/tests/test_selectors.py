"""Finding municipalities by what people type in forms and spreadsheets."""

import pytest

from buurtwijs.core.selectors import municipality_lookup, municipality_lookup_reset

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index() -> None:
    municipality_lookup_reset()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("GM0363", "GM0363"),
        ("gm0363", "GM0363"),
        ("363", "GM0363"),
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("’S-HERTOGENBOSCH", "GM0796"),
        ("Sudwest-Fryslan", "GM1900"),
        ("bergen nh", "GM0373"),
        ("  nieuwegein ", "GM0356"),
    ],
)
def test_municipality_found_by_code_or_name_ignoring_case_and_accents(
    typed: str, code: str
) -> None:
    match = municipality_lookup(typed)
    assert match.municipality is not None
    assert match.municipality.code == code


def test_unknown_municipality_comes_with_suggestions() -> None:
    match = municipality_lookup("Nieuwegijn")
    assert match.municipality is None
    assert "Nieuwegein" in match.suggestions


def test_empty_text_finds_nothing_and_suggests_nothing() -> None:
    assert municipality_lookup("  ") == municipality_lookup("")
    assert municipality_lookup("").municipality is None
