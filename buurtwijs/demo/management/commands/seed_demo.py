"""Load the demo network: real initiatives and pages, demo accounts, generated data."""

import logging
import os
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from buurtwijs.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from buurtwijs.demo.seed import SCALES, Sizes, seed_demo
from buurtwijs.search.models import SearchEntry
from buurtwijs.search.services import search_index_rebuild


def non_negative(value: str) -> int:
    """An argparse type for counts."""
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


@contextmanager
def quiet_loggers(*names: str) -> Iterator[None]:
    """Hide the per-page and per-task info lines of Wagtail and the task runner."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the Buurtwijs demo network (idempotent): the named real initiatives, "
        "the 2019 book and congress, a demo editor and member, and generated Dutch "
        "initiatives, people and documents across all provinces."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default="demo",
            help="demo: ~300 initiatives, 1,000 people, 300 documents, 60 cases; "
            "national: 10,000 initiatives, 100,000 people, 50,000 documents, "
            "2,000 cases.",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=2019,
            help="Random seed; the same seed gives the same names and texts.",
        )
        for name in ("initiatives", "people", "documents", "cases"):
            parser.add_argument(
                f"--{name}",
                type=non_negative,
                default=None,
                metavar="N",
                help=f"Generate N {name} instead of the scale's number.",
            )
        parser.add_argument(
            "--site-url",
            default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}",
            help="Where the site runs, for the login links printed at the end.",
        )
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Run even with DEBUG off (tests, CI). The demo accounts have a "
            "published password: never use this on a real site.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError(
                "seed_demo creates accounts with a published password and is meant "
                "for development (DEBUG on). Pass --allow-without-debug to run it "
                "anyway on a test database."
            )
        scale = SCALES[options["scale"]]
        sizes = Sizes(
            initiatives=_pick(options["initiatives"], scale.initiatives),
            people=_pick(options["people"], scale.people),
            documents=_pick(options["documents"], scale.documents),
            cases=_pick(options["cases"], scale.cases),
            learning_questions=scale.learning_questions,
        )
        verbose = options["verbosity"] >= 1

        def log(line: str) -> None:
            if verbose:
                self.stdout.write(line)

        try:
            with quiet_loggers("wagtail", "django_tasks"):
                report = seed_demo(sizes=sizes, seed=options["seed"], log=log)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc

        # The seed writes in bulk, past the services that queue index updates.
        added = any(value for name, value in vars(report).items() if name != "seconds")
        if added or not SearchEntry.objects.exists():
            log("Search index")
            search_index_rebuild(log=log)

        if not verbose:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {report.seconds:.1f}s. Added: {report.accounts} accounts, "
                f"{report.pages} pages, {report.real_initiatives} named initiatives, "
                f"{report.initiatives:,} generated initiatives, {report.people:,} "
                f"people, {report.documents:,} documents, {report.cases:,} cases, "
                f"{report.events} events, {report.articles} articles, "
                f"{report.networks} learning networks, {report.newsletter} "
                "newsletter records."
            )
        )
        site = options["site_url"].rstrip("/")
        self.stdout.write("")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"  {account.name}: {account.email} / {DEMO_PASSWORD}")
        self.stdout.write(f"  Admin (editors): {site}/beheer/")
        self.stdout.write(f"  Log in:          {site}/account/login/")


def _pick(override: int | None, default: int) -> int:
    """The override when given, else the scale's number."""
    return default if override is None else override
