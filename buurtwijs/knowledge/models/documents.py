"""Documents shared in the network: statutes, plans, subsidies, research, images."""

import os
import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.models import Municipality, Theme


class DocumentKind(models.TextChoices):
    STATUTES = "statuten", _("Statutes")
    PROJECT_PLAN = "projectplan", _("Project plan")
    PILOT_IDEA = "pilotidee", _("Pilot idea")
    FUNDING = "subsidie", _("Subsidy or funding")
    RESEARCH = "onderzoek", _("Research or publication")
    GUIDE = "handreiking", _("Guide")
    IMAGES = "beeldmateriaal", _("Images")


class TextStatus(models.TextChoices):
    """How far text extraction got for a document's file."""

    PENDING = "pending", _("Waiting for text extraction")
    EXTRACTED = "extracted", _("Text extracted")
    UNREADABLE = "unreadable", _("Text not readable")
    NONE = "none", _("No text (image or no file)")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")


# The stored value is what the licence is called everywhere; the label explains it.
LICENCES = {
    "CC BY 4.0": _("CC BY 4.0: free to use and adapt, naming the maker"),
    "CC BY-SA 4.0": _("CC BY-SA 4.0: as CC BY, and adaptations under the same licence"),
    "CC BY-NC 4.0": _("CC BY-NC 4.0: as CC BY, not for commercial use"),
    "CC0 1.0": _("CC0 1.0: public domain, no conditions"),
    "Alle rechten voorbehouden": _("All rights reserved"),
}


class DocumentStorage(FileSystemStorage):
    """Shared files on disk under DOCUMENTS_ROOT, outside MEDIA_ROOT.

    Nothing serves this folder as static files: members-only documents must only
    leave through the download view, which checks who asks. The location is read
    from the settings on every use so that tests can point it elsewhere.
    """

    @property  # type: ignore[override]
    def base_location(self) -> str:
        return str(settings.DOCUMENTS_ROOT)

    @property  # type: ignore[override]
    def location(self) -> str:
        return os.path.abspath(self.base_location)


_document_storage = DocumentStorage()


def document_storage() -> DocumentStorage:
    """The storage of document files and thumbnails (a callable for migrations)."""
    return _document_storage


def document_file_path(instance: Any, filename: str) -> str:
    """A random name under year/month; the original name is kept in file_name."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def document_thumbnail_path(instance: Any, filename: str) -> str:
    """Thumbnails next to the files, under thumbnails/year/month."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"thumbnails/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class Document(models.Model):
    """A document shared in the network: a file, its text, and its moderation state."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=document_file_path,
        storage=document_storage,
        max_length=200,
        blank=True,
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=120, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    thumbnail = models.FileField(
        _("thumbnail"),
        upload_to=document_thumbnail_path,
        storage=document_storage,
        max_length=200,
        blank=True,
    )
    extracted_text = models.TextField(_("text"), blank=True)
    text_status = models.CharField(
        _("text extraction"),
        max_length=20,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
    )
    visibility = models.CharField(
        _("visible to"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="documents", verbose_name=_("themes")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("municipality"),
    )
    initiative = models.ForeignKey(
        "directory.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("initiative"),
    )
    licence = models.CharField(_("licence"), max_length=100, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("uploaded by"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The upload form's one-time key: a double click or a retried POST finds the
    # document the first request stored instead of storing it twice.
    submission_key = models.UUIDField(
        null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            # An initiative's page lists its own documents, newest first.
            models.Index(
                fields=["initiative", "-created_at"], name="document_initiative_idx"
            ),
            models.Index(fields=["status", "kind", "-created_at"]),
            models.Index(fields=["status", "deadline"]),
            # The library's default order with its tie-breaker, for members and for
            # visitors, so that a page and the count are read from an index instead
            # of every published row (whose long text makes reading it slow).
            models.Index(
                fields=["status", "-published_at", "-id"], name="document_newest_idx"
            ),
            models.Index(
                fields=["status", "visibility", "-published_at", "-id"],
                name="document_public_newest_idx",
            ),
            models.Index(fields=["status", "title", "id"], name="document_title_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    @property
    def licence_label(self) -> str:
        """The licence explained, or the stored text for a licence we do not know."""
        return str(LICENCES.get(self.licence, self.licence))
