"""The import page in /beheer/: editors upload, others are turned away."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from buurtwijs.accounts.models import Profile, User
from buurtwijs.directory.importing.readers import MAX_UPLOAD_BYTES
from buurtwijs.directory.importing.rows import COLUMNS, INITIATIVES, PEOPLE
from buurtwijs.directory.models import Initiative

pytestmark = pytest.mark.django_db

URL = "/beheer/directory-import/"


def initiatives_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS[INITIATIVES])
    writer.writerow(
        ["Voedseltuin Noord", "voedseltuin", "Groningen", "2019", "", "", "", ""]
    )
    writer.writerow(["Kapot", "kasteel", "Nergenshuizen", "", "", "", "", ""])
    return buffer.getvalue().encode("cp1252")


def people_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(COLUMNS[PEOPLE])
    sheet.append(
        ["Sanne Bakker", "sanne@voorbeeld.nl", "", "Zwolle", "", "", "", "yes"]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client: Client, kind: str, name: str, content: bytes, **extra: str):  # noqa: ANN201
    return client.post(
        URL, {"kind": kind, "file": SimpleUploadedFile(name, content), **extra}
    )


def test_url_is_registered_under_the_admin() -> None:
    assert reverse("directory_import") == URL


def test_editor_sees_the_upload_page_with_template_links(
    client_for, editor: User
) -> None:
    response = client_for(editor).get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="file"' in html
    for kind in (INITIATIVES, PEOPLE):
        for extension in ("csv", "xlsx"):
            assert reverse("directory_import_template", args=[kind, extension]) in html


def test_editor_uploads_a_csv_and_sees_the_report(client_for, editor: User) -> None:
    response = upload(client_for(editor), INITIATIVES, "lijst.csv", initiatives_csv())

    assert response.status_code == 200
    report = response.context["report"]
    assert (report.created, [r.line for r in report.rejected]) == (1, [3])
    html = response.content.decode()
    assert "Nergenshuizen" in html
    assert "<td>3</td>" in html
    initiative = Initiative.objects.get(name="Voedseltuin Noord")
    assert initiative.status == Initiative.Status.PUBLISHED


def test_editor_uploads_people_as_xlsx(client_for, editor: User) -> None:
    response = upload(client_for(editor), PEOPLE, "mensen.xlsx", people_xlsx())

    assert response.status_code == 200
    assert response.context["report"].created == 1
    sanne = Profile.objects.get(email="sanne@voorbeeld.nl")
    assert sanne.is_public and sanne.user is None


def test_all_or_nothing_upload_stores_nothing_when_a_row_is_bad(
    client_for, editor: User
) -> None:
    response = upload(
        client_for(editor), INITIATIVES, "lijst.csv", initiatives_csv(), atomic="on"
    )

    assert response.status_code == 200
    assert not response.context["report"].stored
    assert not Initiative.objects.filter(name="Voedseltuin Noord").exists()


def test_a_pdf_upload_is_refused_with_a_message(client_for, editor: User) -> None:
    response = upload(client_for(editor), PEOPLE, "lijst.csv", b"%PDF-1.5 junk")

    assert response.status_code == 200
    assert response.context["report"].error
    assert "help-critical" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused(client_for, editor: User) -> None:
    content = b"name,kind\n" + b"x" * MAX_UPLOAD_BYTES

    response = upload(client_for(editor), INITIATIVES, "groot.csv", content)

    assert response.status_code == 200
    assert response.context["report"] is None
    assert response.context["form"].errors["file"]


def test_member_is_turned_away(client_for, member: User) -> None:
    client = client_for(member)

    assert client.get(URL).status_code == 302
    response = upload(client, INITIATIVES, "lijst.csv", initiatives_csv())
    assert response.status_code == 302
    assert not Initiative.objects.filter(name="Voedseltuin Noord").exists()


def test_visitor_is_sent_to_the_login(visitor: Client) -> None:
    response = visitor.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]
    template_url = reverse("directory_import_template", args=[PEOPLE, "csv"])
    assert visitor.get(template_url).status_code == 302


@pytest.mark.parametrize("kind", [INITIATIVES, PEOPLE])
def test_csv_template_has_the_header_row(client_for, editor: User, kind: str) -> None:
    url = reverse("directory_import_template", args=[kind, "csv"])

    response = client_for(editor).get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert next(csv.reader(lines, delimiter=";")) == list(COLUMNS[kind])
    assert len(lines) == 2


@pytest.mark.parametrize("kind", [INITIATIVES, PEOPLE])
def test_xlsx_template_has_the_header_row(client_for, editor: User, kind: str) -> None:
    url = reverse("directory_import_template", args=[kind, "xlsx"])

    response = client_for(editor).get(url)

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(COLUMNS[kind])
    assert len(rows) == 2


def test_unknown_template_is_not_found(client_for, editor: User) -> None:
    url = reverse("directory_import_template", args=[PEOPLE, "pdf"])

    assert client_for(editor).get(url).status_code == 404


def test_admin_menu_links_to_the_import_page(client_for, editor: User) -> None:
    response = client_for(editor).get("/beheer/")

    assert URL in response.content.decode()
