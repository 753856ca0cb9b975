"""Writes of the knowledge base: uploading, moderating and reading documents."""

import datetime
import logging
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import User
from buurtwijs.core.mail import send_templated_mail
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.knowledge import extraction
from buurtwijs.knowledge.models import Document, TextStatus, Visibility
from buurtwijs.knowledge.models.documents import (
    document_file_path,
    document_storage,
    document_thumbnail_path,
)
from buurtwijs.knowledge.uploads import IMAGES, UploadRefused, upload_check
from buurtwijs.search.services import index_later

logger = logging.getLogger(__name__)

__all__ = ["UploadRefused"]


def document_upload(
    *,
    user: User,
    title: str,
    kind: str,
    file: UploadedFile,
    description: str = "",
    themes: Iterable[Theme] = (),
    municipality: Municipality | None = None,
    licence: str = "",
    deadline: datetime.date | None = None,
    visibility: str = Visibility.PUBLIC,
    submission_key: uuid.UUID | None = None,
) -> Document:
    """Check a member's file by its content, store it and queue it for moderation.

    Raises UploadRefused (with a message for the member) and stores nothing when the
    file is not accepted. The same submission key twice (a double click, a retried
    request) gives the document stored the first time. Text extraction runs later,
    in a background task.
    """
    if submission_key is not None:
        earlier = Document.objects.filter(
            submission_key=submission_key, uploaded_by=user
        ).first()
        if earlier is not None:
            return earlier
    checked = upload_check(
        file,
        name=file.name or "",
        size=file.size or 0,
        max_size=settings.DOCUMENT_MAX_UPLOAD_SIZE,
    )
    storage = document_storage()
    # The file goes to disk first; if the row cannot be written, it is removed again
    # so that nothing is left half-stored.
    stored = storage.save(
        document_file_path(None, f"upload.{checked.file_type.extension}"), file
    )
    try:
        with transaction.atomic():
            document = Document.objects.create(
                title=title,
                kind=kind,
                description=description,
                file=stored,
                file_name=checked.name,
                content_type=checked.file_type.content_type,
                file_size=checked.size,
                municipality=municipality,
                licence=licence,
                deadline=deadline,
                visibility=visibility,
                uploaded_by=user,
                status=Document.Status.PENDING,
                text_status=TextStatus.PENDING,
                submission_key=submission_key,
            )
            document.themes.set(list(themes))
    except IntegrityError:
        storage.delete(stored)
        # Two requests with one submission key at the same moment: the other won.
        earlier = Document.objects.filter(
            submission_key=submission_key, uploaded_by=user
        ).first()
        if submission_key is None or earlier is None:
            raise
        return earlier
    except BaseException:
        storage.delete(stored)
        raise
    _extract_later(document.pk)
    return document


def _extract_later(document_id: int) -> None:
    from buurtwijs.knowledge.tasks import document_text_extract_task

    transaction.on_commit(lambda: document_text_extract_task.enqueue(document_id))


@transaction.atomic
def document_moderate(*, document: Document, editor: User, approve: bool) -> Document:
    """Publish or reject a document waiting for moderation; tell the uploader."""
    document.status = Document.Status.PUBLISHED if approve else Document.Status.REJECTED
    document.published_at = timezone.now() if approve else None
    document.save(update_fields=["status", "published_at"])
    index_later(kind="document", object_id=document.pk)
    uploader = document.uploaded_by
    if uploader is not None and uploader.email:
        template = (
            "knowledge/mail/document_published"
            if approve
            else "knowledge/mail/document_rejected"
        )
        transaction.on_commit(
            lambda: send_templated_mail(
                to=[uploader.email],
                subject=lambda: (
                    _("Your document %(title)s") % {"title": document.title}
                ),
                template=template,
                context={"document": document},
                language=uploader.language,
            )
        )
    return document


def document_download_count(*, document_id: int) -> None:
    """Count one download; one UPDATE, so simultaneous downloads all count."""
    Document.objects.filter(pk=document_id).update(
        download_count=F("download_count") + 1
    )


def document_text_extract(*, document_id: int) -> TextStatus | None:
    """Read the text of a document's file (or make an image's thumbnail) and store it.

    A file that cannot be read is kept and marked unreadable: the worker never
    fails on a document, and the upload is never lost. Returns the new text status,
    or None when the document is gone.
    """
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return None
    text = ""
    thumbnail = ""
    if not document.file:
        status = TextStatus.NONE
    elif document.content_type in {image.content_type for image in IMAGES}:
        status = TextStatus.NONE
        thumbnail = _thumbnail_store(document)
    else:
        status, text = _text_read(document)
    # Only these columns: moderation may change the row while the file is read.
    Document.objects.filter(pk=document_id).update(
        text_status=status,
        extracted_text=text,
        **({"thumbnail": thumbnail} if thumbnail else {}),
    )
    index_later(kind="document", object_id=document_id)
    return status


def _text_read(document: Document) -> tuple[TextStatus, str]:
    try:
        with document.file.open("rb") as file:
            text = extraction.text_of(file, content_type=document.content_type)
    except FileNotFoundError:
        logger.warning("Document %s: file %s is missing", document.pk, document.file)
        return TextStatus.UNREADABLE, ""
    # A damaged or hostile file can make any of the parsers raise anything (pypdf
    # alone has dozens of error paths); the upload must survive it all the same.
    except Exception:  # noqa: BLE001
        logger.warning("Document %s: text not readable", document.pk, exc_info=True)
        return TextStatus.UNREADABLE, ""
    if not text.strip():
        # A scan without a text layer, for instance: nothing to search in.
        return TextStatus.UNREADABLE, ""
    return TextStatus.EXTRACTED, text


def _thumbnail_store(document: Document) -> str:
    try:
        with document.file.open("rb") as file:
            picture = extraction.thumbnail_of(file)
    except Exception:  # noqa: BLE001 - see _text_read: never fail on a bad file
        logger.warning("Document %s: no thumbnail", document.pk, exc_info=True)
        return ""
    storage = document_storage()
    if document.thumbnail.name:
        storage.delete(document.thumbnail.name)
    return storage.save(
        document_thumbnail_path(None, "thumbnail.jpg"), ContentFile(picture)
    )
