"""Cases, shared documents and publications."""

from buurtwijs.knowledge.models.cases import CaseIndexPage, CasePage, CasePartner
from buurtwijs.knowledge.models.documents import (
    Document,
    DocumentKind,
    TextStatus,
    Visibility,
)
from buurtwijs.knowledge.models.publications import PublicationPage

__all__ = [
    "CaseIndexPage",
    "CasePage",
    "CasePartner",
    "Document",
    "DocumentKind",
    "PublicationPage",
    "TextStatus",
    "Visibility",
]
