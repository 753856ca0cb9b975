"""Snippets: the stretch of a text where the query's words are, with them marked."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from buurtwijs.analysis import dutch

SPLIT_RE = re.compile(r"([^\W_]+)", re.UNICODE)
WINDOW = 30  # words around the best spot
SCAN_LIMIT = 20_000  # characters of a long text looked at


@lru_cache(maxsize=100_000)
def _word_stems(word: str) -> frozenset[str]:
    item = dutch.term(word.lower())
    if item is None:
        return frozenset()
    return frozenset(dutch.stem(part) for part in (item.lemma, *item.parts))


def query_stems(terms: list[dutch.Term]) -> frozenset[str]:
    """The stems a text word must have to count as a hit for these query terms."""
    return frozenset(
        dutch.stem(part) for item in terms for part in (item.lemma, *item.parts)
    )


def snippet(text: str, stems: frozenset[str], *, words: int = WINDOW) -> SafeString:
    """About ``words`` words of the text around its densest hits, hits in <mark>."""
    pieces = SPLIT_RE.split(text[:SCAN_LIMIT])
    # pieces alternates: separator, word, separator, word, …, separator
    word_positions = list(range(1, len(pieces), 2))
    hits = [
        index
        for index, position in enumerate(word_positions)
        if _word_stems(pieces[position]) & stems
    ]
    if not word_positions:
        return mark_safe("")  # noqa: S308 - an empty string
    start = 0
    if hits:
        best, best_count = hits[0], 0
        for hit in hits:
            count = sum(1 for other in hits if hit <= other < hit + words)
            if count > best_count:
                best, best_count = hit, count
        start = max(0, best - words // 4)
    end = min(len(word_positions), start + words)
    hit_set = set(hits)
    out = ["… " if start > 0 else ""]
    for index in range(start, end):
        position = word_positions[index]
        word = escape(pieces[position])
        out.append(f"<mark>{word}</mark>" if index in hit_set else word)
        if index < end - 1:
            out.append(escape(pieces[position + 1]))
    if end < len(word_positions):
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
