"""Practice cases (praktijkvoorbeelden): what a collaboration tried and learned."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from buurtwijs.core.models import Municipality
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.models import PartnerRole

# The comparison lives at <index>/vergelijken/; a case cannot take that slug.
COMPARE_SLUG = "vergelijken"


class CaseIndexPage(RoutablePageMixin, Page):
    """The list of cases with filters, and the comparison view beneath it."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["knowledge.CasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("case list")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.knowledge.views_cases import case_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(case_list_context(request, index=self))
        return context

    @path(f"{COMPARE_SLUG}/", name="compare")
    def compare(self, request: HttpRequest) -> HttpResponse:
        from buurtwijs.knowledge.views_cases import case_compare_context

        # Page.get_context, not ours: the comparison needs none of the list.
        context = Page.get_context(self, request)
        context.update(case_compare_context(request, index=self))
        return TemplateResponse(request, "knowledge/case_compare.html", context)

    @property
    def compare_url(self) -> str:
        """The address of the comparison view."""
        return f"{self.url}{COMPARE_SLUG}/"


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
    # Dutch dictionary order of the title, kept in step by clean() (which Wagtail
    # runs on every save) so the list sorts by an indexed column.
    sort_title = models.CharField(
        max_length=255, db_default="", editable=False, db_index=True
    )
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

    def clean(self) -> None:
        super().clean()
        if self.slug == COMPARE_SLUG:
            raise ValidationError(
                {"slug": _("This web address is taken by the comparison of cases.")}
            )
        self.sort_title = dutch_sort_key(self.title or "")

    @property
    def place(self) -> Municipality | None:
        """Where the case happened: its municipality, else its initiative's."""
        if self.municipality is not None:
            return self.municipality
        if self.initiative is not None:
            return self.initiative.municipality
        return None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.calls.selectors import learning_questions_for_case
        from buurtwijs.knowledge.selectors_cases import case_detail_extras

        context = super().get_context(request, *args, **kwargs)
        context["extras"] = case_detail_extras(case=self)
        context["learning_questions"] = learning_questions_for_case(self)
        return context


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
