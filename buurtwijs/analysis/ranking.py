"""Ranking themes and clusters by questions, "ook mijn vraag" votes and urgency.

Each question weighs ``1 + VOTE_WEIGHT × votes``, times an urgency factor when the
asker stated one on the 1–5 scale (3 is neutral: 1 → 0.6, 5 → 1.4). A theme gets
the weight of every question assigned to it, a cluster that of its members. Ties
keep the number of questions, then the given order.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

VOTE_WEIGHT = 0.5
URGENCY_NEUTRAL = 3
URGENCY_STEP = 0.2


@dataclass(frozen=True)
class RankInput:
    """One question as ranking sees it."""

    themes: Sequence[str]  # the slugs assigned to it
    cluster: str
    votes: int = 0
    urgency: int | None = None  # 1 (not urgent) … 5 (very urgent)


@dataclass(frozen=True)
class Ranked:
    """A theme slug or cluster id with its score and number of questions."""

    key: str
    score: float
    questions: int
    votes: int


def question_weight(item: RankInput) -> float:
    """What one question adds to its themes and cluster."""
    weight = 1.0 + VOTE_WEIGHT * max(0, item.votes)
    if item.urgency is not None:
        urgency = min(5, max(1, item.urgency))
        weight *= 1.0 + URGENCY_STEP * (urgency - URGENCY_NEUTRAL)
    return weight


def _rank(pairs: Iterable[tuple[str, RankInput]], order: Sequence[str]) -> list[Ranked]:
    score: dict[str, float] = dict.fromkeys(order, 0.0)
    questions: dict[str, int] = dict.fromkeys(order, 0)
    votes: dict[str, int] = dict.fromkeys(order, 0)
    for key, item in pairs:
        score[key] = score.get(key, 0.0) + question_weight(item)
        questions[key] = questions.get(key, 0) + 1
        votes[key] = votes.get(key, 0) + max(0, item.votes)
    position = {key: index for index, key in enumerate(score)}
    ranked = [
        Ranked(
            key=key, score=round(value, 4), questions=questions[key], votes=votes[key]
        )
        for key, value in score.items()
    ]
    return sorted(ranked, key=lambda r: (-r.score, -r.questions, position[r.key]))


def rank_themes(items: Sequence[RankInput], themes: Sequence[str] = ()) -> list[Ranked]:
    """Themes from most to least pressing; ``themes`` lists slugs to include at 0."""
    return _rank(((slug, item) for item in items for slug in item.themes), themes)


def rank_clusters(items: Sequence[RankInput]) -> list[Ranked]:
    """Clusters from most to least pressing."""
    return _rank(((item.cluster, item) for item in items), ())
