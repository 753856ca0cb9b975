"""Downloadable CSV and XLSX templates: the columns of a kind and one example row."""

import csv
import io

from buurtwijs.directory.importing.rows import COLUMNS, INITIATIVES, PEOPLE

EXAMPLES: dict[str, tuple[str, ...]] = {
    INITIATIVES: (
        "Buurtcoöperatie De Linde",
        "buurtcooperatie",
        "Utrecht",
        "2016",
        "https://www.voorbeeld.nl",
        "Bewoners beheren samen het buurthuis en organiseren zorg en ontmoeting.",
        "ontmoeting-en-eenzaamheid; zorg-en-gezondheid",
        "Gemeente Utrecht:municipality; Woonstichting Mitros:housing-corporation",
    ),
    PEOPLE: (
        "Fatima el Amrani",
        "fatima@voorbeeld.nl",
        "Buurtteam Kanaleneiland",
        "GM0344",
        "professional",
        "Zet buurtkracht in bij schuldhulp en armoede.",
        "armoede-en-schulden; participatie-en-samenwerking",
        "ja",
    ),
}

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_csv(kind: str) -> bytes:
    """The template as CSV, with a byte-order mark and `;` as Dutch Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    writer.writerow(EXAMPLES[kind])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx(kind: str) -> bytes:
    """The template as an Excel workbook with one sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101 - a new workbook always has a sheet
    sheet.title = kind
    sheet.append(COLUMNS[kind])
    sheet.append(EXAMPLES[kind])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_SAMPLE_PLACES = (
    "Utrecht",
    "gm0363",
    "Rotterdam",
    "'s-Hertogenbosch",
    "Súdwest-Fryslân",
)


def sample_csv(kind: str, count: int) -> bytes:
    """A CSV of `count` distinct, valid rows, for measuring an import's speed."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind])
    example = list(EXAMPLES[kind])
    for number in range(1, count + 1):
        row = [*example]
        row[0] = f"{example[0]} {number}"
        if kind == INITIATIVES:
            row[2] = _SAMPLE_PLACES[number % len(_SAMPLE_PLACES)]
        else:
            row[1] = f"persoon{number}@voorbeeld.nl"
            row[3] = _SAMPLE_PLACES[number % len(_SAMPLE_PLACES)]
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
