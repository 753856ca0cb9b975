"""Background work of the events app: the reminder the day before."""

from datetime import datetime

from django.tasks import task

from buurtwijs.events import services


@task(backend="background")
def registration_remind_task(registration_id: int, starts_at: str) -> None:
    """Mail the reminder of one registration (enqueued to run a day before)."""
    services.registration_remind(
        registration_id=registration_id,
        scheduled_for=datetime.fromisoformat(starts_at),
    )
