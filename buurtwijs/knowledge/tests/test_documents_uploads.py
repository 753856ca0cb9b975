"""Uploads are checked by content: each refusal with a real file, nothing stored."""

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.tests import documents_support as files
from buurtwijs.knowledge.uploads import UploadRefused, upload_check
from conftest import TaskRunner

LIMIT = 25 * 1024 * 1024


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


def check(name: str, content: bytes, max_size: int = LIMIT) -> str:
    """The file type accepted, or the refusal message (in English)."""
    upload = files.upload(name, content)
    with translation.override("en"):
        try:
            return upload_check(
                upload, name=name, size=len(content), max_size=max_size
            ).file_type.extension
        except UploadRefused as refused:
            return refused.message


def in_english(client: Client) -> Client:
    """The messages are asserted in English, whatever the Dutch catalogue says."""
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def form_data(file: object, **fields: object) -> dict[str, object]:
    return {
        "title": "Statuten van onze buurtcoöperatie",
        "kind": "statuten",
        "description": "Vrij te gebruiken als voorbeeld.",
        "themes": [],
        "licence": "CC BY 4.0",
        "visibility": "public",
        "file": file,
        **fields,
    }


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


# --- What is accepted --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("statuten.pdf", files.pdf_bytes("Statuten"), "pdf"),
        ("plan.docx", files.docx_bytes("Projectplan"), "docx"),
        ("verslag.odt", files.odt_bytes("Verslag", "Tekst"), "odt"),
        (
            "begroting.xlsx",
            files.xlsx_bytes([["Post", "Bedrag"], ["Huur", 1200]]),
            "xlsx",
        ),
        ("foto.JPG", files.image_bytes("JPEG"), "jpg"),
        ("poster.png", files.image_bytes("PNG"), "png"),
        ("poster.webp", files.image_bytes("WEBP"), "webp"),
        ("animatie.gif", files.image_bytes("GIF"), "gif"),
    ],
)
def test_real_files_of_each_accepted_type_pass(
    name: str, content: bytes, expected: str
) -> None:
    assert check(name, content) == expected


# --- What is refused, and why ------------------------------------------------------


def test_png_named_pdf_is_refused_as_a_mismatch() -> None:
    message = check("rapport.pdf", files.image_bytes("PNG"))
    assert "does not match its name" in message
    assert "PNG" in message


def test_spreadsheet_renamed_to_docx_is_refused() -> None:
    message = check("plan.docx", files.xlsx_bytes([["a"]]))
    assert "does not match its name" in message
    assert "XLSX" in message


def test_executable_is_refused_whatever_its_name() -> None:
    assert "Programs" in check("handleiding.pdf", files.EXE_BYTES)
    assert "Programs" in check("setup.exe", files.EXE_BYTES)


def test_macro_enabled_docm_is_refused() -> None:
    docm = files.with_extra_entry(
        files.docx_bytes("Met macro"), "word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro"
    )
    assert "macros" in check("formulier.docm", docm)
    assert "macros" in check("rekenblad.xlsm", files.xlsx_bytes([["x"]]))


def test_docx_hiding_a_vba_project_is_refused() -> None:
    docx_with_macro = files.with_extra_entry(
        files.docx_bytes("Ziet er onschuldig uit"),
        "word/vbaProject.bin",
        b"\xd0\xcf\x11\xe0macro",
    )
    assert "macros" in check("formulier.docx", docx_with_macro)


def test_svg_with_script_is_refused_also_under_another_name() -> None:
    assert "SVG" in check("logo.svg", files.SVG_WITH_SCRIPT)
    assert "SVG" in check("logo.png", files.SVG_WITH_SCRIPT)


def test_zip_bomb_is_refused_by_its_unpacked_size() -> None:
    bomb = files.zip_bomb_docx_bytes(201)
    assert len(bomb) < 2 * 1024 * 1024  # small on the wire …
    assert "more than 200 MB" in check("plan.docx", bomb)  # … huge unpacked


def test_file_over_the_size_limit_is_refused() -> None:
    message = check("rapport.pdf", files.pdf_bytes("Rapport"), max_size=100)
    assert "limit" in message


def test_empty_file_and_unknown_type_are_refused() -> None:
    assert "empty" in check("leeg.pdf", b"")
    assert "not accepted" in check("notities.txt", b"Gewoon tekst")


def test_image_claiming_a_gigantic_size_is_refused() -> None:
    assert "too many pixels" in check(
        "kaart.png", files.png_header_only(100_000, 100_000)
    )


def test_damaged_office_file_is_refused() -> None:
    assert "damaged" in check("plan.docx", b"PK\x03\x04" + bytes(500))


# --- Through the form: a clear message, nothing half-stored ------------------------


@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("rapport.pdf", files.image_bytes("PNG"), "does not match its name"),
        ("setup.pdf", files.EXE_BYTES, "Programs"),
        ("logo.svg", files.SVG_WITH_SCRIPT, "SVG"),
        ("notulen.docm", files.docx_bytes("x"), "macros"),
    ],
)
def test_refused_upload_shows_the_reason_on_the_form_and_stores_nothing(
    member: User,
    client_for,  # noqa: ANN001
    documents_root: Path,
    name: str,
    content: bytes,
    phrase: str,
) -> None:
    response = in_english(client_for(member)).post(
        "/kennisbank/delen/", form_data(files.upload(name, content))
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "has not been saved" in html
    assert phrase in html
    assert Document.objects.count() == 0
    assert stored_files(documents_root) == []


def test_upload_over_the_limit_is_refused_on_the_form(
    member: User,
    client_for,
    settings,
    documents_root: Path,  # noqa: ANN001
) -> None:
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 1024 * 1024
    big = files.pdf_bytes("Groot") + b"%" + bytes(1024 * 1024)

    response = in_english(client_for(member)).post(
        "/kennisbank/delen/", form_data(files.upload("groot.pdf", big))
    )

    assert response.status_code == 200
    assert "the limit is 1 MB" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(documents_root) == []


def test_subsidy_without_deadline_is_refused_before_the_file_is_looked_at(
    member: User,
    client_for,
    documents_root: Path,  # noqa: ANN001
) -> None:
    response = in_english(client_for(member)).post(
        "/kennisbank/delen/",
        form_data(files.upload("regeling.pdf", files.pdf_bytes("x")), kind="subsidie"),
    )

    assert response.status_code == 200
    assert "deadline" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(documents_root) == []


def test_member_upload_is_stored_pending_under_a_random_name(
    member: User,
    client_for,
    documents_root: Path,  # noqa: ANN001
) -> None:
    content = files.pdf_bytes("Statuten van de buurtcooperatie")

    response = in_english(client_for(member)).post(
        "/kennisbank/delen/",
        form_data(files.upload("../../Statuten Oog in Al.pdf", content)),
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.status == Document.Status.PENDING
    assert document.uploaded_by == member
    assert document.file_name == "Statuten Oog in Al.pdf"
    assert document.content_type == "application/pdf"
    assert document.file_size == len(content)
    assert document.text_status == "pending"
    [stored] = stored_files(documents_root)
    assert stored.read_bytes() == content
    assert "Statuten" not in stored.name  # the original name is not the disk name


def test_double_submit_stores_the_document_once(
    member: User,
    client_for,
    documents_root: Path,  # noqa: ANN001
) -> None:
    browser = client_for(member)
    form = browser.get("/kennisbank/delen/").context["form"]
    key = str(form.initial["submission"])
    content = files.pdf_bytes("Projectplan")

    for _ in range(2):
        response = browser.post(
            "/kennisbank/delen/",
            form_data(files.upload("plan.pdf", content), submission=key),
        )
        assert response.status_code == 302

    assert Document.objects.count() == 1
    assert len(stored_files(documents_root)) == 1


def test_visitor_cannot_upload(visitor: Client, db: None) -> None:
    response = visitor.post(
        "/kennisbank/delen/", form_data(files.upload("a.pdf", files.pdf_bytes("a")))
    )

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert Document.objects.count() == 0


def test_account_without_membership_cannot_upload(client_for) -> None:  # noqa: ANN001
    from buurtwijs.accounts.tests.factories import UserFactory

    outsider = UserFactory.create(email="nog.niet@voorbeeld.nl", username="nognie")

    assert client_for(outsider).get("/kennisbank/delen/").status_code == 403


def test_a_20_mb_pdf_is_stored_at_once_and_read_afterwards(
    member: User,
    client_for,  # noqa: ANN001
    documents_root: Path,
    tasks: TaskRunner,
) -> None:
    # a real PDF whose last page holds 20 MB of image-like filler
    content = files.pdf_bytes("Projectplan wijktuin") + b"%" + bytes(20 * 1024 * 1024)

    response = in_english(client_for(member)).post(
        "/kennisbank/delen/", form_data(files.upload("projectplan.pdf", content))
    )

    # the request stored the file and left the reading to the worker
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.file_size, document.text_status) == (len(content), "pending")
    assert document.extracted_text == ""
    tasks.run()
    document.refresh_from_db()
    assert document.text_status == "extracted"
    assert "Projectplan wijktuin" in document.extracted_text
