"""Importing initiatives and people from real CSV and XLSX files."""

import csv
import io
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook, load_workbook

from buurtwijs.accounts.models import PersonKind, Profile, User
from buurtwijs.directory.importing.rows import COLUMNS, INITIATIVES, PEOPLE
from buurtwijs.directory.importing.services import directory_import
from buurtwijs.directory.importing.templates import template_csv, template_xlsx
from buurtwijs.directory.models import Initiative, PartnerRole

pytestmark = pytest.mark.django_db

INITIATIVE_HEADER = list(COLUMNS[INITIATIVES])
PEOPLE_HEADER = list(COLUMNS[PEOPLE])

LINDE = [
    "Buurtcoöperatie De Linde",
    "Buurtcoöperatie",
    "utrecht",
    "2016",
    "www.delinde.nl",
    "Bewoners beheren samen het buurthuis.",
    "wonen; zorg-en-gezondheid",
    "Gemeente Utrecht:municipality; Mitros:housing-corporation",
]
EVENAAR = [
    "Buurtvoorziening De Evenaar",
    "wijkcentrum",
    "GM0363",
    "",
    "",
    "",
    "",
    "",
]
FATIMA = [
    "Fatima el Amrani",
    "Fatima@Voorbeeld.nl",
    "Buurtteam Kanaleneiland",
    "Utrecht",
    "policy-maker",
    "Schuldhulp en armoede.",
    "armoede-en-schulden",
    "ja",
]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    # Messages are asserted in English, whatever translations the lead adds.
    with translation.override("en"):
        yield


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_good_initiatives_csv_is_imported_and_published(tmp_path: Path) -> None:
    # given
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE, EVENAAR])
    # when
    report = directory_import(kind=INITIATIVES, file=path)
    # then
    assert (report.error, report.rejected) == ("", [])
    assert (report.rows, report.created, report.updated) == (2, 2, 0)
    linde = Initiative.objects.get(name="Buurtcoöperatie De Linde")
    assert linde.status == Initiative.Status.PUBLISHED
    assert linde.kind == "buurtcooperatie"
    assert linde.municipality.code == "GM0344"
    assert linde.founded_year == 2016
    assert linde.website == "https://www.delinde.nl"
    assert sorted(linde.themes.values_list("slug", flat=True)) == [
        "wonen",
        "zorg-en-gezondheid",
    ]
    assert list(linde.partners.values_list("name", "role")) == [
        ("Gemeente Utrecht", PartnerRole.MUNICIPALITY),
        ("Mitros", PartnerRole.HOUSING_CORPORATION),
    ]
    evenaar = Initiative.objects.get(name="Buurtvoorziening De Evenaar")
    assert evenaar.municipality.code == "GM0363"
    assert evenaar.kind == "wijkcentrum"


def test_good_people_xlsx_is_imported_without_accounts(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [
            PEOPLE_HEADER,
            FATIMA,
            ["Joost de Vries", "joost@voorbeeld.nl", "", "", "", "", "", "nee"],
        ],
    )

    report = directory_import(kind=PEOPLE, file=path)

    assert (report.error, report.rejected, report.created) == ("", [], 2)
    fatima = Profile.objects.get(email="fatima@voorbeeld.nl")
    assert fatima.user is None
    assert fatima.name == "Fatima el Amrani"
    assert fatima.kind == PersonKind.POLICY_MAKER
    assert fatima.municipality is not None and fatima.municipality.code == "GM0344"
    assert list(fatima.themes.values_list("slug", flat=True)) == ["armoede-en-schulden"]
    assert fatima.is_public
    assert fatima.show_organisation and fatima.show_municipality
    assert fatima.show_expertise and fatima.show_themes
    joost = Profile.objects.get(email="joost@voorbeeld.nl")
    assert not joost.is_public
    assert joost.municipality is None
    assert not User.objects.filter(email__iexact="fatima@voorbeeld.nl").exists()


def test_reimport_updates_initiatives_instead_of_duplicating(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE])
    directory_import(kind=INITIATIVES, file=path)
    changed = [*LINDE]
    changed[0] = "buurtcooperatie de linde"  # same slug, same municipality
    changed[5] = "Nieuwe beschrijving."
    changed[7] = "Gemeente Utrecht:municipality"
    write_csv(path, [INITIATIVE_HEADER, changed])

    report = directory_import(kind=INITIATIVES, file=path)

    assert (report.created, report.updated) == (0, 1)
    initiative = Initiative.objects.get()
    assert initiative.description == "Nieuwe beschrijving."
    assert initiative.partners.count() == 1


def test_reimport_updates_people_by_email(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [PEOPLE_HEADER, FATIMA])
    directory_import(kind=PEOPLE, file=path)
    changed = [*FATIMA]
    changed[1] = "fatima@voorbeeld.nl"
    changed[2] = "Gemeente Utrecht"
    changed[7] = "nee"
    write_csv(path, [PEOPLE_HEADER, changed])

    report = directory_import(kind=PEOPLE, file=path)

    assert (report.created, report.updated) == (0, 1)
    fatima = Profile.objects.get(email="fatima@voorbeeld.nl")
    assert fatima.organisation == "Gemeente Utrecht"
    assert not fatima.is_public


def test_the_same_key_twice_in_one_file_is_one_initiative(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE, LINDE])

    report = directory_import(kind=INITIATIVES, file=path)

    assert (report.created, report.updated, report.unchanged) == (1, 0, 1)
    assert Initiative.objects.count() == 1


@pytest.mark.parametrize("kind", [INITIATIVES, PEOPLE])
def test_reimporting_an_unchanged_file_writes_nothing(
    tmp_path: Path, kind: str, django_assert_max_num_queries
) -> None:
    rows = [INITIATIVE_HEADER, LINDE, EVENAAR]
    if kind == PEOPLE:
        rows = [PEOPLE_HEADER, FATIMA]
    path = write_csv(tmp_path / "f.csv", rows)
    directory_import(kind=kind, file=path)

    # reading what exists takes a fixed few queries; no row writes anything
    with django_assert_max_num_queries(20) as queries:
        report = directory_import(kind=kind, file=path)

    assert (report.created, report.updated) == (0, 0)
    writes = ("INSERT", "UPDATE", "DELETE")
    assert not [q for q in queries.captured_queries if q["sql"].startswith(writes)]
    assert report.unchanged == len(rows) - 1


def test_windows_1252_with_semicolons_is_read(tmp_path: Path) -> None:
    row = [*LINDE]
    row[0] = "Dorpshuis Súdwest"
    row[1] = "DORPSHUIS"
    row[2] = "Súdwest-Fryslân"
    path = write_csv(
        tmp_path / "i.csv",
        [INITIATIVE_HEADER, row],
        encoding="cp1252",
        delimiter=";",
    )

    report = directory_import(kind=INITIATIVES, file=path)

    assert (report.error, report.rejected, report.created) == ("", [], 1)
    initiative = Initiative.objects.get()
    assert initiative.name == "Dorpshuis Súdwest"
    assert initiative.municipality.name.startswith("S")
    assert initiative.partners.count() == 2


def test_utf8_with_bom_is_read(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE], encoding="utf-8-sig"
    )

    report = directory_import(kind=INITIATIVES, file=path)

    assert (report.error, report.created) == ("", 1)
    assert Initiative.objects.get().name == "Buurtcoöperatie De Linde"


def test_extra_column_is_ignored_and_reported(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "i.csv",
        [[*INITIATIVE_HEADER, "Opmerking"], [*LINDE, "bellen in mei"]],
    )

    report = directory_import(kind=INITIATIVES, file=path)

    assert report.created == 1
    assert report.ignored_columns == ["Opmerking"]
    assert any("Opmerking" in line for line in report.summary)


def test_headers_in_other_case_and_order_are_recognised(tmp_path: Path) -> None:
    header = [name.upper() for name in reversed(PEOPLE_HEADER)]
    header[-2] = "E-mail"
    path = write_csv(tmp_path / "p.csv", [header, list(reversed(FATIMA))])

    report = directory_import(kind=PEOPLE, file=path)

    assert (report.error, report.rejected, report.created) == ("", [], 1)


def test_missing_columns_are_refused_with_their_names(tmp_path: Path) -> None:
    header = [c for c in INITIATIVE_HEADER if c not in ("municipality", "partners")]
    path = write_csv(tmp_path / "i.csv", [header, LINDE[:6]])

    report = directory_import(kind=INITIATIVES, file=path)

    assert "municipality, partners" in report.error
    assert not report.stored
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF"),
        (b"", "empty"),
        (b"\n\n  \r\n", "empty"),
        (bytes(range(256)) * 20, "not a spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    ],
    ids=["pdf", "empty", "blank", "binary", "old-excel"],
)
def test_a_file_that_is_no_spreadsheet_is_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(content)

    report = directory_import(kind=INITIATIVES, file=path)

    assert message in report.error
    assert report.rows == 0


def test_a_zip_that_is_no_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hallo")

    report = directory_import(kind=PEOPLE, file=path)

    assert "ZIP archive" in report.error


def test_a_damaged_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "dit is geen xml")

    report = directory_import(kind=PEOPLE, file=path)

    assert "cannot be read" in report.error


def test_header_without_rows_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER])

    report = directory_import(kind=INITIATIVES, file=path)

    assert "no rows" in report.error


def test_bad_rows_are_reported_with_line_numbers_and_good_rows_stored(
    tmp_path: Path,
) -> None:
    # given: line 1 is the header; line 4 is empty and skipped but counted
    bad_municipality = [*EVENAAR]
    bad_municipality[0], bad_municipality[2] = "Ergens", "Nergenshuizen"
    bad_everything = ["", "kasteel", "Utrecht", "ooit", "", "", "vrede", "Jan"]
    rows = [
        INITIATIVE_HEADER,
        LINDE,
        bad_municipality,
        [],
        bad_everything,
        EVENAAR,
    ]
    path = write_xlsx(tmp_path / "i.xlsx", rows)

    # when
    report = directory_import(kind=INITIATIVES, file=path)

    # then
    assert [r.line for r in report.rejected] == [3, 5]
    assert "unknown municipality Nergenshuizen" in report.rejected[0].reason
    reason = report.rejected[1].reason
    assert "name is empty" in reason
    assert "unknown kind kasteel" in reason
    assert "founded must be a year" in reason
    assert "unknown theme vrede" in reason
    assert "partner Jan needs a name and a role" in reason
    assert report.created == 2
    assert set(Initiative.objects.values_list("name", flat=True)) == {
        "Buurtcoöperatie De Linde",
        "Buurtvoorziening De Evenaar",
    }


def test_unknown_municipality_suggests_a_name(tmp_path: Path) -> None:
    row = [*LINDE]
    row[2] = "Utrect"
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, row])

    report = directory_import(kind=INITIATIVES, file=path)

    assert report.rejected[0].reason == (
        "unknown municipality Utrect; did you mean Utrecht?"
    )


def test_atomic_stores_nothing_when_a_row_is_bad(tmp_path: Path) -> None:
    bad = [*EVENAAR]
    bad[1] = "kasteel"
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE, bad])

    report = directory_import(kind=INITIATIVES, file=path, atomic=True)

    assert [r.line for r in report.rejected] == [3]
    assert not report.stored
    assert any("Nothing was stored" in line for line in report.summary)
    assert not Initiative.objects.exists()


def test_atomic_stores_everything_when_all_rows_are_good(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE, EVENAAR])

    report = directory_import(kind=INITIATIVES, file=path, atomic=True)

    assert report.stored
    assert Initiative.objects.count() == 2


def test_dry_run_stores_nothing(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", [PEOPLE_HEADER, FATIMA])

    report = directory_import(kind=PEOPLE, file=path, dry_run=True)

    assert (report.created, report.rejected, report.stored) == (1, [], False)
    assert not Profile.objects.filter(email="fatima@voorbeeld.nl").exists()


def test_people_rows_are_checked(tmp_path: Path) -> None:
    rows = [
        PEOPLE_HEADER,
        ["Zonder adres", "", "", "", "", "", "", ""],
        ["Fout adres", "geen-adres", "", "", "chef", "", "", "misschien"],
    ]
    path = write_csv(tmp_path / "p.csv", rows)

    report = directory_import(kind=PEOPLE, file=path)

    assert [r.line for r in report.rejected] == [2, 3]
    assert "email is empty" in report.rejected[0].reason
    assert "not an e-mail address" in report.rejected[1].reason
    assert "unknown kind chef" in report.rejected[1].reason
    assert "public must be yes or no" in report.rejected[1].reason


def test_a_members_own_profile_is_not_changed_by_an_import(
    tmp_path: Path, member: User
) -> None:
    row = [*FATIMA]
    row[1] = member.email.upper()
    path = write_csv(tmp_path / "p.csv", [PEOPLE_HEADER, row])

    report = directory_import(kind=PEOPLE, file=path)

    assert "belongs to a member with an account" in report.rejected[0].reason
    assert Profile.objects.get(user=member).name == "Anouk Jansen"


def test_import_queries_do_not_grow_beyond_the_writes(
    tmp_path: Path, django_assert_max_num_queries
) -> None:
    rows = [INITIATIVE_HEADER]
    for number in range(40):
        row = [*LINDE]
        row[0] = f"Initiatief {number}"
        rows.append(row)
    path = write_csv(tmp_path / "i.csv", rows)

    # per row: savepoint, insert, themes, partners, the match index's version
    # (so the next match sees the row), release; plus a fixed few
    with django_assert_max_num_queries(10 + 6 * 40):
        report = directory_import(kind=INITIATIVES, file=path)

    assert report.created == 40


def test_command_imports_and_reports(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, LINDE])
    out = io.StringIO()

    call_command("import_directory", "initiatives", str(path), stdout=out)

    assert "1 created" in out.getvalue()
    assert Initiative.objects.count() == 1


def test_command_fails_when_a_row_is_rejected_and_atomic(tmp_path: Path) -> None:
    bad = [*LINDE]
    bad[2] = "Utrect"
    path = write_csv(tmp_path / "i.csv", [INITIATIVE_HEADER, EVENAAR, bad])
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 rows rejected"):
        call_command(
            "import_directory", "initiatives", str(path), "--atomic", stdout=out
        )

    assert "line 3: unknown municipality Utrect" in out.getvalue()
    assert "Nothing was stored" in out.getvalue()
    assert not Initiative.objects.exists()


def test_command_refuses_a_file_that_is_no_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4 whatever")

    with pytest.raises(CommandError, match="PDF"):
        call_command("import_directory", "people", str(path))


@pytest.mark.parametrize("kind", [INITIATIVES, PEOPLE])
def test_templates_import_cleanly(tmp_path: Path, kind: str) -> None:
    csv_path = tmp_path / f"{kind}.csv"
    csv_path.write_bytes(template_csv(kind))
    xlsx_path = tmp_path / f"{kind}.xlsx"
    xlsx_path.write_bytes(template_xlsx(kind))

    first = directory_import(kind=kind, file=csv_path)
    second = directory_import(kind=kind, file=xlsx_path)

    assert (first.error, first.rejected, first.created) == ("", [], 1)
    assert (second.error, second.rejected, second.unchanged) == ("", [], 1)
    sheet = load_workbook(xlsx_path, read_only=True).worksheets[0]
    header = next(sheet.iter_rows(values_only=True))
    assert list(header) == list(COLUMNS[kind])
