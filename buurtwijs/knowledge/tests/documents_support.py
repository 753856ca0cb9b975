"""Real files for the document tests, built in memory, and a document factory."""

import datetime
import io
import struct
import zipfile
import zlib
from typing import Any

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from openpyxl import Workbook
from PIL import Image

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.demo.pdf import text_pdf
from buurtwijs.knowledge.models import Document, TextStatus


def pdf_bytes(*lines: str) -> bytes:
    """A valid PDF showing these lines: the first as its title, the rest below it."""
    return text_pdf(lines[0], list(lines[1:]))


def broken_pdf_bytes() -> bytes:
    """Starts like a PDF, then nothing a PDF reader can use."""
    return b"%PDF-1.7\n" + b"\x00\x13garbage that is not a pdf object " * 200


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(heading: str, *paragraphs: str) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(rows: list[list[Any]], title: str = "Begroting") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def with_extra_entry(archive: bytes, name: str, data: bytes) -> bytes:
    """A copy of a ZIP-based file with one entry added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx_bytes(unpacked_mb: int = 201) -> bytes:
    """A real DOCX whose extra part unpacks to `unpacked_mb` MB of zeros."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes("Klein bestand"))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        megabyte = bytes(1024 * 1024)
        with target.open("word/media/nullen.bin", "w", force_zip64=True) as entry:
            for _ in range(unpacked_mb):
                entry.write(megabyte)
    return out.getvalue()


def image_bytes(
    image_format: str = "PNG", size: tuple[int, int] = (1200, 800)
) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    out = io.BytesIO()
    image.save(out, format=image_format)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims an enormous size: the start of a pixel flood."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" '
    b'height="10"><script>alert(document.cookie)</script></svg>'
)
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200) + b"This program cannot"


def upload(name: str, content: bytes, content_type: str = "") -> SimpleUploadedFile:
    """An uploaded file as Django's request parsing hands it over."""
    return SimpleUploadedFile(
        name, content, content_type=content_type or "application/octet-stream"
    )


def published_document(**fields: Any) -> Document:
    """A published public document without a file (like the demo's)."""
    themes = fields.pop("themes", ())
    municipality = fields.pop("municipality", None)
    if isinstance(municipality, str):
        municipality = Municipality.objects.get(code=municipality)
    values: dict[str, Any] = {
        "title": "Handreiking buurtgesprek",
        "kind": "handreiking",
        "status": Document.Status.PUBLISHED,
        "text_status": TextStatus.EXTRACTED,
        "published_at": timezone.now(),
        "municipality": municipality,
        **fields,
    }
    document = Document.objects.create(**values)
    if themes:
        document.themes.set(Theme.objects.filter(slug__in=themes))
    return document


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)
