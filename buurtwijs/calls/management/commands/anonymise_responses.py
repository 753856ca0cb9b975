"""Remove the open answers of call responses kept past their retention date."""

from typing import Any

from django.core.management.base import BaseCommand

from buurtwijs.calls.privacy import responses_anonymise


class Command(BaseCommand):
    help = (
        "Remove the open (free-text) answers of call responses whose retention "
        "date has passed; municipality, role, chosen options and learning "
        "questions stay. Safe to run as often as you like (for example daily)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Hand the work to the background worker instead of doing it now.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["queue"]:
            from buurtwijs.calls.tasks import responses_anonymise_task

            responses_anonymise_task.enqueue()
            self.stdout.write("Anonymising queued for the worker.")
            return
        result = responses_anonymise()
        self.stdout.write(
            f"{result.responses} responses anonymised, "
            f"{result.answers} open answers removed."
        )
