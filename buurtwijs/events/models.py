"""Events: congresses, meetings and learning sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class EventPage(Page):
    """An event with its date, place or online link, audience and programme."""

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.TextField(_("for whom"), blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    programme = RichTextField(_("programme"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    initiative = models.ForeignKey(
        "directory.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("initiative"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("location"),
        FieldPanel("online_url"),
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("programme"),
        FieldPanel("capacity"),
        FieldPanel("initiative"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("programme"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["cms.HomePage", "cms.IndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
