"""Snippets: the stretch of a text where the query's words are, with them marked."""

import re
from collections import deque
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from buurtwijs.analysis import dutch

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
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
    """About ``words`` words of the text from just before its first hit, hits marked.

    The text is read word by word only as far as the snippet needs, so a long
    document costs no more than a short one.
    """
    head: list[re.Match[str]] = []  # the opening words, if nothing is found
    recent: deque[re.Match[str]] = deque(maxlen=words // 4)  # words before a hit
    chosen: list[tuple[re.Match[str], bool]] = []
    for match in WORD_RE.finditer(text, 0, SCAN_LIMIT):
        hit = bool(_word_stems(match.group()) & stems)
        if not chosen and not hit:
            if len(head) < words:
                head.append(match)
            recent.append(match)
            continue
        if not chosen:
            chosen = [(word, False) for word in recent]
        chosen.append((match, hit))
        if len(chosen) >= words:
            break
    if not chosen:
        chosen = [(word, False) for word in head]
    if not chosen:
        return SafeString("")
    out = ["… " if chosen[0][0].start() > 0 and _has_word_before(text, chosen) else ""]
    for index, (match, hit) in enumerate(chosen):
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if hit else word)
        if index < len(chosen) - 1:
            out.append(escape(text[match.end() : chosen[index + 1][0].start()]))
    last = chosen[-1][0]
    if WORD_RE.search(text, last.end()):
        out.append(" …")
    return mark_safe("".join(out))  # noqa: S308 # nosec B308 B703 # every piece is escaped above


def _has_word_before(text: str, chosen: list[tuple[re.Match[str], bool]]) -> bool:
    return WORD_RE.search(text, 0, chosen[0][0].start()) is not None
