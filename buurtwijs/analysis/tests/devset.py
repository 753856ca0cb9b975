"""The hand-written development set (``data/devset.csv``) for the accuracy tests."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEVSET = Path(__file__).parents[1] / "data" / "devset.csv"


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    themes: tuple[str, ...]  # main theme first
    cluster: str


@lru_cache(maxsize=1)
def devset() -> tuple[Labelled, ...]:
    with DEVSET.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Labelled(
                id=row["id"],
                text=row["text"],
                themes=tuple(row["themes"].split(";")),
                cluster=row["cluster"],
            )
            for row in csv.DictReader(handle)
        )
