"""Background work of the newsletter: sending an issue batch by batch."""

from django.tasks import task

from buurtwijs.newsletter import services


@task(backend="background")
def issue_send_batch_task(issue_id: int) -> int:
    """Send the next batch of one issue (the task queues the batch after it)."""
    return services.issue_send_batch(issue_id=issue_id)
