"""Turn an uploaded CSV or XLSX file into a header and numbered rows of text."""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# An .xlsx is a ZIP archive; refuse one that would unpack to far more than it holds.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_PDF = b"%PDF"
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old .xls and .doc formats


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, for people."""


@dataclass
class Table:
    """A header and the rows under it, each with its spreadsheet line number."""

    format: str
    header: list[str]
    rows: Iterator[tuple[int, list[str]]] = field(repr=False)


def read_bytes(source: str | Path | IO[bytes]) -> bytes:
    """Read at most the size limit from a path or a binary file object."""
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)
    else:
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is larger than %(size)s MB; split it into smaller files.")
            % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    return data


def read_table(data: bytes) -> Table:
    """Recognise the format by content (not by file name) and read the table."""
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(_ZIP):
        return _read_xlsx(data)
    if data.startswith(_PDF):
        raise ImportFileError(
            _("This is a PDF file, not a spreadsheet. Upload a CSV or XLSX file.")
        )
    if data.startswith(_OLE2):
        raise ImportFileError(
            _(
                "This is an old Excel (.xls) file. Save it as an Excel workbook "
                "(.xlsx) or as CSV and upload that."
            )
        )
    return _read_csv(data)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(data: bytes) -> Table:
    # Imported here: openpyxl takes a moment to load and only uploads need it.
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_workbook = "xl/workbook.xml" in archive.namelist()
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ImportFileError(
            _("The file looks like a ZIP archive but cannot be opened.")
        ) from error
    if not is_workbook:
        raise ImportFileError(
            _(
                "This is a ZIP archive, not an Excel workbook. "
                "Upload a CSV or XLSX file."
            )
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _("The workbook unpacks to more than %(size)s MB; split it.")
            % {"size": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds
        raise ImportFileError(
            _("The Excel workbook cannot be read: %(error)s") % {"error": error}
        ) from error
    sheet = workbook.worksheets[0]
    numbered = (
        (line, [_cell_text(value) for value in values])
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    )
    return _table("xlsx", numbered, close=workbook.close)


def _decode(data: bytes) -> str:
    # Excel on Windows saves "CSV" as Windows-1252; everything else as UTF-8,
    # sometimes with a byte-order mark.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(_not_a_spreadsheet()) from error


def _not_a_spreadsheet() -> str:
    return _("This file is not a spreadsheet. Upload a CSV or XLSX file.")


def _read_csv(data: bytes) -> Table:
    text = _decode(data)
    if "\x00" in text or _control_share(text[:4096]) > 0.01:
        raise ImportFileError(_not_a_spreadsheet())
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = (
        (line, [value.strip() for value in values])
        for line, values in enumerate(reader, start=1)
    )
    try:
        return _table("csv", numbered)
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file cannot be read: %(error)s") % {"error": error}
        ) from error


def _control_share(sample: str) -> float:
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\r\n\t")
    return controls / max(len(sample), 1)


def _table(
    kind: str,
    numbered: Iterator[tuple[int, list[str]]],
    close: Any = None,
) -> Table:
    for line, values in numbered:  # noqa: B007 - line is used by rows() below
        if any(values):
            header = values
            break
    else:
        if close is not None:
            close()
        raise ImportFileError(_("The file is empty."))

    def rows() -> Iterator[tuple[int, list[str]]]:
        last = line
        try:
            for last, values in numbered:
                if any(values):
                    yield last, values
        except Exception as error:  # noqa: BLE001 - csv and openpyxl raise many kinds
            raise ImportFileError(
                _("Line %(line)s of the file cannot be read: %(error)s")
                % {"line": last + 1, "error": error}
            ) from error
        finally:
            if close is not None:
                close()

    return Table(format=kind, header=header, rows=rows())
