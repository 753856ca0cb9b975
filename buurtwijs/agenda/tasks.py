"""Background work for the learning agenda: analysing learning questions."""

from django.tasks import task

from buurtwijs.agenda import services


@task(backend="background")
def analysis_run_task(run_id: int) -> None:
    """Run one queued analysis of an agenda's learning questions."""
    services.analysis_run(run_id=run_id)
