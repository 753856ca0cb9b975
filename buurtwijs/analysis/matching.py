"""Who knows what: rank candidates (people, cases, documents, initiatives) for a text.

Plain data in, plain data out; no Django. A ``MatchIndex`` is built once per kind
from ``Candidate`` rows and answers many queries:

- **text**: TF-IDF cosine over the Dutch pipeline's features of each word (the
  Snowball stem of its lemma, and of its compound parts at half weight in the
  query), so "voedselbanken" meets "voedselbank" and "schuldhulp" meets
  "schuldhulpverlening". Query words within one or two typing slips of a word in
  the candidates' texts count too ("vrijwiligers", "eenzaamhijd");
- **themes**: the query's theme scores (``analysis.themes``) against each
  candidate's themes;
- **place**: same municipality, else distance between municipalities (same
  province counts a little).

The score is relevance (text and themes) times a place factor, so a place only
reorders candidates that are relevant anyway. Each match carries structured
reasons (kind and value); the web layer turns them into words in the reader's
language ("zelfde thema: Armoede en schulden", "ervaring met: voedselbank", "in
dezelfde provincie").
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from buurtwijs.analysis import dutch
from buurtwijs.analysis.lexicon import _deletes, _slips
from buurtwijs.analysis.themes import load_themes, score_text

# A query longer than this is cut: a pasted page should not stall a request.
MAX_QUERY_CHARS = 5_000
MAX_QUERY_WORDS = 300
# Compound parts say less than the whole word ("voedsel" in "voedselbank").
PART_WEIGHT = 0.5
# A word within a typing slip of the query word counts this much.
SLIP_WEIGHT = 0.8
MIN_SLIP_WORD = 6
TWO_SLIPS = 9
# Relevance is text and themes; place multiplies it by PLACE_FLOOR … 1.
TEXT_WEIGHT = 0.65
THEME_WEIGHT = 0.35
PLACE_FLOOR = 0.85
# A query theme counts from this score on, and is named in reasons from REASON_THEME.
QUERY_THEME_MIN = 0.3
REASON_THEME = 0.5
# Distances: "nearby" up to NEARBY_KM; the place score halves every HALF_KM.
NEARBY_KM = 25.0
HALF_KM = 15.0
PROVINCE_PLACE = 0.5
# At most this many matched words are named in a reason.
REASON_WORDS = 3


@dataclass(frozen=True)
class Place:
    """A municipality as matching needs it."""

    id: int
    name: str
    province: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Candidate:
    """One thing that can be suggested, with only what may be used to match it."""

    id: str
    text: str = ""
    themes: tuple[str, ...] = ()
    municipality: int | None = None


@dataclass(frozen=True)
class Reason:
    """Why a candidate was suggested: kind is theme, words, municipality, province
    or nearby; value is a theme slug, matched words, a municipality name or km."""

    kind: str
    value: str


@dataclass(frozen=True)
class Match:
    """A ranked candidate: its id, score in [0, 1], relevance and reasons."""

    id: str
    score: float
    relevance: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Query:
    """What to match: text, and optionally themes and a municipality.

    ``themes`` replaces the text's own theme scores (a learning question's stored
    themes); ``municipality`` None means: look for a municipality named in the text.
    """

    text: str
    themes: Mapping[str, float] | None = None
    municipality: int | None = None


@dataclass
class _QueryTerms:
    weights: dict[int, float] = field(default_factory=dict)  # feature → weight


@lru_cache(maxsize=300_000)
def _word_features(token: str) -> tuple[tuple[str, ...], str]:
    """The features of one lower-cased word (stem of its lemma first, then of its
    parts) and its accent-free lemma; ((), "") for stop words and non-words."""
    if len(token) > dutch.MAX_WORD or token.isdigit():
        return (), ""
    term = dutch.term(token)
    if term is None:
        return (), ""
    main = dutch.stem(term.lemma)
    parts = tuple(
        dict.fromkeys(
            dutch.stem(part)
            for part in term.parts
            if len(part) >= dutch.MIN_PART and dutch.stem(part) != main
        )
    )
    return (main, *parts), term.lemma


def text_features(text: str) -> list[str]:
    """Every feature of a text, main features twice (they weigh more than parts)."""
    found: list[str] = []
    for token in dutch.tokens(text):
        features, _lemma = _word_features(token)
        if features:
            found.append(features[0])
            found.append(features[0])
            found.extend(features[1:])
    return found


class Geography:
    """Municipalities by id, with a fast distance from one to all others."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.places = {place.id: place for place in places}
        self.ids = [place.id for place in places]
        self.position = {pid: i for i, pid in enumerate(self.ids)}
        self.province = np.array([place.province for place in places], dtype=np.int64)
        self.lat = np.radians(np.array([p.latitude for p in places], dtype=np.float64))
        self.lon = np.radians(np.array([p.longitude for p in places], dtype=np.float64))
        self._names = self._name_table(places)

    @staticmethod
    def _name_table(places: Sequence[Place]) -> dict[tuple[str, ...], int]:
        table: dict[tuple[str, ...], int] = {}
        for place in places:
            key = tuple(dutch.tokens(dutch.strip_accents(place.name)))
            if key:
                table.setdefault(key, place.id)
        return table

    def distances_km(self, municipality: int) -> np.ndarray:
        """Distance from one municipality to each, in the order of ``ids``."""
        i = self.position[municipality]
        dlat = self.lat - self.lat[i]
        dlon = self.lon - self.lon[i]
        a = (
            np.sin(dlat / 2) ** 2
            + np.cos(self.lat[i]) * np.cos(self.lat) * np.sin(dlon / 2) ** 2
        )
        return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))

    def find_in_text(self, text: str) -> int | None:
        """A municipality the text names ("in Rotterdam", "Den Haag"), if any.

        A name that is also a Dutch word ("Best", "Putten") counts only when
        written with a capital.
        """
        if not self._names:
            return None
        words = dutch.WORD_RE.findall(dutch.strip_accents(text[:MAX_QUERY_CHARS]))
        lowered = [word.lower() for word in words]
        for start in range(len(words)):
            for length in (4, 3, 2, 1):
                key = tuple(lowered[start : start + length])
                if len(key) < length or key not in self._names:
                    continue
                ambiguous = length == 1 and (
                    key[0] in dutch.STOP_WORDS or dutch.is_known_word(key[0])
                )
                if ambiguous and not words[start][:1].isupper():
                    continue
                return self._names[key]
        return None


class MatchIndex:
    """Candidates of one kind, vectorised once, ranked for many queries."""

    def __init__(self, candidates: Sequence[Candidate], geography: Geography) -> None:
        self.geography = geography
        self.ids = [candidate.id for candidate in candidates]
        self.texts = [candidate.text for candidate in candidates]
        self.themes = [candidate.themes for candidate in candidates]
        self.municipality = [candidate.municipality for candidate in candidates]
        self._build_text(candidates)
        self._build_themes(candidates)
        self._build_places(candidates)

    def __len__(self) -> int:
        return len(self.ids)

    # Building

    def _build_text(self, candidates: Sequence[Candidate]) -> None:
        # Words are counted per text in C (CountVectorizer), then mapped to their
        # features by one sparse product: the Dutch pipeline runs once per
        # distinct word, not once per word of every text.
        counter = CountVectorizer(
            token_pattern=dutch.WORD_RE.pattern, lowercase=True, dtype=np.float32
        )
        n = len(candidates)
        try:
            words = counter.fit_transform(candidate.text for candidate in candidates)
            tokens = counter.get_feature_names_out().tolist()
        except ValueError:  # no words at all
            words = sp.csr_matrix((n, 0), dtype=np.float32)
            tokens = []
        vocabulary: dict[str, int] = {}
        lemmas: dict[str, str] = {}  # accent-free lemma → its main feature
        rows: list[int] = []
        cols: list[int] = []
        weights: list[float] = []
        for row, token in enumerate(tokens):
            features, lemma = _word_features(token)
            if not features:
                continue
            for position, feature in enumerate(features):
                rows.append(row)
                cols.append(vocabulary.setdefault(feature, len(vocabulary)))
                # The word itself counts twice, each compound part once.
                weights.append(2.0 if position == 0 else 1.0)
            if len(lemma) >= MIN_SLIP_WORD:
                lemmas.setdefault(lemma, features[0])
        mapping = sp.csr_matrix(
            (np.array(weights, dtype=np.float32), (rows, cols)),
            shape=(len(tokens), len(vocabulary)),
        )
        matrix = sp.csr_matrix(words @ mapping, dtype=np.float32)
        matrix.eliminate_zeros()
        matrix.data = 1.0 + np.log(matrix.data)
        df = np.bincount(matrix.indices, minlength=len(vocabulary))
        self.df = df
        self.idf = (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32)
        matrix = sp.csr_matrix(matrix @ sp.diags(self.idf), dtype=np.float32)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        # Columns are read per query word: compressed by column.
        self.matrix = sp.csc_matrix(sp.diags(1.0 / norms) @ matrix, dtype=np.float32)
        self.vocabulary = vocabulary
        self.lemmas = lemmas
        self._slips: dict[str, set[str]] = {}
        for lemma in lemmas:
            for variant in _deletes(lemma, 1):
                self._slips.setdefault(variant, set()).add(lemma)

    def _build_themes(self, candidates: Sequence[Candidate]) -> None:
        self.theme_slugs = [theme.slug for theme in load_themes()]
        position = {slug: i for i, slug in enumerate(self.theme_slugs)}
        matrix = np.zeros((len(candidates), len(self.theme_slugs)), dtype=np.float32)
        for row, candidate in enumerate(candidates):
            for slug in candidate.themes:
                if slug in position:
                    matrix[row, position[slug]] = 1.0
        # Few distinct sets of themes occur: score each set once per query and
        # give every candidate its set's score.
        combos, self.theme_combo = np.unique(matrix, axis=0, return_inverse=True)
        self.theme_combos = combos.astype(np.float32)
        self.theme_combo = self.theme_combo.ravel()
        self.theme_matrix = matrix

    def _build_places(self, candidates: Sequence[Candidate]) -> None:
        positions = self.geography.position
        self.place_index = np.array(
            [
                positions.get(candidate.municipality, -1)
                if candidate.municipality is not None
                else -1
                for candidate in candidates
            ],
            dtype=np.int64,
        )

    # Querying

    def _slip_neighbours(self, lemma: str) -> list[str]:
        """Lemmas in the candidates' texts within a typing slip of this one."""
        if len(lemma) < MIN_SLIP_WORD or len(lemma) > dutch.MAX_WORD:
            return []
        allowed = 2 if len(lemma) >= TWO_SLIPS else 1
        found: set[str] = set()
        for variant in _deletes(lemma, 1):
            found |= self._slips.get(variant, set())
        found.discard(lemma)
        return sorted(
            other
            for other in found
            if abs(len(other) - len(lemma)) <= allowed
            and _slips(lemma, other) <= allowed
        )

    def _query_terms(self, text: str) -> _QueryTerms:
        """Feature weights of the query (typing slips in the candidates included)."""
        terms = _QueryTerms()
        counts: dict[str, float] = {}
        slips: dict[str, float] = {}
        for token in dutch.tokens(text[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]:
            features, lemma = _word_features(token)
            if not features:
                continue
            counts[features[0]] = counts.get(features[0], 0.0) + 1.0
            for part in features[1:]:
                counts[part] = counts.get(part, 0.0) + PART_WEIGHT
            known = self.vocabulary.get(features[0])
            main_df = int(self.df[known]) if known is not None else 0
            for other in self._slip_neighbours(lemma):
                feature = self.lemmas[other]
                column = self.vocabulary[feature]
                # A query word nobody wrote is taken as a slip of what they did
                # write; otherwise only rarer words that are no Dutch word are
                # taken as slips of the query word.
                slip = known is None or (
                    self.df[column] * 2 <= main_df and not dutch.is_known_word(other)
                )
                if slip and feature != features[0]:
                    slips[feature] = max(slips.get(feature, 0.0), SLIP_WEIGHT)
        for feature, weight in slips.items():
            counts[feature] = max(counts.get(feature, 0.0), weight)
        for feature, count in counts.items():
            found = self.vocabulary.get(feature)
            if found is None:
                continue
            tf = 1.0 + math.log(count) if count >= 1 else count
            terms.weights[found] = tf * float(self.idf[found])
        return terms

    def _query_themes(self, query: Query) -> np.ndarray:
        if query.themes is not None:
            scores = dict(query.themes)
        else:
            scores = {
                item.slug: item.score
                for item in score_text(query.text[:MAX_QUERY_CHARS])
            }
        vector = np.array(
            [scores.get(slug, 0.0) for slug in self.theme_slugs], dtype=np.float32
        )
        vector[vector < QUERY_THEME_MIN] = 0.0
        return vector

    def _place_scores(self, municipality: int | None) -> tuple[np.ndarray, np.ndarray]:
        """Place score and distance (km) per municipality position, for the query."""
        geography = self.geography
        if municipality is None or municipality not in geography.position:
            empty = np.zeros(len(geography.ids), dtype=np.float64)
            return empty, np.full(len(geography.ids), np.inf)
        distance = geography.distances_km(municipality)
        score = np.exp2(-distance / HALF_KM)
        own = geography.province[geography.position[municipality]]
        score = np.maximum(
            score, np.where(geography.province == own, PROVINCE_PLACE, 0)
        )
        return score, distance

    def search(self, query: Query, *, limit: int = 10) -> list[Match]:
        """The best candidates for the query, best first (ties in index order)."""
        n = len(self.ids)
        if n == 0 or limit < 1:
            return []
        terms = self._query_terms(query.text)
        text_scores = np.zeros(n, dtype=np.float32)
        if terms.weights:
            columns = np.fromiter(terms.weights, dtype=np.int64)
            weights = np.fromiter(terms.weights.values(), dtype=np.float32)
            weights /= np.linalg.norm(weights) or 1.0
            text_scores = np.asarray(self.matrix[:, columns] @ weights).ravel()
        query_themes = self._query_themes(query)
        if query_themes.any() and len(self.theme_combos):
            shared = self.theme_combos * query_themes
            best = shared.max(axis=1)
            per_combo = np.minimum(1.0, best + 0.15 * (shared.sum(axis=1) - best))
            theme_scores = per_combo[self.theme_combo]
        else:
            theme_scores = np.zeros(n, dtype=np.float32)
        relevance = TEXT_WEIGHT * text_scores + THEME_WEIGHT * theme_scores
        municipality = query.municipality
        if municipality is None:
            municipality = self.geography.find_in_text(query.text)
        place_by_position, distance_by_position = self._place_scores(municipality)
        known = self.place_index >= 0
        place = np.zeros(n, dtype=np.float64)
        place[known] = place_by_position[self.place_index[known]]
        scores = relevance * (PLACE_FLOOR + (1 - PLACE_FLOOR) * place)
        candidates = np.flatnonzero(relevance > 0)
        if candidates.size == 0:
            return []
        if candidates.size > limit:
            top = np.argpartition(-scores[candidates], limit - 1)[:limit]
            candidates = candidates[top]
        order = sorted(candidates.tolist(), key=lambda i: (-float(scores[i]), i))
        matched = set(terms.weights)
        return [
            Match(
                id=self.ids[i],
                score=round(float(scores[i]), 4),
                relevance=round(float(relevance[i]), 4),
                reasons=self._reasons(
                    i,
                    matched=matched,
                    query_themes=query_themes,
                    municipality=municipality,
                    distance=(
                        float(distance_by_position[self.place_index[i]])
                        if self.place_index[i] >= 0
                        else math.inf
                    ),
                ),
            )
            for i in order
        ]

    def best_relevance(self, query: Query) -> float:
        """The relevance of the best candidate (0 when nothing matches)."""
        found = self.search(query, limit=1)
        return found[0].relevance if found else 0.0

    # Reasons

    def _matched_words(self, row: int, matched: set[int]) -> list[str]:
        words: dict[str, None] = {}
        partial: dict[str, None] = {}
        for token in dict.fromkeys(dutch.tokens(self.texts[row])):
            if len(words) >= REASON_WORDS:
                break
            features, _lemma = _word_features(token)
            if not features:
                continue
            main = self.vocabulary.get(features[0])
            if main is not None and main in matched:
                words.setdefault(token, None)
            elif any(self.vocabulary.get(part) in matched for part in features[1:]):
                partial.setdefault(token, None)
        return list(words or partial)[:REASON_WORDS]

    def _reasons(
        self,
        row: int,
        *,
        matched: set[int],
        query_themes: np.ndarray,
        municipality: int | None,
        distance: float,
    ) -> tuple[Reason, ...]:
        reasons: list[Reason] = []
        top = float(query_themes.max()) if query_themes.size else 0.0
        for position in np.argsort(-query_themes, kind="stable"):
            score = float(query_themes[position])
            if score <= 0 or (score < REASON_THEME and score < top):
                break
            if self.theme_matrix[row, position]:
                reasons.append(Reason("theme", self.theme_slugs[position]))
        words = self._matched_words(row, matched)
        if words:
            reasons.append(Reason("words", ", ".join(words)))
        own = self.municipality[row]
        if municipality is not None and own is not None:
            places = self.geography.places
            if own == municipality:
                reasons.append(Reason("municipality", places[own].name))
            elif distance <= NEARBY_KM:
                reasons.append(Reason("nearby", str(max(1, round(distance)))))
            elif places[own].province == places[municipality].province:
                reasons.append(Reason("province", ""))
        return tuple(reasons)
