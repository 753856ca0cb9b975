"""Time pages in-process against the /healthz baseline measured in the same run."""

import statistics
import time
from argparse import ArgumentParser
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings

DEFAULT_PATHS = [
    "/",
    "/initiatieven/",
    "/initiatieven/?pagina=200",
    "/initiatieven/?thema=wonen&provincie=PV26&sorteer=newest",
    "/initiatieven/?q=voedseltuin",
    "/initiatieven/delfshaven-cooperatie/",
    "/mensen/",
    "/dekking/",
    "/api/v1/initiatives",
    "/api/v1/initiatives?theme=wonen&province=PV26",
    "/api/v1/people",
    "/privacy/",
]


class Command(BaseCommand):
    help = (
        "Request each path N times through Django's full stack (in-process, no "
        "network, cache cleared before each request) and print median and 95th "
        "percentile times and query counts beside the /healthz baseline of the "
        "same run."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
        parser.add_argument("--requests", type=int, default=50, help="per path")
        parser.add_argument("--warmup", type=int, default=3, help="untimed, per path")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["requests"] < 1:
            raise CommandError("--requests must be at least 1")
        rows = [self._measure("/healthz", options)]
        rows += [self._measure(path, options) for path in options["paths"]]
        base = rows[0][2]
        self.stdout.write(
            f"{'path':<32} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'x healthz':>9} {'queries':>7}"
        )
        for path, status, p50, p95, queries in rows:
            self.stdout.write(
                f"{path:<32} {status:>6} {p50:>8.1f} {p95:>8.1f} "
                f"{p50 / base if base else 0:>9.1f} {queries:>7}"
            )

    def _measure(self, path: str, options: dict) -> tuple[str, int, float, float, int]:
        client = Client()
        with override_settings(DEBUG=True, ALLOWED_HOSTS=["testserver"]):
            for _ in range(options["warmup"]):
                client.get(path)
            timings = []
            status = 0
            for _ in range(options["requests"]):
                # Time the work, not the cache: public API answers are cached.
                cache.clear()
                reset_queries()
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                status = response.status_code
            queries = len(connection.queries)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        return path, status, statistics.median(timings), p95, queries
