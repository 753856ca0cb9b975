"""`make bench`: one table of every page kind beside /healthz, written to the docs.

Each path is requested through Django's whole stack in-process (see
core.benchmark.time_path): once making the page (cache cleared before each request)
and once as a cookieless visitor gets it (page cache on). The analysis of generated
learning questions (bench_analysis's generator) is timed once. The markdown table
replaces the part of docs/performance.md between the markers of its label, so a new
run on SQLite or PostgreSQL updates only its own table.
"""

import os
import platform
import re
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from buurtwijs.analysis.engine import analyse
from buurtwijs.analysis.management.commands.bench_analysis import generate_questions
from buurtwijs.core.benchmark import Timing, time_path
from buurtwijs.directory.models import Initiative


def bench_paths() -> list[tuple[str, str]]:
    """(kind, path) for every page kind, with a detail page that exists."""
    slug = Initiative.objects.order_by("pk").values_list("slug", flat=True).first()
    question = quote("eenzaamheid onder ouderen in de wijk")
    return [
        ("home", "/"),
        ("list", "/initiatieven/"),
        ("list", "/initiatieven/?pagina=200"),
        ("list", "/mensen/"),
        ("list", "/oproepen/"),
        ("detail", f"/initiatieven/{slug}/" if slug else "/initiatieven/"),
        ("search", "/zoeken/?q=voedseltuin"),
        ("match", f"/wie-weet-wat/?q={question}"),
        ("api list", "/api/v1/initiatives"),
        ("api list", "/api/v1/people"),
        ("api search", "/api/v1/search?q=voedseltuin"),
    ]


def section(label: str, table: str) -> str:
    start, end = markers(label)
    return f"{start}\n{table.rstrip()}\n{end}\n"


def markers(label: str) -> tuple[str, str]:
    key = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return f"<!-- bench:{key}:start -->", f"<!-- bench:{key}:end -->"


def replace_section(text: str, label: str, table: str) -> str:
    """The document with the labelled table replaced, or appended when new."""
    start, end = markers(label)
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    new = section(label, table)
    if pattern.search(text):
        return pattern.sub(lambda _match: new, text, count=1)
    return f"{text.rstrip()}\n\n{new}"


class Command(BaseCommand):
    help = (
        "Time home, lists, details, search, match and API lists beside /healthz "
        "(median, 95th percentile, SQL queries; made and as cached for visitors) "
        "and the analysis of generated learning questions; print a markdown table "
        "and with --write replace its section in that file."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--label", default="", help="default: the database")
        parser.add_argument("--requests", type=int, default=20, help="per path")
        parser.add_argument("--warmup", type=int, default=2, help="untimed, per path")
        parser.add_argument(
            "--questions", type=int, default=50_000, help="0 leaves the analysis out"
        )
        parser.add_argument("--write", default="", help="e.g. docs/performance.md")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["requests"] < 1:
            raise CommandError("--requests must be at least 1")
        if options["warmup"] < 0 or options["questions"] < 0:
            raise CommandError("--warmup and --questions cannot be negative")
        target = Path(options["write"]) if options["write"] else None
        if target is not None and not target.is_file():
            raise CommandError(f"{target} does not exist")
        label = options["label"] or connection.vendor
        runs = {"requests": options["requests"], "warmup": options["warmup"]}
        rows = [("baseline", "/healthz"), *bench_paths()]
        made = [time_path(path, **runs) for _kind, path in rows]
        kept = [time_path(path, visitor_cache=True, **runs) for _kind, path in rows]
        table = self._table(label, rows, made, kept, options)
        if options["questions"]:
            questions = generate_questions(options["questions"])
            started = time.perf_counter()
            result = analyse(questions)
            seconds = time.perf_counter() - started
            table += (
                f"\nAnalysis (themes and clusters, no database) of "
                f"{len(questions):,} generated learning questions: {seconds:.1f} s, "
                f"{len(result.clusters):,} clusters.\n"
            )
        self.stdout.write(table)
        if target is not None:
            target.write_text(replace_section(target.read_text(), label, table))
            self.stdout.write(f"Written to the {label} section of {target}.")

    def _table(
        self,
        label: str,
        rows: list[tuple[str, str]],
        made: list[Timing],
        kept: list[Timing],
        options: dict[str, Any],
    ) -> str:
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        base = made[0].p50 or 1.0
        lines = [
            f"**{label}**, {timezone.localdate():%Y-%m-%d}, Python "
            f"{platform.python_version()}, {options['requests']} requests per path, "
            f"load average {load} after the pages.",
            "",
            "| kind | path | status | p50 ms | p95 ms | × healthz | queries "
            "| cached p50 ms | cached p95 ms | cached × healthz |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for (kind, path), fresh, cached in zip(rows, made, kept, strict=True):
            lines.append(
                f"| {kind} | `{path}` | {fresh.status} | {fresh.p50:.1f} | "
                f"{fresh.p95:.1f} | {fresh.p50 / base:.1f} | {fresh.queries} | "
                f"{cached.p50:.1f} | {cached.p95:.1f} | {cached.p50 / base:.1f} |"
            )
        return "\n".join(lines) + "\n"
