"""Clusters: learning questions that ask the same thing, in other words.

1. Near-identical questions (the same content words, in any order, any case or
   punctuation) are counted once and carry their count from then on.
2. Each distinct question becomes a vector of its content lemmas and compound parts
   (TF-IDF) beside the lexicon concepts it names, so "eenzame ouderen" and
   "senioren die geïsoleerd leven" meet through their concepts.
3. Average-linkage agglomerative clustering on cosine distance, cut at a fixed
   distance: the number of clusters follows from the data. Above ``BLOCK`` distinct
   questions the set is first split by top theme and, where a theme is still too
   big, by k-means, so no square matrix grows past ``BLOCK``².
4. Each cluster is labelled by its most central question and lists its most
   representative distinct questions.

Everything is deterministic for the same input (fixed order, fixed seeds).
Re-analysis can start from earlier clusters: a new question joins the earlier
cluster whose centroid is close enough and keeps its id and label.
"""

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.cluster import MiniBatchKMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from buurtwijs.analysis.lexicon import Lexicon, TextFeatures, default_lexicon

# Cosine distance at which the cluster tree is cut; chosen on the development set
# (see docs/performance.md) and kept round so as not to fit it.
DISTANCE_THRESHOLD = 0.65
# How much the named concepts weigh beside the words themselves.
CONCEPT_WEIGHT = 0.9
# Most distinct questions clustered in one square distance matrix.
BLOCK = 2500
EXAMPLES = 3
# Progress is reported about every this many clustered questions.
PROGRESS_ROWS = 5_000
LABEL_LENGTH = 90

# Words every learning question uses; they say nothing about what it asks.
FILLER = frozenset(
    """
    vraag vragen graag weten willen wil leren benieuwd we wij jullie onze ons krijgen
    manier goed goede beter hoe waar welk welke wanneer waarom kunnen mogelijk
    zorgen maken doen gaan komen zien laten staan zitten houden vinden denken
    mensen bewoner bewoners buurtbewoner wijk buurt dorp straat stad iets iemand
    echt steeds vaak heel zoiets soort elkaar eigen nieuw nieuwe andere ander
    """.split()
)


@dataclass(frozen=True)
class PreviousCluster:
    """A cluster from an earlier analysis, by its id, label and member texts."""

    id: str
    label: str
    theme: str
    texts: Sequence[str]


@dataclass
class Cluster:
    """One group of questions that ask the same thing."""

    id: str
    label: str
    theme: str
    size: int  # questions, near-identical ones included
    examples: list[int]  # positions of its most representative distinct questions
    members: list[int] = field(default_factory=list)  # positions of all questions


@dataclass
class Clustering:
    """The cluster of each question, in input order, and the clusters."""

    assignment: list[str]
    clusters: list[Cluster]


ProgressCallback = Callable[[str, int, int], None]


def dedupe_key(features: TextFeatures, text: str) -> str:
    """What near-identical questions share: their content words as a set."""
    words = sorted({word for word in features.words if word not in FILLER})
    return " ".join(words) if words else " ".join(text.lower().split())


def _cluster_words(features: TextFeatures) -> list[str]:
    return [word for word in features.words if word not in FILLER]


def _vectors(features: Sequence[TextFeatures], lexicon: Lexicon) -> sp.csr_matrix:
    """Unit rows: word TF-IDF beside concept strengths."""
    documents = [_cluster_words(item) for item in features]
    if any(documents):
        vectorizer = TfidfVectorizer(
            analyzer=lambda words: words, sublinear_tf=True, min_df=1, norm="l2"
        )
        words = vectorizer.fit_transform(documents)
    else:
        words = sp.csr_matrix((len(documents), 1))
    rows, cols, values = [], [], []
    for row, item in enumerate(features):
        for concept, strength in item.concepts.items():
            rows.append(row)
            cols.append(concept)
            values.append(strength)
    concepts = sp.csr_matrix(
        (values, (rows, cols)), shape=(len(features), max(1, len(lexicon.concepts)))
    )
    # Concepts named by many questions ("samen", "organiseren") say less.
    document_frequency = np.bincount(concepts.indices, minlength=concepts.shape[1])
    idf = np.log((1 + concepts.shape[0]) / (1 + document_frequency)) + 1.0
    concepts = normalize(concepts @ sp.diags(idf)) * CONCEPT_WEIGHT
    return normalize(sp.hstack([words, concepts]).tocsr())


def _agglomerate(vectors: sp.csr_matrix, threshold: float) -> np.ndarray:
    """Cluster numbers (from 1) by average linkage on cosine distance."""
    count = vectors.shape[0]
    if count == 1:
        return np.ones(1, dtype=int)
    similarity = (vectors @ vectors.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return fcluster(tree, t=threshold, criterion="distance")


def _blocks(
    vectors: sp.csr_matrix, themes: Sequence[str], block: int
) -> list[np.ndarray]:
    """Row groups of at most about ``block`` rows: by theme, then by k-means."""
    if vectors.shape[0] <= block:
        return [np.arange(vectors.shape[0])]
    by_theme: dict[str, list[int]] = {}
    for row, theme in enumerate(themes):
        by_theme.setdefault(theme, []).append(row)
    blocks = []
    for theme in sorted(by_theme):
        rows = np.array(by_theme[theme])
        if len(rows) <= block:
            blocks.append(rows)
            continue
        parts = math.ceil(len(rows) / block)
        kmeans = MiniBatchKMeans(
            n_clusters=parts, random_state=0, n_init=3, batch_size=2048
        )
        labels = kmeans.fit_predict(vectors[rows])
        blocks.extend(rows[labels == part] for part in range(parts))
    return [block for block in blocks if len(block)]


def readable_label(text: str) -> str:
    """A question as a cluster label: one line, capitalised, not too long."""
    line = " ".join(text.split())
    if len(line) > LABEL_LENGTH:
        cut = line.rfind(" ", 0, LABEL_LENGTH)
        line = line[: cut if cut > 0 else LABEL_LENGTH].rstrip(",;:- ") + "…"
    return line[:1].upper() + line[1:]


def _central_order(vectors: sp.csr_matrix, weights: np.ndarray) -> np.ndarray:
    """Member rows from most to least central (weighted mean similarity)."""
    if vectors.shape[0] == 1:
        return np.zeros(1, dtype=int)
    similarity = (vectors @ vectors.T).toarray()
    centrality = similarity @ weights
    # Ties go to the earlier question, so the order is stable.
    return np.lexsort((np.arange(len(centrality)), -np.round(centrality, 9)))


def _assign_to_previous(
    vectors: sp.csr_matrix,
    previous_vectors: sp.csr_matrix,
    owners: list[int],
    threshold: float,
    count: int,
) -> list[int | None]:
    """For each new row, the earlier cluster whose centroid is close enough."""
    centroids = np.vstack(
        [
            np.asarray(
                previous_vectors[
                    [row for row, owner in enumerate(owners) if owner == index]
                ].mean(axis=0)
            )
            for index in range(count)
        ]
    )
    centroids = normalize(centroids)
    similarity = np.asarray(vectors @ centroids.T)
    best = similarity.argmax(axis=1)
    found: list[int | None] = []
    for row, column in enumerate(best):
        close = 1.0 - similarity[row, column] <= threshold
        found.append(int(column) if close else None)
    return found


def cluster_questions(
    texts: Sequence[str],
    themes: Sequence[str],
    *,
    features: Sequence[TextFeatures] | None = None,
    previous: Sequence[PreviousCluster] = (),
    threshold: float = DISTANCE_THRESHOLD,
    block: int = BLOCK,
    progress: ProgressCallback | None = None,
) -> Clustering:
    """Group questions that ask the same thing.

    ``themes`` holds each question's top theme slug ("" for none). ``features``
    may be passed when the caller already has them. With ``previous`` clusters, a
    question close to one of them joins it under its id and label. ``block`` bounds
    the distinct questions clustered at once (memory grows with its square).
    """
    lexicon = default_lexicon()
    if features is None:
        features = [lexicon.features(text) for text in texts]
    if not texts:
        return Clustering(assignment=[], clusters=[])

    # 1. Near-identical questions count once.
    first_of: dict[str, int] = {}
    unique_rows: list[int] = []
    group_of: list[int] = []
    for position, (text, item) in enumerate(zip(texts, features, strict=True)):
        key = dedupe_key(item, text)
        if key not in first_of:
            first_of[key] = len(unique_rows)
            unique_rows.append(position)
        group_of.append(first_of[key])
    weights = np.bincount(np.array(group_of), minlength=len(unique_rows)).astype(float)
    if progress:
        progress("deduplicated", len(unique_rows), len(texts))

    # 2. Vectors of the distinct questions (and of earlier clusters' questions).
    previous_texts = [text for cluster in previous for text in cluster.texts]
    previous_owners = [
        index for index, cluster in enumerate(previous) for _ in cluster.texts
    ]
    unique_features = [features[row] for row in unique_rows]
    all_vectors = _vectors(
        unique_features + [lexicon.features(text) for text in previous_texts],
        lexicon,
    )
    vectors = all_vectors[: len(unique_rows)]

    # 3. Join earlier clusters where close, cluster the rest.
    label_of: list[str | None] = [None] * len(unique_rows)
    if previous:
        joined = _assign_to_previous(
            vectors,
            all_vectors[len(unique_rows) :],
            previous_owners,
            threshold,
            len(previous),
        )
        for row, index in enumerate(joined):
            if index is not None:
                label_of[row] = f"previous:{index}"
    open_rows = np.array([row for row, label in enumerate(label_of) if label is None])
    if len(open_rows):
        open_vectors = vectors[open_rows]
        open_themes = [themes[unique_rows[row]] for row in open_rows]
        blocks = _blocks(open_vectors, open_themes, block)
        done = 0
        for number, group in enumerate(blocks):
            found = _agglomerate(open_vectors[group], threshold)
            for row, cluster in zip(group, found, strict=True):
                label_of[open_rows[row]] = f"new:{number}:{cluster}"
            reported = done // PROGRESS_ROWS
            done += len(group)
            if progress and (
                done // PROGRESS_ROWS > reported or done == len(open_rows)
            ):
                progress("clustered", done, len(open_rows))

    # 4. Gather, label and number the clusters.
    members_of: dict[str, list[int]] = {}
    for row, label in enumerate(label_of):
        members_of.setdefault(str(label), []).append(row)
    previous_ids = {cluster.id for cluster in previous}
    gathered = []
    for key, rows in members_of.items():
        member_rows = np.array(rows)
        order = member_rows[_central_order(vectors[member_rows], weights[member_rows])]
        size = int(weights[member_rows].sum())
        theme_counts: Counter[str] = Counter()
        for row in rows:
            theme_counts[themes[unique_rows[row]]] += int(weights[row])
        theme = min(theme_counts.items(), key=lambda pair: (-pair[1], pair[0]))[0]
        gathered.append((key, order, size, theme))
    gathered.sort(key=lambda entry: (-entry[2], unique_rows[int(entry[1][0])]))

    clusters: list[Cluster] = []
    cluster_of_row: dict[int, str] = {}
    number = 0
    for key, order, size, theme in gathered:
        if key.startswith("previous:"):
            earlier = previous[int(key.split(":")[1])]
            cluster_id, label, theme = earlier.id, earlier.label, earlier.theme
        else:
            number += 1
            cluster_id = f"c{number:04d}"
            while cluster_id in previous_ids:
                number += 1
                cluster_id = f"c{number:04d}"
            label = readable_label(texts[unique_rows[int(order[0])]])
        for row in order:
            cluster_of_row[int(row)] = cluster_id
        clusters.append(
            Cluster(
                id=cluster_id,
                label=label,
                theme=theme,
                size=size,
                examples=[unique_rows[int(row)] for row in order[:EXAMPLES]],
            )
        )
    assignment = [cluster_of_row[group] for group in group_of]
    by_id = {cluster.id: cluster for cluster in clusters}
    for position, cluster_id in enumerate(assignment):
        by_id[cluster_id].members.append(position)
    return Clustering(assignment=assignment, clusters=clusters)
