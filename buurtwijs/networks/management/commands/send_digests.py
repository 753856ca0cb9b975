"""Send the daily or weekly digests of learning networks; safe to run again.

Run it from a timer (cron or a systemd timer, see docs/features/networks.md): each
person gets a digest at most once per period, however often the command runs.
"""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from buurtwijs.networks import services_mail
from buurtwijs.networks.tasks import digest_daily_send_task, digest_weekly_send_task


class Command(BaseCommand):
    help = (
        "Send the daily digest (yesterday's threads and replies) or the weekly "
        "digest (last week's questions, cases and documents in each member's "
        "themes). Each digest goes out once per period, however often this runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        kind = parser.add_mutually_exclusive_group(required=True)
        kind.add_argument("--daily", action="store_true", help="The daily digest.")
        kind.add_argument("--weekly", action="store_true", help="The weekly digest.")
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD), e.g. to catch up.",
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send in this process instead of handing it to the worker.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date {options['date']!r} is not a date like 2025-03-17."
                ) from None
        kind = "daily" if options["daily"] else "weekly"
        if options["now"]:
            send = (
                services_mail.digest_daily_send
                if kind == "daily"
                else services_mail.digest_weekly_send
            )
            sent = send(today=today)
            self.stdout.write(f"{kind} digest for {today}: {sent} mails sent.")
            return
        task = digest_daily_send_task if kind == "daily" else digest_weekly_send_task
        result = task.enqueue(today.isoformat())
        self.stdout.write(
            f"{kind} digest for {today} handed to the worker (task {result.id})."
        )
