"""Time pages in-process against the /healthz baseline measured in the same run."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from buurtwijs.core.benchmark import time_path

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
        "network) as a visitor without cookies and print median and 95th "
        "percentile times and query counts beside the /healthz baseline of the "
        "same run: once making the page (cache cleared before each request) and "
        "once as visitors get it (page cache on)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
        parser.add_argument("--requests", type=int, default=50, help="per path")
        parser.add_argument("--warmup", type=int, default=3, help="untimed, per path")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["requests"] < 1:
            raise CommandError("--requests must be at least 1")
        runs = {"requests": options["requests"], "warmup": options["warmup"]}
        paths = ["/healthz", *options["paths"]]
        made = [time_path(path, **runs) for path in paths]
        kept = [time_path(path, visitor_cache=True, **runs) for path in paths]
        base = made[0].p50
        self.stdout.write(
            f"{'path':<32} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'x healthz':>9} {'queries':>7} {'cached p50':>10} {'cached p95':>10} "
            f"{'x healthz':>9}"
        )
        for fresh, cached in zip(made, kept, strict=True):
            self.stdout.write(
                f"{fresh.path:<32} {fresh.status:>6} {fresh.p50:>8.1f} "
                f"{fresh.p95:>8.1f} {fresh.p50 / base if base else 0:>9.1f} "
                f"{fresh.queries:>7} {cached.p50:>10.1f} {cached.p95:>10.1f} "
                f"{cached.p50 / base if base else 0:>9.1f}"
            )
