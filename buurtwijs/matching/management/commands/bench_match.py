"""Time "who knows what" at scale beside the /healthz baseline of the same run."""

import time
from argparse import ArgumentParser
from typing import Any
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from buurtwijs.analysis import dutch
from buurtwijs.core.benchmark import Timing, percentile, time_path
from buurtwijs.matching.selectors import KINDS, match_index, match_indexes_forget

QUERIES = [
    "voedselbank",
    "eenzaamheid onder ouderen in de wijk",
    "Hoe zetten we een buurtcoöperatie op in Utrecht?",
    "subsidie aanvragen voor een buurthuis",
    "zonnepanelen op het dak van de school",
    "jongeren overlast Rotterdam",
    "vrijwiligers vinden en behouden",
    "schuldhulpverlening vroegsignalering",
    "wonen en zorg voor ouderen",
    "a",
    "😀🙈",
    "buurtbudget " * 400,
]


class Command(BaseCommand):
    help = (
        "Build the matching indexes (timed), then request /api/v1/match (per type "
        "and all types) and /wie-weet-wat/ for twelve queries, N times each, "
        "in-process, and print median and 95th percentile beside /healthz "
        "measured in the same run. Run it on a database seeded with seed_demo "
        "--scale national."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--requests", type=int, default=10, help="per query")
        parser.add_argument("--warmup", type=int, default=1, help="untimed, per query")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["requests"] < 1:
            raise CommandError("--requests must be at least 1")
        runs = {"requests": options["requests"], "warmup": options["warmup"]}
        dutch.warm_up()
        match_indexes_forget()
        self.stdout.write(f"{connection.vendor}, {options['requests']} requests/query")
        for kind in KINDS:
            started = time.perf_counter()
            built = match_index(kind)
            self.stdout.write(
                f"index {kind:<10} {len(built.index):>7,} candidates, "
                f"built in {time.perf_counter() - started:.1f} s"
            )
        healthz = time_path("/healthz", **runs)
        groups: list[tuple[str, list[Timing]]] = []
        for label, prefix, extra in [
            *(
                (f"/api/v1/match type={kind}", "/api/v1/match?", {"type": kind})
                for kind in KINDS
            ),
            ("/api/v1/match (all types)", "/api/v1/match?", {}),
            ("/wie-weet-wat/ (page)", "/wie-weet-wat/?", {}),
        ]:
            groups.append(
                (
                    label,
                    [
                        time_path(prefix + urlencode({"q": q, **extra}), **runs)
                        for q in QUERIES
                    ],
                )
            )
        self.stdout.write(
            f"{'what':<32} {'p50 ms':>8} {'p95 ms':>8} {'x healthz':>9} "
            f"{'queries':>7} {'errors':>6}"
        )
        base = healthz.p50
        self.stdout.write(
            f"{'/healthz':<32} {base:>8.1f} {healthz.p95:>8.1f} {1:>9.1f}"
        )
        for label, timings in groups:
            values = [value for timing in timings for value in timing.timings_ms]
            errors = sum(1 for timing in timings if timing.status != 200)
            queries = max(timing.queries for timing in timings)
            p50 = percentile(values, 50)
            self.stdout.write(
                f"{label:<32} {p50:>8.1f} {percentile(values, 95):>8.1f} "
                f"{p50 / base if base else 0:>9.1f} {queries:>7} {errors:>6}"
            )
        slowest = max(
            (timing for _, timings in groups for timing in timings),
            key=lambda timing: timing.p95,
        )
        self.stdout.write(f"slowest: {slowest.path[:80]} p95 {slowest.p95:.1f} ms")
