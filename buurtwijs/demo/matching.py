"""Demo data for "who knows what": the knowledge gaps of the demo's questions.

The people, cases, documents and initiatives the matching suggests are the demo's
own; what is missing is the best match of each learning question, from which the
admin's knowledge gaps are counted.
"""

from collections.abc import Callable

from buurtwijs.matching.services import question_matches_refresh

# At national scale (100,000 questions) all of them take minutes; the demo scores
# the newest and `manage.py match_questions` does the rest.
DEMO_LIMIT = 3_000


def load_demo_matching(log: Callable[[str], None]) -> int:
    """Score the learning questions that have no best match yet; returns how many."""
    added = question_matches_refresh(only_missing=True, limit=DEMO_LIMIT)
    if added:
        log(f"  knowledge gaps: {added} learning questions matched")
    return added
