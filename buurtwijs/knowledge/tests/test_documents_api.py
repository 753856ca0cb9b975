"""The open data API for documents: public, published, paged, cached."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.services import document_moderate, document_upload
from buurtwijs.knowledge.tests import documents_support as files
from buurtwijs.knowledge.tests.documents_support import (
    days_from_today,
    published_document,
)


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    cache.clear()
    return settings.DOCUMENTS_ROOT


def test_list_has_count_next_and_items_of_public_published_documents(
    client: Client, db: None
) -> None:
    for number in range(3):
        published_document(title=f"Handreiking {number}", themes=["wonen"])
    published_document(title="Voor leden", visibility="members")
    published_document(title="Wacht", status=Document.Status.PENDING)

    body = client.get("/api/v1/documents?page_size=2").json()

    assert body["count"] == 3
    assert body["next"].endswith("page=2&page_size=2") or "page=2" in body["next"]
    assert body["previous"] is None
    assert len(body["items"]) == 2
    item = body["items"][0]
    assert item["themes"] == [
        {"slug": "wonen", "name": "Wonen en maatschappelijk vastgoed"}
    ]
    assert item["url"].startswith("http://testserver/kennisbank/")
    assert "Voor leden" not in str(body)


def test_list_filters_combine_and_unknown_values_give_nothing(
    client: Client, db: None
) -> None:
    published_document(
        title="Subsidie Utrecht",
        kind="subsidie",
        deadline=days_from_today(10),
        municipality="GM0344",
    )
    published_document(
        title="Onderzoek Rotterdam", kind="onderzoek", municipality="GM0599"
    )

    def found(query: str) -> list[str]:
        response = client.get(f"/api/v1/documents?{query}")
        assert response.status_code == 200
        return [item["title"] for item in response.json()["items"]]

    assert found("kind=subsidie") == ["Subsidie Utrecht"]
    assert found("municipality=gm0599") == ["Onderzoek Rotterdam"]
    assert found("province=Utrecht") == ["Subsidie Utrecht"]
    assert found("province=PV28&kind=onderzoek") == ["Onderzoek Rotterdam"]
    assert found("kind=toverboek") == []
    assert found("theme=bestaat-niet") == []
    assert len(found("theme=%00")) == 2  # a NUL is dropped: an empty filter


def test_bad_parameters_answer_422_and_past_the_end_404(
    client: Client, db: None
) -> None:
    published_document()

    assert client.get("/api/v1/documents?page=0").status_code == 422
    assert client.get("/api/v1/documents?page_size=1000").status_code == 422
    assert client.get("/api/v1/documents?kind=" + "x" * 100).status_code == 422
    past = client.get("/api/v1/documents?page=5")
    assert past.status_code == 404
    assert "last page is 1" in past.json()["detail"]


def test_list_is_publicly_cacheable(client: Client, db: None) -> None:
    published_document()

    response = client.get("/api/v1/documents")

    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_list_query_count_does_not_grow(
    client: Client,
    db: None,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(30):
        published_document(
            title=f"Doc {number}", municipality="GM0344", themes=["wonen"]
        )

    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/documents?page_size=30")
    assert len(response.json()["items"]) == 30


def test_detail_has_metadata_and_a_download_url(
    client: Client, member: User, editor: User
) -> None:
    document = document_upload(
        user=member,
        title="Projectplan",
        kind="projectplan",
        file=files.upload("Plan.pdf", files.pdf_bytes("Plan")),
        licence="CC BY 4.0",
    )
    document_moderate(document=document, editor=editor, approve=True)

    body = client.get(f"/api/v1/documents/{document.pk}").json()

    assert body["title"] == "Projectplan"
    assert body["licence"] == "CC BY 4.0"
    assert body["file_name"] == "Plan.pdf"
    assert body["content_type"] == "application/pdf"
    assert body["download_url"] == (
        f"http://testserver/kennisbank/{document.pk}/downloaden/"
    )
    assert "anouk" not in str(body).lower()


def test_detail_of_members_only_pending_or_unknown_documents_is_404(
    client: Client, member: User
) -> None:
    members_only = published_document(title="Voor leden", visibility="members")
    waiting = published_document(title="Wacht", status=Document.Status.PENDING)

    for document_id in (members_only.pk, waiting.pk, 999_999, "abc", "9" * 40):
        response = client.get(f"/api/v1/documents/{document_id}")
        assert response.status_code == 404
        assert "detail" in response.json()
