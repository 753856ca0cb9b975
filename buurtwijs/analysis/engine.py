"""The analysis of a set of learning questions: themes, clusters and ranking.

``analyse`` takes and returns plain dataclasses, so the command, the API, tasks and
tests all call the same thing. It reports progress through an optional callback
``progress(stage, done, total)`` and can start from earlier clusters (incremental
re-analysis: questions close to an earlier cluster join it under its id and label).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from buurtwijs.analysis.clusters import (
    PreviousCluster,
    ProgressCallback,
    cluster_questions,
)
from buurtwijs.analysis.lexicon import default_lexicon
from buurtwijs.analysis.ranking import RankInput, rank_clusters, rank_themes
from buurtwijs.analysis.themes import (
    ThemeScore,
    assigned,
    load_themes,
    scores_from_features,
)

# Only the start of a very long text is analysed: a question is not a book, and a
# pasted document should not stall a whole run.
MAX_ANALYSED_CHARS = 20_000
PROGRESS_EVERY = 5_000


@dataclass(frozen=True)
class QuestionIn:
    """One learning question to analyse."""

    id: str
    text: str
    municipality: str = ""
    role: str = ""
    votes: int = 0
    urgency: int | None = None


@dataclass
class ItemResult:
    """A question's theme scores (all themes, highest first) and cluster."""

    id: str
    themes: list[ThemeScore]
    assigned: list[str]
    cluster: str


@dataclass
class ClusterResult:
    """A cluster with its label, main theme, size and example question ids."""

    id: str
    label: str
    theme: str
    size: int
    examples: list[str]
    score: float
    votes: int


@dataclass
class ThemeCount:
    """How many questions a theme was assigned to, and its ranking score."""

    slug: str
    label: str
    count: int
    score: float


@dataclass
class AnalysisResult:
    """Everything ``analyse`` found, ranked; ``skipped`` holds ids of empty texts."""

    items: list[ItemResult]
    clusters: list[ClusterResult]
    themes: list[ThemeCount]
    skipped: list[str] = field(default_factory=list)


def analyse(
    questions: Sequence[QuestionIn],
    *,
    previous: Sequence[PreviousCluster] = (),
    progress: ProgressCallback | None = None,
) -> AnalysisResult:
    """Score, cluster and rank learning questions; empty texts are skipped."""
    lexicon = default_lexicon()
    taxonomy = load_themes()
    kept = [question for question in questions if question.text.strip()]
    skipped = [question.id for question in questions if not question.text.strip()]
    texts = [question.text[:MAX_ANALYSED_CHARS] for question in kept]

    features = []
    scores: list[list[ThemeScore]] = []
    for done, text in enumerate(texts, start=1):
        item = lexicon.features(text)
        features.append(item)
        scores.append(scores_from_features(item, lexicon=lexicon, themes=taxonomy))
        if progress and (done % PROGRESS_EVERY == 0 or done == len(texts)):
            progress("themes", done, len(texts))
    top = [found[0].slug if found[0].score > 0 else "" for found in scores]
    clustering = cluster_questions(
        texts, top, features=features, previous=previous, progress=progress
    )

    items = [
        ItemResult(
            id=question.id,
            themes=found,
            assigned=assigned(found),
            cluster=cluster,
        )
        for question, found, cluster in zip(
            kept, scores, clustering.assignment, strict=True
        )
    ]
    rank_inputs = [
        RankInput(
            themes=item.assigned,
            cluster=item.cluster,
            votes=question.votes,
            urgency=question.urgency,
        )
        for question, item in zip(kept, items, strict=True)
    ]
    by_id = {cluster.id: cluster for cluster in clustering.clusters}
    clusters = []
    for ranked in rank_clusters(rank_inputs):
        cluster = by_id[ranked.key]
        clusters.append(
            ClusterResult(
                id=cluster.id,
                label=cluster.label,
                theme=cluster.theme,
                size=cluster.size,
                examples=[kept[position].id for position in cluster.examples],
                score=ranked.score,
                votes=ranked.votes,
            )
        )
    labels = {theme.slug: theme.label for theme in taxonomy}
    themes = [
        ThemeCount(
            slug=ranked.key,
            label=labels.get(ranked.key, ranked.key),
            count=ranked.questions,
            score=ranked.score,
        )
        for ranked in rank_themes(rank_inputs, [theme.slug for theme in taxonomy])
    ]
    if progress:
        progress("ranked", len(items), len(items))
    return AnalysisResult(
        items=items, clusters=clusters, themes=themes, skipped=skipped
    )


def result_json(result: AnalysisResult) -> dict[str, Any]:
    """The result in the format of ``analyse_questions --output``."""
    return {
        "items": [
            {
                "id": item.id,
                "themes": [
                    {"slug": theme.slug, "score": theme.score} for theme in item.themes
                ],
                "cluster": item.cluster,
            }
            for item in result.items
        ],
        "clusters": [
            {
                "id": cluster.id,
                "label": cluster.label,
                "theme": cluster.theme,
                "size": cluster.size,
                "examples": cluster.examples,
            }
            for cluster in result.clusters
        ],
        "themes": [
            {"slug": theme.slug, "count": theme.count} for theme in result.themes
        ],
    }
