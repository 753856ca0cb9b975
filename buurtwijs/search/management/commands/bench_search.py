"""Time site search at scale beside the /healthz baseline of the same run."""

from argparse import ArgumentParser
from typing import Any
from urllib.parse import urlencode

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from buurtwijs.core.benchmark import Timing, percentile, time_path
from buurtwijs.search.models import SearchEntry

SINGLE = [
    "buurtcoöperaties",
    "statuten",
    "subsidieaanvraag",
    "eenzaamheid",
    "voedselbank",
    "energie",
    "jongeren",
    "buurthuis",
    "participatie",
    "wijkteam",
]
MULTI = [
    "subsidie aanvragen",
    "ouderen eenzaamheid buurt",
    "wonen en zorg",
    "energiecoöperatie zonnepanelen",
    "vrijwilligers vinden",
    "gemeente samenwerking bewoners",
    "armoede schulden hulp",
    "moestuin in de wijk",
    "statuten coöperatie oprichten",
    "buurtbudget bewoners beslissen",
]


class Command(BaseCommand):
    help = (
        "Search for ten single-word and ten multi-word Dutch queries on /zoeken/ and "
        "/api/v1/search, N times each, in-process with the cache cleared, and print "
        "median and 95th-percentile times per group beside /healthz measured in the "
        "same run. Run it on a database seeded with seed_demo --scale national."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--requests", type=int, default=20, help="per query")
        parser.add_argument("--warmup", type=int, default=1, help="untimed, per query")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["requests"] < 1:
            raise CommandError("--requests must be at least 1")
        runs = {"requests": options["requests"], "warmup": options["warmup"]}
        entries = SearchEntry.objects.count()
        self.stdout.write(
            f"{connection.vendor}: {entries:,} search entries, "
            f"{options['requests']} requests per query"
        )
        healthz = time_path("/healthz", **runs)
        groups: list[tuple[str, list[Timing]]] = []
        for name, words in (("single word", SINGLE), ("several words", MULTI)):
            for prefix, key in (("/zoeken/?", "q"), ("/api/v1/search?", "q")):
                label = f"{prefix.split('?')[0]} {name}"
                groups.append(
                    (
                        label,
                        [
                            time_path(prefix + urlencode({key: query}), **runs)
                            for query in words
                        ],
                    )
                )
        self.stdout.write(
            f"{'what':<32} {'p50 ms':>8} {'p95 ms':>8} {'x healthz':>9} {'errors':>6}"
        )
        base = healthz.p50
        self.stdout.write(
            f"{'/healthz':<32} {base:>8.1f} {healthz.p95:>8.1f} {1:>9.1f}"
        )
        for label, timings in groups:
            values = [value for timing in timings for value in timing.timings_ms]
            errors = sum(1 for timing in timings if timing.status != 200)
            p50 = percentile(values, 50)
            self.stdout.write(
                f"{label:<32} {p50:>8.1f} {percentile(values, 95):>8.1f} "
                f"{p50 / base if base else 0:>9.1f} {errors:>6}"
            )
        slowest = max(
            (timing for _, timings in groups for timing in timings),
            key=lambda timing: timing.p95,
        )
        self.stdout.write(f"slowest: {slowest.path} p95 {slowest.p95:.1f} ms")
