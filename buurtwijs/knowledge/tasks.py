"""Background work of the knowledge base: reading the text of uploaded documents."""

from django.tasks import task

from buurtwijs.knowledge import services


@task(backend="background")
def document_text_extract_task(document_id: int) -> None:
    """Extract the text (or make the thumbnail) of one uploaded document."""
    services.document_text_extract(document_id=document_id)
