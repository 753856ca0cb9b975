"""manage.py run_periodic: every periodic job of Buurtwijs from one timer.

Each job is an idempotent command of its own app; running this hourly or daily
does each at most once per its period (a digest once per day or week, a reminder
once per registration). One failing job is reported and the others still run; the
exit status is then 1, so the timer shows the failure.
"""

import time
from argparse import ArgumentParser
from dataclasses import dataclass
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


@dataclass(frozen=True)
class Job:
    name: str
    command: str
    args: tuple[str, ...]
    purpose: str


JOBS = (
    Job(
        "reminders",
        "send_event_reminders",
        (),
        "mail registrants of events starting within a day",
    ),
    Job(
        "daily-digest",
        "send_digests",
        ("--daily", "--now"),
        "yesterday's threads and replies for daily readers",
    ),
    Job(
        "weekly-digest",
        "send_digests",
        ("--weekly", "--now"),
        "last week's questions, cases and documents, once per week",
    ),
    Job(
        "comments",
        "prune_comments",
        (),
        "delete expired unconfirmed comments, clear address keys",
    ),
    Job(
        "responses",
        "anonymise_responses",
        (),
        "remove open answers of call responses past retention",
    ),
    Job(
        "sessions",
        "clearsessions",
        (),
        "delete expired sessions (who was signed in where)",
    ),
    Job(
        "task-results",
        "prune_db_task_results",
        ("--queue-name", "*", "--backend", "background"),
        "delete results of background tasks finished 14 days ago",
    ),
    Job(
        "knowledge-gaps",
        "match_questions",
        (),
        "match every learning question for /beheer/kennislacunes/",
    ),
)


class Command(BaseCommand):
    help = (
        "Run every periodic job (reminders, digests, pruning, anonymising, knowledge "
        "gaps). Safe to run as often as you like: each job does its work once per "
        "period. Run it hourly from one timer; see docs/deploy.md."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--only",
            action="append",
            choices=[job.name for job in JOBS],
            help="Run only this job (repeatable).",
        )
        parser.add_argument(
            "--skip",
            action="append",
            choices=[job.name for job in JOBS],
            default=[],
            help="Leave this job out (repeatable).",
        )
        parser.add_argument(
            "--list", action="store_true", help="Name the jobs and stop."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for job in JOBS:
                self.stdout.write(f"{job.name:<15} {job.purpose}")
            return
        chosen = [
            job
            for job in JOBS
            if (not options["only"] or job.name in options["only"])
            and job.name not in options["skip"]
        ]
        failed = []
        for job in chosen:
            started = time.perf_counter()
            self.stdout.write(f"[{job.name}] {job.purpose}")
            try:
                call_command(job.command, *job.args, stdout=self.stdout)
            except Exception as error:  # noqa: BLE001 - one failure must not stop the rest
                failed.append(job.name)
                kind = type(error).__name__
                self.stderr.write(f"[{job.name}] failed: {kind}: {error}")
            else:
                elapsed = time.perf_counter() - started
                self.stdout.write(f"[{job.name}] done in {elapsed:.1f} s")
        if failed:
            raise CommandError(f"{len(failed)} job(s) failed: {', '.join(failed)}")
        self.stdout.write(f"{len(chosen)} periodic job(s) done.")
