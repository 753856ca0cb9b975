"""Publications: books and reports with their authors, summary and download."""

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.knowledge.selectors_publications import (
            publication_cases_public,
        )

        context = super().get_context(request, *args, **kwargs)
        context["cases"] = list(publication_cases_public(publication=self))
        return context
