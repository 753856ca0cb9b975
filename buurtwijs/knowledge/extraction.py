"""Text out of PDF, DOCX, ODT and XLSX files; a small thumbnail out of an image.

Plain functions over an open binary file: no models, no database. Each reads a
bounded amount (pages, cells, characters), so a huge or hostile file costs the
worker seconds, not its memory.
"""

import io
import re
from collections.abc import Iterator
from typing import IO

from PIL import Image, ImageOps

from buurtwijs.knowledge.uploads import IMAGE_MAX_PIXELS

TEXT_LIMIT = 1_000_000  # characters kept for search
PDF_PAGE_LIMIT = 2_000
SHEET_CELL_LIMIT = 200_000
THUMBNAIL_SIZE = (640, 640)

_SPACES = re.compile(r"[ \t\x0b\x0c\r]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class ExtractionFailed(Exception):  # noqa: N818 - what happened to the extraction
    """The file could not be read."""


def text_of(file: IO[bytes], *, content_type: str) -> str:
    """The text of a document file, tidied and bounded; "" for images."""
    readers = {
        "application/pdf": _pdf_parts,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
            _docx_parts
        ),
        "application/vnd.oasis.opendocument.text": _odt_parts,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
            _xlsx_parts
        ),
    }
    reader = readers.get(content_type)
    if reader is None:
        return ""
    return _bounded(reader(file))


def _bounded(parts: Iterator[str]) -> str:
    collected: list[str] = []
    length = 0
    for part in parts:
        part = _SPACES.sub(" ", part.replace("\x00", "")).strip()
        if not part:
            continue
        collected.append(part)
        length += len(part) + 1
        if length >= TEXT_LIMIT:
            break
    return _BLANK_LINES.sub("\n\n", "\n".join(collected))[:TEXT_LIMIT]


def _pdf_parts(file: IO[bytes]) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(file)
    if reader.is_encrypted:
        # An empty user password opens many "protected" PDFs; others stay closed.
        try:
            reader.decrypt("")
        except Exception as exc:  # noqa: BLE001 - pypdf raises several kinds here
            raise ExtractionFailed("encrypted") from exc
    for number, page in enumerate(reader.pages):
        if number >= PDF_PAGE_LIMIT:
            break
        yield page.extract_text() or ""


def _docx_parts(file: IO[bytes]) -> Iterator[str]:
    import docx

    document = docx.Document(file)
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield " | ".join(cell.text for cell in row.cells)


def _odt_parts(file: IO[bytes]) -> Iterator[str]:
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    document = load(file)
    for element in document.getElementsByType(odf_text.H):
        yield teletype.extractText(element)
    for element in document.getElementsByType(odf_text.P):
        yield teletype.extractText(element)


def _xlsx_parts(file: IO[bytes]) -> Iterator[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(file, read_only=True, data_only=True)
    cells = 0
    try:
        for sheet in workbook.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                values = [str(value) for value in row if value is not None]
                cells += len(row)
                if values:
                    yield " | ".join(values)
                if cells >= SHEET_CELL_LIMIT:
                    return
    finally:
        workbook.close()


def thumbnail_of(file: IO[bytes]) -> bytes:
    """A JPEG of at most THUMBNAIL_SIZE of an image, refusing pixel floods."""
    with Image.open(file) as image:
        width, height = image.size
        if width * height > IMAGE_MAX_PIXELS:
            raise ExtractionFailed("too many pixels")
        # JPEG decoders can scale down while decoding: far less memory for photos.
        image.draft("RGB", THUMBNAIL_SIZE)
        image.seek(0)
        picture = ImageOps.exif_transpose(image) or image
        picture.thumbnail(THUMBNAIL_SIZE)
        if picture.mode not in ("RGB", "L"):
            background = Image.new("RGB", picture.size, "white")
            rgba = picture.convert("RGBA")
            background.paste(rgba, mask=rgba.getchannel("A"))
            picture = background
        out = io.BytesIO()
        picture.save(out, format="JPEG", quality=82, optimize=True)
    return out.getvalue()
