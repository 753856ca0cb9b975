"""The Dutch text pipeline: normalisation, tokens, lemmas, compound parts and stems.

Plain functions on strings, no Django. Search uses them on both databases so that
"buurtcoöperaties" meets "buurtcooperatie", "statuten" meets "statuut" and "subsidie
aanvragen" meets "subsidieaanvraag":

1. lower-case and split into word tokens (letters and digits; hyphens split);
2. lemmatise with simplemma's Dutch dictionary ("statuten" → "statuut");
3. split compounds whose parts are known Dutch words, with the linking -s- and -e(n)-
   ("ontmoetingsplekken" → "ontmoeting" + "plek");
4. drop accents ("coöperatie" → "cooperatie") and stop words;
5. stem with Snowball's ``dutch_porter``, the algorithm of PostgreSQL's ``dutch``
   text-search configuration.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)

# Words too common to mean anything in a search or an analysis. Snowball's Dutch
# list, plus a few words every page of a neighbourhood network uses.
STOP_WORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij
    hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn
    moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen
    toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden
    wordt zal ze zelf zich zij zijn zo zonder zou
    """.split()
)

# Compounds are split only into parts of at least this many letters, so that
# "gemeente" does not become "gem" + "eente".
MIN_PART = 4
MIN_COMPOUND = 2 * MIN_PART
# Longer "words" are not Dutch (hashes, URLs, keyboard mashing): they are kept as
# they are, because looking them up and splitting them costs time that grows fast
# with their length.
MAX_WORD = 40
LINKS = ("", "s", "e", "en")

_stemmer = snowballstemmer.stemmer("dutch_porter")


def strip_accents(text: str) -> str:
    """The text without diacritics: "coöperatie" → "cooperatie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """The lower-cased words of the text, in order."""
    return WORD_RE.findall(text.lower())


@lru_cache(maxsize=1)
def _accented_forms() -> dict[str, str]:
    """Dictionary words with diacritics, by their spelling without them."""
    forms: dict[str, str] = {}
    for word in DefaultDictionaryFactory().get_dictionary("nl"):
        if not word.isascii():
            forms.setdefault(strip_accents(word), word)
    return forms


@lru_cache(maxsize=200_000)
def restore_accents(word: str) -> str:
    """The dictionary spelling of a word typed without its diacritics, if known.

    People type "cooperaties" for "coöperaties"; the dictionary knows only the
    latter, and its lemma.
    """
    if word.isascii() and not simplemma.is_known(word, lang="nl"):
        return _accented_forms().get(word, word)
    return word


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a lower-cased Dutch word ("statuten" → "statuut")."""
    if word.isdigit() or len(word) > MAX_WORD:
        return word
    word = restore_accents(word)
    found = simplemma.lemmatize(word, lang="nl")
    # A few dictionary entries are phrases ("gemeente_raad"); keep the word then.
    return found if found.isalnum() else word


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """Whether the Dutch dictionary knows a lower-cased word (diacritics optional)."""
    return simplemma.is_known(restore_accents(word), lang="nl")


@lru_cache(maxsize=200_000)
def _known(word: str) -> bool:
    return len(word) >= MIN_PART and simplemma.is_known(
        restore_accents(word), lang="nl"
    )


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The lemmas of a compound's parts, or () when the word is not a compound.

    The first part is tried longest first; "subsidieaanvraag" gives
    ("subsidie", "aanvraag") and "buurtcoöperaties" ("buurt", "coöperatie").
    """
    if not MIN_COMPOUND <= len(word) <= MAX_WORD or word.isdigit():
        return ()
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[cut:]
        head_lemma = lemma(head)
        if _known(head_lemma) or (_known(head) and len(head_lemma) >= MIN_PART):
            head_parts: tuple[str, ...] = (head_lemma,)
        else:
            head_parts = compound_parts(head)
        if not head_parts:
            continue
        for link in LINKS:
            modifier = word[:cut]
            if link:
                if not modifier.endswith(link):
                    continue
                modifier = modifier[: -len(link)]
            if _known(modifier):
                return (lemma(modifier), *head_parts)
    return ()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball ``dutch_porter`` stem of an accent-free lower-cased word."""
    return _stemmer.stemWord(word)


@dataclass(frozen=True)
class Term:
    """One word of a text as search and analysis see it."""

    lemma: str  # accent-free dictionary form
    parts: tuple[str, ...]  # accent-free lemmas of its compound parts, if any


@lru_cache(maxsize=200_000)
def term(word: str) -> Term | None:
    """The term for one lower-cased token, or None for a stop word."""
    if word in STOP_WORDS:
        return None
    base = lemma(word)
    if base in STOP_WORDS:
        return None
    parts = compound_parts(word) or compound_parts(base)
    if parts and base == word:
        base = _compound_lemma(word, parts[-1])
    return Term(
        lemma=strip_accents(base),
        parts=tuple(strip_accents(part) for part in parts),
    )


def _compound_lemma(word: str, head_lemma: str) -> str:
    """A compound the dictionary does not know, with its head in dictionary form.

    "buurtcoöperaties" → "buurtcoöperatie", as "coöperaties" → "coöperatie".
    """
    for cut in range(1, len(word) - MIN_PART + 1):
        if lemma(word[cut:]) == head_lemma:
            return word[:cut] + head_lemma
    return word


def terms(text: str) -> list[Term]:
    """The terms of a text, in order, stop words left out."""
    found = []
    for word in tokens(text):
        item = term(word)
        if item is not None:
            found.append(item)
    return found


def index_words(text: str) -> list[str]:
    """Accent-free lemmas of the text with each compound's parts after it.

    This is what a full-text index holds: PostgreSQL stems it with its ``dutch``
    configuration, SQLite's index gets it through ``stem``.
    """
    words: list[str] = []
    for item in terms(text):
        words.append(item.lemma)
        words.extend(item.parts)
    return words


def stems(text: str) -> set[str]:
    """Every stem a text yields, its compound parts included (for highlighting)."""
    return {stem(word) for word in index_words(text)}


def warm_up() -> None:
    """Load the dictionary and the accent table, which the first lookup would do."""
    lemma("buurtcoöperaties")
    _accented_forms()
