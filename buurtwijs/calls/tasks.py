"""Background work of calls: anonymising responses past their retention."""

from django.tasks import task

from buurtwijs.calls.privacy import responses_anonymise


@task(backend="background")
def responses_anonymise_task() -> int:
    """Remove the open answers of every response past its retention date."""
    return responses_anonymise().responses
