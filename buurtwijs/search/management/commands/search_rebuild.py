"""Rebuild the site search index from the public records."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from buurtwijs.search.registry import SOURCES
from buurtwijs.search.services import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Index every public initiative, person, case, document, publication and "
        "event afresh. Day to day the index follows each change through background "
        "tasks; run this after a bulk load or a restore."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "kinds",
            nargs="*",
            metavar="KIND",
            help=f"Only these kinds ({', '.join(sorted(SOURCES))}); all by default.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        unknown = sorted(set(options["kinds"]) - set(SOURCES))
        if unknown:
            raise CommandError(
                f"Unknown kind: {', '.join(unknown)}. "
                f"Choose from: {', '.join(sorted(SOURCES))}."
            )
        started = time.monotonic()
        total = search_index_rebuild(
            kinds=options["kinds"] or None, log=self.stdout.write
        )
        self.stdout.write(
            f"Indexed {total:,} records in {time.monotonic() - started:.1f} s."
        )
