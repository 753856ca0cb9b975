"""Documents shared in the network: statutes, plans, subsidies, research, images."""

from django.conf import settings
from django.db import models
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


class Document(models.Model):
    """A document shared in the network: a file, its text, and its moderation state."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("file type"), max_length=120, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True)
    thumbnail = models.FileField(
        _("thumbnail"), upload_to="documents/thumbnails/%Y/%m/", blank=True
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

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["status", "kind", "-created_at"]),
            models.Index(fields=["status", "deadline"]),
        ]

    def __str__(self) -> str:
        return self.title
