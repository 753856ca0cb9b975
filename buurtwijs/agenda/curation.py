"""Editors' decisions applied to an analysis: plain data in, plain data out.

The engine places every question in a cluster with a stable key (re-analysis keeps
the keys of earlier clusters). Editors' decisions name clusters by key and questions
by id, so replaying them in order over a new analysis gives the same curated agenda,
with new questions falling where the engine put them. A decision about a cluster or
question that no longer exists changes nothing.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decision:
    """One editor's decision as curation needs it."""

    kind: str  # rename, merge, split, hide, show, move
    cluster_key: str
    target_key: str = ""
    label: str = ""
    question_ids: tuple[int, ...] = ()


@dataclass
class CuratedCluster:
    """A cluster after curation: its key, labels, main theme and members."""

    key: str
    engine_label: str
    label: str
    theme: str
    members: list[int] = field(default_factory=list)
    hidden: bool = False


@dataclass(frozen=True)
class EngineCluster:
    """A cluster as the engine made it."""

    key: str
    label: str
    theme: str


def split_key(decision_id: int) -> str:
    """The key of the cluster an editor's split creates."""
    return f"e{decision_id}"


def curate(
    clusters: Iterable[EngineCluster],
    placement: Mapping[int, str],
    decisions: Iterable[Decision],
) -> tuple[dict[int, str], list[CuratedCluster]]:
    """Each question's curated cluster, and the clusters that still have questions."""
    assignment = dict(placement)
    curated: dict[str, CuratedCluster] = {
        cluster.key: CuratedCluster(
            key=cluster.key,
            engine_label=cluster.label,
            label=cluster.label,
            theme=cluster.theme,
        )
        for cluster in clusters
    }
    for decision in decisions:
        source = curated.get(decision.cluster_key)
        if decision.kind == "rename" and source is not None and decision.label:
            source.label = decision.label
        elif decision.kind in {"hide", "show"} and source is not None:
            source.hidden = decision.kind == "hide"
        elif decision.kind == "merge":
            if source is None or decision.target_key not in curated:
                continue
            if decision.target_key == decision.cluster_key:
                continue
            for question_id, key in assignment.items():
                if key == decision.cluster_key:
                    assignment[question_id] = decision.target_key
        elif decision.kind == "split":
            moved = [qid for qid in decision.question_ids if qid in assignment]
            if not moved:
                continue
            origin = curated.get(assignment[moved[0]])
            target = curated.setdefault(
                decision.target_key,
                CuratedCluster(
                    key=decision.target_key,
                    engine_label="",
                    label=decision.label,
                    theme=origin.theme if origin else "",
                ),
            )
            for question_id in moved:
                assignment[question_id] = target.key
        elif decision.kind == "move" and decision.target_key in curated:
            for question_id in decision.question_ids:
                if question_id in assignment:
                    assignment[question_id] = decision.target_key
    for question_id, key in sorted(assignment.items()):
        curated[key].members.append(question_id)
    return assignment, [cluster for cluster in curated.values() if cluster.members]
