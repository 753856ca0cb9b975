"""Shared documents and publications (books and reports)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from buurtwijs.core.models import Municipality, Theme


class DocumentKind(models.TextChoices):
    STATUTES = "statuten", _("Statutes")
    PROJECT_PLAN = "projectplan", _("Project plan")
    PILOT_IDEA = "pilotidee", _("Pilot idea")
    FUNDING = "subsidie", _("Subsidy or funding")
    RESEARCH = "onderzoek", _("Research or publication")
    GUIDE = "handreiking", _("Guide")
    IMAGES = "beeldmateriaal", _("Images")


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
    extracted_text = models.TextField(_("text"), blank=True)
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

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return self.title


class PublicationPage(Page):
    """A book or report with its authors, summary, download and where to order it."""

    authors = models.CharField(_("authors"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    summary = RichTextField(_("summary"), blank=True)
    order_url = models.URLField(_("order link"), blank=True)
    download = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("download"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("authors"),
        FieldPanel("publisher"),
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("download"),
        FieldPanel("order_url"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("authors"),
        index.SearchField("summary"),
    ]
    parent_page_types = ["cms.HomePage", "cms.IndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
