"""Background work of "who knows what": scoring learning questions for the gaps."""

from django.tasks import task

from buurtwijs.matching import services


@task(backend="background")
def question_matches_refresh_task() -> None:
    """Store the best match of every published learning question."""
    services.question_matches_refresh()
