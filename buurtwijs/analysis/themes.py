"""Theme scores: how much a text is about each of the 14 themes, in [0, 1].

The themes are read as data from ``core/data/themes.json`` (the analysis package
imports no app). A text's score for a theme grows with the concepts of the lexicon
it mentions (``lexicon.py``): one clear word gives about 0.6, two or more about 0.85
and up, a weak hint ("kennis", "activiteiten") about 0.3. Several themes can score
high at once; a text that names nothing scores 0 everywhere. Texts much longer than
a question are damped so that a whole page does not score 1 on every theme.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from buurtwijs.analysis.lexicon import Lexicon, TextFeatures, default_lexicon

THEMES_PATH = Path(__file__).parents[1] / "core" / "data" / "themes.json"

# A theme counts as assigned to a text from this score on; the top theme counts
# whenever it is above zero.
ASSIGN_THRESHOLD = 0.5
# Texts longer than this many words have their evidence scaled down by the square
# root of how much longer they are.
QUESTION_LENGTH = 40


@dataclass(frozen=True)
class ThemeInfo:
    """One theme of the taxonomy: stable slug and Dutch label."""

    slug: str
    label: str
    position: int


@dataclass(frozen=True)
class ThemeScore:
    """A text's score for one theme."""

    slug: str
    label: str
    score: float


@lru_cache(maxsize=1)
def load_themes() -> tuple[ThemeInfo, ...]:
    """The 14 themes in their fixed order."""
    data = json.loads(THEMES_PATH.read_text(encoding="utf-8"))
    themes = [
        ThemeInfo(slug=item["slug"], label=item["name"], position=item["position"])
        for item in data
    ]
    return tuple(sorted(themes, key=lambda theme: theme.position))


def raw_evidence(features: TextFeatures, lexicon: Lexicon) -> dict[str, float]:
    """The summed concept weights per theme slug."""
    evidence: dict[str, float] = {}
    for concept, strength in features.concepts.items():
        for slug, weight in lexicon.concepts[concept].themes.items():
            evidence[slug] = evidence.get(slug, 0.0) + strength * weight
    if features.length > QUESTION_LENGTH:
        damping = math.sqrt(QUESTION_LENGTH / features.length)
        evidence = {slug: value * damping for slug, value in evidence.items()}
    return evidence


def scores_from_features(
    features: TextFeatures,
    *,
    lexicon: Lexicon | None = None,
    themes: tuple[ThemeInfo, ...] | None = None,
) -> list[ThemeScore]:
    """All themes with their scores for the features of one text, highest first."""
    lexicon = lexicon or default_lexicon()
    themes = themes or load_themes()
    evidence = raw_evidence(features, lexicon)
    scored = [
        ThemeScore(
            slug=theme.slug,
            label=theme.label,
            score=round(1.0 - math.exp(-evidence.get(theme.slug, 0.0)), 4),
        )
        for theme in themes
    ]
    # Sorted is stable: equal scores keep the taxonomy's order.
    return sorted(scored, key=lambda item: -item.score)


def score_text(text: str) -> list[ThemeScore]:
    """All 14 themes with the text's score for each, highest first."""
    lexicon = default_lexicon()
    return scores_from_features(lexicon.features(text), lexicon=lexicon)


def score_texts(texts: list[str]) -> list[list[ThemeScore]]:
    """``score_text`` for each text, in order."""
    return [score_text(text) for text in texts]


def assigned(scores: list[ThemeScore]) -> list[str]:
    """The slugs that apply: the top theme if above zero, others from the threshold."""
    found = [item.slug for item in scores if item.score >= ASSIGN_THRESHOLD]
    if not found and scores and scores[0].score > 0:
        found = [scores[0].slug]
    return found
