"""Test data for search: documents queued for indexing, and result titles."""

from typing import Any

from buurtwijs.knowledge.models import Document, DocumentKind
from buurtwijs.search.backends import Filters
from buurtwijs.search.selectors import search_public
from buurtwijs.search.services import index_later


def add_document(
    title: str,
    text: str,
    *,
    kind: str = DocumentKind.GUIDE,
    status: str = Document.Status.PUBLISHED,
    **fields: Any,
) -> Document:
    """A document as the library would hold it, queued for indexing."""
    document = Document.objects.create(
        title=title,
        kind=kind,
        extracted_text=text,
        status=status,
        **fields,
    )
    index_later(kind="document", object_id=document.pk)
    return document


def titles(query: str, **filters: str) -> list[str]:
    """Titles of the first page of results, best first."""
    results = search_public(query=query, filters=Filters(**filters))
    return [hit.plain_title for hit in results.hits]
