"""Text extraction in the background worker: each format, images, unreadable files."""

from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document, TextStatus
from buurtwijs.knowledge.services import document_text_extract, document_upload
from buurtwijs.knowledge.tests import documents_support as files


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


def uploaded(
    member: User, name: str, content: bytes, kind: str = "onderzoek"
) -> Document:
    return document_upload(
        user=member,
        title=f"Upload {name}",
        kind=kind,
        file=files.upload(name, content),
    )


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        (
            "rapport.pdf",
            files.pdf_bytes("Onderzoek naar buurtcooperaties", "Bewoners en gemeente"),
            ["buurtcooperaties", "Bewoners en gemeente"],
        ),
        (
            "plan.docx",
            files.docx_bytes("Projectplan voedseltuin", "Begroting en planning"),
            ["voedseltuin", "Begroting en planning"],
        ),
        (
            "verslag.odt",
            files.odt_bytes("Verslag buurtavond", "Zeggenschap over het buurthuis"),
            ["Verslag buurtavond", "Zeggenschap over het buurthuis"],
        ),
        (
            "begroting.xlsx",
            files.xlsx_bytes([["Post", "Bedrag"], ["Huur wijkcentrum", 1200]]),
            ["Huur wijkcentrum", "1200", "Begroting"],
        ),
    ],
)
def test_worker_extracts_the_text_of_each_format(
    member: User,
    tasks,
    name: str,
    content: bytes,
    words: list[str],  # noqa: ANN001
) -> None:
    # given an upload that returned at once, with its text still to come
    document = uploaded(member, name, content)
    assert document.text_status == TextStatus.PENDING

    # when the worker runs
    assert tasks.run() >= 1

    # then the text is there
    document.refresh_from_db()
    assert document.text_status == TextStatus.EXTRACTED
    for word in words:
        assert word in document.extracted_text


def test_unreadable_pdf_is_kept_and_marked(member: User, tasks) -> None:  # noqa: ANN001
    document = uploaded(member, "kapot.pdf", files.broken_pdf_bytes())

    tasks.run()

    document.refresh_from_db()
    assert document.text_status == TextStatus.UNREADABLE
    assert document.extracted_text == ""
    assert document.file.name and document.file.storage.exists(
        document.file.name
    )  # the upload is kept
    assert not DBTaskResult.objects.filter(status="FAILED").exists()


def test_image_gets_a_small_thumbnail_and_no_text(member: User, tasks) -> None:  # noqa: ANN001
    document = uploaded(
        member, "foto.jpg", files.image_bytes("JPEG", (3000, 2000)), "beeldmateriaal"
    )

    tasks.run()

    document.refresh_from_db()
    assert document.text_status == TextStatus.NONE
    assert document.thumbnail
    from PIL import Image

    with document.thumbnail.open("rb") as thumb, Image.open(thumb) as picture:
        assert max(picture.size) <= 640
        assert picture.format == "JPEG"


def test_extraction_of_a_file_gone_from_disk_marks_it_unreadable(member: User) -> None:
    document = uploaded(member, "rapport.pdf", files.pdf_bytes("Tekst"))
    document.file.delete(save=False)

    assert document_text_extract(document_id=document.pk) == TextStatus.UNREADABLE


def test_extraction_of_a_deleted_document_does_nothing(member: User) -> None:
    document = uploaded(member, "rapport.pdf", files.pdf_bytes("Tekst"))
    pk = document.pk
    document.delete()

    assert document_text_extract(document_id=pk) is None


def test_extraction_queues_a_search_index_refresh(member: User, tasks) -> None:  # noqa: ANN001
    uploaded(member, "rapport.pdf", files.pdf_bytes("Tekst"))

    tasks.run()  # extraction, which leaves a search refresh behind

    assert DBTaskResult.objects.filter(
        task_path__contains="search_index_task", status="SUCCESSFUL"
    ).exists()
