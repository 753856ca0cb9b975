"""Checks on an uploaded document by its content, not its name.

A file is accepted when its bytes are what its name says (a PDF is a PDF, a DOCX is a
Word document and not a renamed spreadsheet) and it holds nothing dangerous: no
programs, no macros, no SVG (which can carry script), no archive that would unpack
to more than ZIP_MAX_UNPACKED, no image that would unpack to a gigantic bitmap.
Every refusal is an ``UploadRefused`` with a message for the person uploading.
"""

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ZIP_MAX_UNPACKED = 200 * 1024 * 1024
ZIP_MAX_ENTRIES = 10_000
# Far beyond any photo or scan people share (a 50-megapixel camera), far below the
# gigabytes a "pixel flood" image would take once decoded.
IMAGE_MAX_PIXELS = 80_000_000
HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    """A kind of file the knowledge base accepts."""

    extension: str
    content_type: str
    label: str


PDF = FileType("pdf", "application/pdf", "PDF")
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Word (DOCX)",
)
XLSX = FileType(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "Excel (XLSX)",
)
ODT = FileType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)")
JPEG = FileType("jpg", "image/jpeg", "JPEG")
PNG = FileType("png", "image/png", "PNG")
WEBP = FileType("webp", "image/webp", "WebP")
GIF = FileType("gif", "image/gif", "GIF")

ACCEPTED: dict[str, FileType] = {
    "pdf": PDF,
    "docx": DOCX,
    "xlsx": XLSX,
    "odt": ODT,
    "jpg": JPEG,
    "jpeg": JPEG,
    "png": PNG,
    "webp": WEBP,
    "gif": GIF,
}
IMAGES = {JPEG, PNG, WEBP, GIF}
OFFICE_ZIPS = {DOCX, XLSX, ODT}
# The names of the accepted types, for messages and the form's help text.
ACCEPTED_LABEL = "PDF, DOCX, ODT, XLSX, JPEG, PNG, WebP, GIF"
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in ACCEPTED)

MACRO_EXTENSIONS = {
    "docm",
    "dotm",
    "xlsm",
    "xltm",
    "xlam",
    "pptm",
    "potm",
    "ppam",
    "sldm",
}
PROGRAM_EXTENSIONS = {
    "exe",
    "dll",
    "com",
    "scr",
    "msi",
    "bat",
    "cmd",
    "ps1",
    "vbs",
    "js",
    "jar",
    "sh",
    "app",
    "apk",
    "bin",
    "elf",
    "so",
    "dmg",
}
_PROGRAM_MAGIC = (
    b"MZ",  # Windows (PE) executables and DLLs
    b"\x7fELF",  # Linux
    b"\xfe\xed\xfa\xce",  # macOS (Mach-O), both byte orders and widths
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS universal binary, Java class file
    b"#!",  # scripts
)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc/.xls (macros, no checks)
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


class UploadRefused(Exception):  # noqa: N818 - it says what happened to the upload
    """The file is not accepted; ``message`` tells the person why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedUpload:
    """An accepted file: what it really is, its cleaned name and its size."""

    file_type: FileType
    name: str
    size: int


def clean_file_name(name: str) -> str:
    """The original file name without folders and control characters, at most 200."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = base.strip().strip(".").strip() or "document"
    stem, extension = os.path.splitext(base)
    return stem[: 200 - len(extension)] + extension


def upload_check(
    file: IO[bytes], *, name: str, size: int, max_size: int
) -> CheckedUpload:
    """Accept the file or raise UploadRefused: content, type and size together."""
    clean_name = clean_file_name(name)
    extension = os.path.splitext(clean_name)[1].lower().lstrip(".")
    if size <= 0:
        raise UploadRefused(_("The file is empty."))
    if size > max_size:
        raise UploadRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": _megabytes(size), "limit": _megabytes(max_size)}
        )
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)

    if extension in MACRO_EXTENSIONS:
        raise UploadRefused(_macro_message())
    if head.startswith(_PROGRAM_MAGIC) or extension in PROGRAM_EXTENSIONS:
        raise UploadRefused(
            _("Programs and scripts cannot be shared. Upload a document or image.")
        )
    if extension == "svg" or _looks_like_svg(head):
        raise UploadRefused(
            _(
                "SVG images are not accepted, because they can contain scripts. "
                "Save the image as PNG and upload that."
            )
        )
    if head.startswith(_OLE_MAGIC):
        raise UploadRefused(
            _(
                "Old Office files (.doc, .xls) are not accepted. Save the file as "
                "DOCX, XLSX or PDF and upload that."
            )
        )
    expected = ACCEPTED.get(extension)
    if expected is None:
        raise UploadRefused(
            _("This type of file is not accepted. Choose a %(types)s file.")
            % {"types": ACCEPTED_LABEL}
        )

    actual = _sniff(file, head)
    if actual != expected:
        raise UploadRefused(
            _(
                "The content of this file does not match its name: the name ends "
                "in .%(extension)s, but the file is %(actual)s."
            )
            % {"extension": extension, "actual": _describe(actual, head)}
        )
    if actual in IMAGES:
        _check_image(file, actual)
    file.seek(0)
    return CheckedUpload(file_type=actual, name=clean_name, size=size)


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def _macro_message() -> str:
    return _(
        "Files with macros cannot be shared, because macros can run code on the "
        "reader's computer. Save the file without macros (DOCX or XLSX) or as PDF."
    )


def _looks_like_svg(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return b"<svg" in start[:2048] and (
        start.startswith(b"<svg") or start.startswith(b"<?xml") or b"<!doctype" in start
    )


def _sniff(file: IO[bytes], head: bytes) -> FileType | None:
    """What the bytes say the file is, among the accepted types; None if none."""
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(file)
    return None


def _sniff_zip(file: IO[bytes]) -> FileType | None:
    """DOCX, XLSX or ODT by their parts, after the checks every archive gets."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRefused(
            _("The file is damaged: it cannot be opened as an Office document.")
        ) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > ZIP_MAX_ENTRIES or (
            sum(entry.file_size for entry in entries) > ZIP_MAX_UNPACKED
        ):
            raise UploadRefused(
                _(
                    "The file would take more than %(limit)s MB once unpacked. "
                    "Such files are not accepted; save it smaller or as PDF."
                )
                % {"limit": ZIP_MAX_UNPACKED // (1024 * 1024)}
            )
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise UploadRefused(
                _("Password-protected files cannot be shared. Remove the password.")
            )
        names = {entry.filename for entry in entries}
        lowered = {name.lower() for name in names}
        if any(name.endswith("vbaproject.bin") for name in lowered) or any(
            name.startswith(("basic/", "scripts/")) for name in lowered
        ):
            raise UploadRefused(_macro_message())
        if "[Content_Types].xml" in names:
            types = _read_small(archive, "[Content_Types].xml")
            if b"macroenabled" in types.lower():
                raise UploadRefused(_macro_message())
            if "word/document.xml" in names:
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            return None
        if "mimetype" in names:
            if _read_small(archive, "mimetype").strip() == _ODT_MIMETYPE:
                return ODT
            return None
    return None


def _read_small(archive: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    """At most `limit` bytes of one archive entry (the entries checked are tiny)."""
    try:
        with archive.open(name) as entry:
            return entry.read(limit)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise UploadRefused(
            _("The file is damaged: it cannot be opened as an Office document.")
        ) from exc


def _describe(actual: FileType | None, head: bytes) -> str:
    """What the file really is, for the mismatch message."""
    if actual in IMAGES:
        return _("a %(type)s image") % {"type": actual.label}  # type: ignore[union-attr]
    if actual is not None:
        return _("a %(type)s file") % {"type": actual.label}
    if head.startswith(b"PK\x03\x04"):
        return _("a ZIP archive")
    return _("of a type we do not accept")


def _check_image(file: IO[bytes], expected: FileType) -> None:
    """The image opens, is the format its bytes claim, and is of a sane size."""
    damaged = _("The image is damaged or incomplete and cannot be shown.")
    file.seek(0)
    try:
        with Image.open(file) as image:
            width, height = image.size
            if width * height > IMAGE_MAX_PIXELS:
                raise UploadRefused(_too_many_pixels())
            image.verify()
    except Image.DecompressionBombError as exc:
        raise UploadRefused(_too_many_pixels()) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UploadRefused(damaged) from exc
    finally:
        file.seek(0)


def _too_many_pixels() -> str:
    return _(
        "The image has too many pixels (more than %(megapixels)s megapixels). "
        "Make it smaller and upload it again."
    ) % {"megapixels": IMAGE_MAX_PIXELS // 1_000_000}
