"""Timing requests in-process, for the benchmark commands (never in tests)."""

import statistics
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import override_settings


@dataclass(frozen=True)
class Timing:
    """How one path answered over a number of requests."""

    path: str
    status: int
    timings_ms: list[float]
    queries: int

    @property
    def p50(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95(self) -> float:
        return percentile(self.timings_ms, 95)


def percentile(values: list[float], pct: int) -> float:
    """The nearest-rank percentile of the values."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * pct / 100 + 0.5) - 1)]


def time_path(
    path: str, *, requests: int, warmup: int, visitor_cache: bool = False
) -> Timing:
    """Request a path through Django's whole stack as a cookieless visitor.

    By default the cache is cleared before each request, so the figures are the
    work of making the page. With `visitor_cache` the page cache is on and kept
    between requests: what a visitor without cookies gets (see core.page_cache).
    """
    client = Client()
    seconds = 60 if visitor_cache else 0
    with override_settings(
        DEBUG=True, ALLOWED_HOSTS=["testserver"], PAGE_CACHE_SECONDS=seconds
    ):
        cache.clear()
        for _ in range(warmup):
            client.get(path)
        timings = []
        status = 0
        for _ in range(requests):
            if not visitor_cache:
                # Time the work, not the cache: public API answers are cached.
                cache.clear()
            reset_queries()
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            status = response.status_code
            client.cookies.clear()
        queries = len(connection.queries)
    return Timing(path=path, status=status, timings_ms=timings, queries=queries)
