"""How cases, published documents and publications appear in the site search."""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from buurtwijs.core.models import Theme
from buurtwijs.knowledge.models import CasePage, Document, PublicationPage, Visibility
from buurtwijs.search.pages import in_batches, plain, public_pages
from buurtwijs.search.registry import IndexItem, register

THEMES = Prefetch("themes", queryset=Theme.objects.only("id", "slug"))


def _cases() -> QuerySet[CasePage]:
    return (
        public_pages(CasePage)
        .select_related(
            "municipality__province",
            "initiative__municipality__province",
        )
        .prefetch_related(THEMES, "partners")
    )


def _case_item(case: CasePage) -> IndexItem:
    municipality = case.municipality or (
        case.initiative.municipality if case.initiative else None
    )
    partners = list(case.partners.all())
    return IndexItem(
        kind="case",
        object_id=str(case.pk),
        title=case.title,
        url=case.get_url() or "",
        summary=case.summary,
        body=plain(
            case.context,
            *(partner.drivers for partner in partners),
            case.results,
            case.pitfalls,
            case.lessons,
        ),
        themes=tuple(theme.slug for theme in case.themes.all()),
        municipality_code=municipality.code if municipality else "",
        province_code=municipality.province.code if municipality else "",
        date=case.first_published_at,
        boost=1.3,
        extra_words=(
            *(partner.name for partner in partners),
            case.initiative.name if case.initiative else "",
            municipality.name if municipality else "",
        ),
    )


def _documents() -> QuerySet[Document]:
    return (
        Document.objects.filter(
            status=Document.Status.PUBLISHED, visibility=Visibility.PUBLIC
        )
        .select_related("municipality__province")
        .prefetch_related(THEMES)
    )


def _document_item(document: Document) -> IndexItem:
    municipality = document.municipality
    return IndexItem(
        kind="document",
        object_id=str(document.pk),
        title=document.title,
        url=reverse("knowledge:document_detail", kwargs={"pk": document.pk}),
        summary=document.description,
        body=document.extracted_text,
        themes=tuple(theme.slug for theme in document.themes.all()),
        municipality_code=municipality.code if municipality else "",
        province_code=municipality.province.code if municipality else "",
        date=document.published_at or document.created_at,
        extra_words=(str(document.get_kind_display()),),
    )


def _publication_item(publication: PublicationPage) -> IndexItem:
    return IndexItem(
        kind="publication",
        object_id=str(publication.pk),
        title=publication.title,
        url=publication.get_url() or "",
        summary=plain(publication.summary)[:500],
        body=plain(publication.summary),
        date=publication.first_published_at,
        boost=1.5,
        extra_words=(
            publication.authors,
            publication.publisher,
            str(publication.year or ""),
        ),
    )


def _by_pk(queryset: QuerySet, object_id: str):  # noqa: ANN202
    return queryset.filter(pk=object_id).first() if object_id.isdigit() else None


def load_case(object_id: str) -> IndexItem | None:
    case = _by_pk(_cases(), object_id)
    return _case_item(case) if case else None


def every_case() -> Iterator[IndexItem]:
    return (_case_item(case) for case in in_batches(_cases()))


def load_document(object_id: str) -> IndexItem | None:
    document = _by_pk(_documents(), object_id)
    return _document_item(document) if document else None


def every_document() -> Iterator[IndexItem]:
    return (_document_item(document) for document in in_batches(_documents()))


def load_publication(object_id: str) -> IndexItem | None:
    publication = _by_pk(public_pages(PublicationPage), object_id)
    return _publication_item(publication) if publication else None


def every_publication() -> Iterator[IndexItem]:
    return (_publication_item(p) for p in in_batches(public_pages(PublicationPage)))


register("case", load=load_case, every=every_case, page_model=CasePage)
register("document", load=load_document, every=every_document)
register(
    "publication",
    load=load_publication,
    every=every_publication,
    page_model=PublicationPage,
)
