"""Store the best match of every published learning question (the knowledge gaps)."""

import time
from typing import Any

from django.core.management.base import BaseCommand

from buurtwijs.matching.services import question_matches_refresh


class Command(BaseCommand):
    help = (
        "Match every published learning question against people, cases, documents "
        "and initiatives and store its best score, from which /beheer/kennislacunes/ "
        "counts the knowledge gaps per theme. Idempotent; run it nightly."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        count = question_matches_refresh(log=self.stdout.write)
        self.stdout.write(
            f"{count} learning questions matched in "
            f"{time.perf_counter() - started:.1f} s."
        )
