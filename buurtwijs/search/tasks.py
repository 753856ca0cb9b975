"""Background work for search: keeping the index up to date."""

from django.tasks import task

from buurtwijs.search import services


@task(backend="background")
def search_index_task(kind: str, object_id: str) -> None:
    """Bring one record's search entry up to date (or remove it)."""
    services.search_entry_refresh(kind=kind, object_id=object_id)
