"""Snippets: where the words are, marked, and nothing unescaped."""

from buurtwijs.search.backends import query_terms
from buurtwijs.search.highlight import query_stems, snippet


def _stems(query: str) -> frozenset[str]:
    return query_stems(query_terms(query))


def test_snippet_starts_shortly_before_the_first_hit_in_a_long_text() -> None:
    text = "Aanloop zonder inhoud. " * 500 + "Hier staat de subsidieaanvraag. Einde."
    result = snippet(text, _stems("subsidie aanvragen"))
    assert result.startswith("… ")
    assert "<mark>subsidieaanvraag</mark>" in result
    assert len(result.split()) < 45


def test_without_a_hit_the_snippet_is_the_opening() -> None:
    result = snippet("Een tuin in de wijk. " * 20, _stems("statuten"))
    assert result.startswith("Een tuin in de wijk.")
    assert "<mark>" not in result
    assert result.endswith(" …")


def test_snippet_escapes_markup_in_the_text() -> None:
    result = snippet('<script>alert("x")</script> statuut & regels', _stems("statuut"))
    assert "<script" not in result and "</script>" not in result
    assert "&lt;/script&gt;" in result
    assert "<mark>statuut</mark> &amp; regels" in result
