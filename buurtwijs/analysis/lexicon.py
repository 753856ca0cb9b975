"""The concept lexicon: which concepts (and so which themes) a text mentions.

``data/lexicon.txt`` lists concepts, each with its theme weights and the words and
phrases that name it. A text's words are matched on their accent-free lemma, their
surface form and, only when the whole word names nothing, their compound parts
("jongerenproblematiek" → "jongeren"). Words the dictionary does not know are
matched on their stem and then within one or two typing slips of a lexicon word
("eenzaamhijd", "vrijwiligers"). Everything per word is cached, so 50,000 short
texts cost a few seconds.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from buurtwijs.analysis import dutch

LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.txt"

# Slips are looked for only in words this long: shorter words collide too often.
MIN_FUZZY = 5
# Two slips are allowed from this length on, one below it.
TWO_SLIPS = 9
# Longer "words" are not Dutch (a pasted URL, a key held down); looking them up
# would cost time that grows with their square, so they are skipped.
MAX_WORD = 60
# Slips are looked for only up to this length.
MAX_FUZZY = 30
# Modifiers of a compound say less than its head ("woninginbraak" is a burglary).
MODIFIER_WEIGHT = 0.6
# Words that are a verb, not the noun of the lexicon, before these words
# ("hoe zorg je dat", "zorgen dat"): no lexicon hits then.
VERB_READINGS = {
    "zorg": {"je", "jij", "ik", "we", "wij", "u", "dat", "ervoor", "er"},
    "zorgt": {"je", "jij", "u", "dat", "ervoor", "er"},
    "zorgen": {"we", "wij", "jullie", "ze", "zij", "dat", "ervoor", "er"},
}
# A word that names nothing may still start or end with a lexicon word of this
# length ("armoedebeleid", "buurtbudgetten").
MIN_AFFIX = 5


@dataclass(frozen=True)
class Concept:
    """A thing a question can be about, with how much it says about each theme."""

    name: str
    themes: dict[str, float]


@dataclass
class TextFeatures:
    """What the lexicon finds in one text."""

    concepts: dict[int, float] = field(default_factory=dict)  # concept → strength
    words: list[str] = field(default_factory=list)  # content lemmas and parts
    length: int = 0  # number of tokens


@dataclass(frozen=True)
class _Term:
    concept: int
    weight: float


def _word_key(word: str) -> str:
    """The accent-free lemma of one lower-cased word."""
    return dutch.strip_accents(dutch.lemma(word))


def _word_keys(word: str) -> tuple[str, ...]:
    """Every key a lexicon word can be found under: its form and its lemma.

    A lemma longer than the word is a noun read as a verb ("werk" → "werken"); it
    would make "hoe werkt dat" about work, so it is left out.
    """
    plain = dutch.strip_accents(word)
    base = _word_key(word)
    return (plain, base) if base != plain and len(base) <= len(plain) else (plain,)


def _deletes(word: str, depth: int) -> set[str]:
    """The word with up to ``depth`` letters deleted (symmetric-delete lookup)."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {
            item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))
        }
        found |= frontier
    return found


def _slips(left: str, right: str) -> int:
    """Optimal string alignment distance: insertions, deletions, swaps, transposes."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, start=1):
        current = [i] + [0] * len(right)
        for j, other in enumerate(right, start=1):
            cost = 0 if char == other else 1
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if (
                i > 1
                and j > 1
                and char == right[j - 2]
                and left[i - 2] == other
                and previous2
            ):
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class Lexicon:
    """The concepts of ``data/lexicon.txt`` and the means to find them in text."""

    def __init__(self, text: str) -> None:
        self.concepts: list[Concept] = []
        self.theme_codes: dict[str, str] = {}
        self._exact: dict[str, list[_Term]] = {}
        self._stems: dict[str, list[_Term]] = {}
        self._prefixes: list[tuple[str, _Term]] = []
        self._phrases: dict[str, list[tuple[tuple[str, ...], _Term]]] = {}
        self._fuzzy: dict[str, set[str]] = {}
        self._parse(text)
        # Per-word caches belong to this lexicon, not to the module.
        self.word_hits = lru_cache(maxsize=300_000)(self._word_hits)

    # Reading the file

    def _parse(self, text: str) -> None:
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                code, slug = line[1:].split()
                self.theme_codes[code] = slug
                continue
            try:
                name, weights, terms = (part.strip() for part in line.split("|"))
            except ValueError as error:
                raise ValueError(f"lexicon line {number}: {line!r}") from error
            themes: dict[str, float] = {}
            if weights != "-":
                for item in weights.split():
                    code, weight = item.split(":")
                    themes[self.theme_codes[code]] = float(weight)
            index = len(self.concepts)
            self.concepts.append(Concept(name=name, themes=themes))
            for term in terms.split(","):
                self._add_term(term.strip(), index)

    def _add_term(self, term: str, concept: int) -> None:
        if not term:
            return
        weight = 1.0
        if ":" in term:
            term, share = term.rsplit(":", 1)
            weight = float(share)
        entry = _Term(concept=concept, weight=weight)
        if term.endswith("*"):
            prefix = dutch.strip_accents(term[:-1].lower())
            self._prefixes.append((prefix, entry))
            self._index_word(prefix, entry)
            return
        words = dutch.tokens(term)
        if not words:
            return
        if len(words) == 1:
            for key in _word_keys(words[0]):
                self._index_word(key, entry)
            self._stems.setdefault(dutch.stem(_word_key(words[0])), []).append(entry)
            return
        # Stop words in a phrase must occur as they are ("wat werkt"), and so must
        # words whose lemma is one ("eentje" → "een").
        keys = tuple(
            word
            if word in dutch.STOP_WORDS or _word_key(word) in dutch.STOP_WORDS
            else _word_keys(word)[-1]
            for word in words
        )
        self._phrases.setdefault(keys[0], []).append((keys, entry))

    def _index_word(self, key: str, entry: _Term) -> None:
        self._exact.setdefault(key, []).append(entry)
        if len(key) >= MIN_FUZZY:
            depth = 2 if len(key) >= TWO_SLIPS else 1
            for variant in _deletes(key, depth):
                self._fuzzy.setdefault(variant, set()).add(key)

    # Matching

    def _lookup(self, keys: Iterable[str]) -> list[_Term]:
        hits: list[_Term] = []
        for key in keys:
            hits.extend(self._exact.get(key, ()))
            for prefix, entry in self._prefixes:
                if key.startswith(prefix):
                    hits.append(entry)
        return hits

    def _affix_hits(self, word: str) -> list[_Term]:
        """Lexicon words that a compound unknown to the splitter starts or ends with."""
        hits: list[_Term] = []
        for cut in range(MIN_AFFIX, len(word) - 2):
            hits.extend(self._exact.get(word[:cut], ()))
        for cut in range(3, len(word) - MIN_AFFIX + 1):
            hits.extend(self._exact.get(word[cut:], ()))
        return hits

    def _longest_suffix(self, word: str) -> list[_Term]:
        """The hits of the longest lexicon word the word ends with ("…overlast")."""
        for cut in range(3, len(word) - MIN_AFFIX + 1):
            if word[cut:] in self._exact:
                return list(self._exact[word[cut:]])
        return []

    def _fuzzy_hits(self, word: str) -> list[_Term]:
        depth = 2 if len(word) >= TWO_SLIPS else 1
        candidates: set[str] = set()
        for variant in _deletes(word, depth):
            candidates |= self._fuzzy.get(variant, set())
        best: list[_Term] = []
        closest = depth + 1
        for candidate in sorted(candidates):
            distance = _slips(word, candidate)
            if distance < closest:
                closest, best = distance, list(self._exact[candidate])
            elif distance == closest:
                best.extend(self._exact[candidate])
        return best if closest <= depth else []

    def _word_hits(self, token: str) -> tuple[str, tuple[str, ...], tuple[_Term, ...]]:
        """The plain form, keys (lemma, parts) and lexicon hits of one token."""
        plain = dutch.strip_accents(token)
        if len(token) > MAX_WORD:
            return plain, (), ()
        term = dutch.term(token)
        if term is None:
            return plain, (), ()
        keys = tuple(dict.fromkeys((term.lemma, *term.parts)))
        hits = [hit for key in (plain, term.lemma) for hit in self._exact.get(key, ())]
        if not hits:
            # A prefix ("jongeren…") does not hide what the other parts name
            # ("jongerenoverlast"), but a whole word does ("buurthuis", not "huis").
            head = term.parts[-1:] if term.parts else (plain, term.lemma)
            modifiers = dict.fromkeys((plain, term.lemma, *term.parts[:-1]))
            hits = self._lookup(dict.fromkeys(head)) or self._longest_suffix(plain)
            hits += [
                _Term(concept=hit.concept, weight=hit.weight * MODIFIER_WEIGHT)
                if term.parts
                else hit
                for hit in self._lookup(key for key in modifiers if key not in head)
            ]
        if not hits and len(plain) >= 2 * MIN_AFFIX - 1:
            hits = self._affix_hits(plain)
        # Stems and slips only for words the dictionary does not know: a known
        # word means what it says ("werkt" is not "werk").
        unknown = (
            not hits
            and MIN_FUZZY <= len(plain) <= MAX_FUZZY
            and not dutch.is_known_word(token)
        )
        if unknown:
            hits = list(self._stems.get(dutch.stem(term.lemma), ()))
        if unknown and not hits:
            hits = self._fuzzy_hits(plain)
        # One word counts once per concept, however many of its forms matched.
        strongest: dict[int, _Term] = {}
        for hit in hits:
            if (
                hit.concept not in strongest
                or hit.weight > strongest[hit.concept].weight
            ):
                strongest[hit.concept] = hit
        return plain, keys, tuple(strongest.values())

    def features(self, text: str) -> TextFeatures:
        """The concepts and content words of a text."""
        found = TextFeatures()
        hits: dict[int, list[float]] = {}
        seen: set[str] = set()
        word_hits: list[tuple[tuple[str, ...], tuple[_Term, ...]]] = []
        words = dutch.tokens(text)
        for position, token in enumerate(words):
            found.length += 1
            plain, keys, token_hits = self.word_hits(token)
            # Phrases match whole words, never compound parts.
            seen.add(plain)
            if not keys:
                continue
            found.words.extend(keys)
            seen.add(keys[0])
            following = words[position + 1] if position + 1 < len(words) else ""
            if following in VERB_READINGS.get(token, ()):
                continue
            word_hits.append(((plain, *keys), token_hits))
        # A phrase outweighs its words: "weinig geld" is about poverty, not funding.
        covered: set[str] = set()
        for key in seen:
            for phrase, entry in self._phrases.get(key, ()):
                if all(word in seen for word in phrase[1:]):
                    hits.setdefault(entry.concept, []).append(entry.weight)
                    covered.update(phrase)
        for keys, token_hits in word_hits:
            if covered and not covered.isdisjoint(keys):
                continue
            for hit in token_hits:
                hits.setdefault(hit.concept, []).append(hit.weight)
        for concept, weights in hits.items():
            # More words for the same concept make it a little surer, not louder.
            weights.sort(reverse=True)
            found.concepts[concept] = min(1.5, weights[0] + 0.25 * sum(weights[1:3]))
        return found


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``data/lexicon.txt``, read once per process."""
    return Lexicon(LEXICON_PATH.read_text(encoding="utf-8"))
