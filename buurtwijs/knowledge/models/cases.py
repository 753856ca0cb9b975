"""Practice cases (praktijkvoorbeelden): what a collaboration tried and learned."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from buurtwijs.core.models import Municipality
from buurtwijs.directory.models import PartnerRole


class CaseIndexPage(Page):
    """The list of cases with filters, and the comparison view beneath it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["knowledge.CasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("case list")


class CasePage(Page):
    """One case: context, partners and their drivers, results, pitfalls, lessons."""

    initiative = models.ForeignKey(
        "directory.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("initiative"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    context = RichTextField(_("context and challenge"), blank=True)
    results = RichTextField(_("what came of it"), blank=True)
    pitfalls = RichTextField(_("pitfalls and dilemmas"), blank=True)
    lessons = RichTextField(_("lessons"), blank=True)
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="cases", verbose_name=_("themes")
    )
    source_publication = models.ForeignKey(
        "knowledge.PublicationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("source publication"),
    )
    source_url = models.URLField(_("source link"), blank=True)
    source_label = models.CharField(_("source description"), max_length=250, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("initiative"),
                FieldPanel("municipality"),
                FieldPanel("year"),
                FieldPanel("themes"),
            ],
            heading=_("Where and what"),
        ),
        FieldPanel("context"),
        InlinePanel("partners", heading=_("Partners, their roles and drivers")),
        FieldPanel("results"),
        FieldPanel("pitfalls"),
        FieldPanel("lessons"),
        MultiFieldPanel(
            [
                FieldPanel("source_publication"),
                FieldPanel("source_url"),
                FieldPanel("source_label"),
            ],
            heading=_("Sources"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("context"),
        index.SearchField("lessons"),
    ]
    parent_page_types = ["knowledge.CaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")


class CasePartner(Orderable):
    """A party in a case, its role, and what drove it to take part."""

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=PartnerRole.choices)
    drivers = models.TextField(_("what drives this party"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("drivers")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        indexes = [models.Index(fields=["role", "case"])]

    def __str__(self) -> str:
        return self.name
