"""Background work of learning networks: mails about posts and the digests."""

import datetime

from django.tasks import task

from buurtwijs.networks import services_mail


@task(backend="background")
def post_notify_task(kind: str, post_id: int) -> int:
    """Mail one new thread or reply to the members who want every post."""
    return services_mail.post_notify(kind=kind, post_id=post_id)


@task(backend="background")
def digest_daily_send_task(today: str) -> int:
    """Send the daily digests due on this date (ISO format)."""
    return services_mail.digest_daily_send(today=datetime.date.fromisoformat(today))


@task(backend="background")
def digest_weekly_send_task(today: str) -> int:
    """Send the weekly digests due on this date (ISO format)."""
    return services_mail.digest_weekly_send(today=datetime.date.fromisoformat(today))
