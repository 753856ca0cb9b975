"""Send the reminders that are due: a safety net next to the scheduled tasks."""

from typing import Any

from django.core.management.base import BaseCommand

from buurtwijs.events.services import reminders_send_due


class Command(BaseCommand):
    help = (
        "Mail the reminder to everyone registered for an event that starts within "
        "a day and has not had one. Safe to run as often as you like."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = reminders_send_due()
        self.stdout.write(f"{sent} reminder(s) sent.")
