"""Editors moderate uploads in /beheer/; nobody else can."""

from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.services import document_upload
from buurtwijs.knowledge.tests import documents_support as files


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


@pytest.fixture
def pending(member: User) -> Document:
    return document_upload(
        user=member,
        title="Statuten buurtcoöperatie",
        kind="statuten",
        file=files.upload("statuten.pdf", files.pdf_bytes("Statuten")),
    )


def test_editor_sees_the_queue_and_publishes(
    editor: User,
    pending: Document,
    client_for,
    tasks,  # noqa: ANN001
) -> None:
    browser = client_for(editor)

    queue = browser.get("/beheer/kennisbank-moderatie/")
    assert queue.status_code == 200
    assert "Statuten buurtcoöperatie" in queue.content.decode()

    response = browser.post(
        f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "approve"}
    )

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Document.Status.PUBLISHED
    assert pending.published_at is not None
    tasks.run()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anouk@voorbeeld.nl"]
    assert DBTaskResult.objects.filter(task_path__contains="search_index_task").exists()


def test_editor_rejects(editor: User, pending: Document, client_for) -> None:  # noqa: ANN001
    client_for(editor).post(
        f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "reject"}
    )

    pending.refresh_from_db()
    assert pending.status == Document.Status.REJECTED
    assert pending.published_at is None


def test_member_cannot_moderate_even_their_own_upload(
    member: User,
    pending: Document,
    client_for,  # noqa: ANN001
) -> None:
    browser = client_for(member)

    assert browser.get("/beheer/kennisbank-moderatie/").status_code in (302, 403)
    response = browser.post(
        f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "approve"}
    )

    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Document.Status.PENDING


def test_visitor_cannot_moderate(visitor: Client, pending: Document) -> None:
    visitor.post(f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "approve"})

    pending.refresh_from_db()
    assert pending.status == Document.Status.PENDING


def test_deciding_twice_is_404_not_a_second_decision(
    editor: User,
    pending: Document,
    client_for,  # noqa: ANN001
) -> None:
    browser = client_for(editor)
    browser.post(f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "approve"})

    again = browser.post(
        f"/beheer/kennisbank-moderatie/{pending.pk}/", {"decision": "reject"}
    )

    assert again.status_code == 404
    pending.refresh_from_db()
    assert pending.status == Document.Status.PUBLISHED


def test_member_upload_appears_in_the_library_only_after_approval(
    member: User,
    editor: User,
    client: Client,
    client_for,  # noqa: ANN001
) -> None:
    response = client_for(member).post(
        "/kennisbank/delen/",
        {
            "title": "Handreiking buurtgesprek",
            "kind": "handreiking",
            "licence": "CC BY 4.0",
            "visibility": "public",
            "file": files.upload("handreiking.docx", files.docx_bytes("Stap 1")),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert "Handreiking buurtgesprek" not in client.get("/kennisbank/").content.decode()

    client_for(editor).post(
        f"/beheer/kennisbank-moderatie/{document.pk}/", {"decision": "approve"}
    )

    assert "Handreiking buurtgesprek" in client.get("/kennisbank/").content.decode()
