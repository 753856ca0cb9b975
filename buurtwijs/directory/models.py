"""Initiatives (samenwerkingsverbanden) and the partners that make them up."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from buurtwijs.core.admin_forms import SortNameAdminForm
from buurtwijs.core.models import Municipality, Theme


class InitiativeKind(models.TextChoices):
    NEIGHBOURHOOD_COOPERATIVE = "buurtcooperatie", _("Neighbourhood cooperative")
    RESIDENTS_INITIATIVE = "bewonersinitiatief", _("Residents' initiative")
    VILLAGE_HALL = "dorpshuis", _("Village hall")
    COMMUNITY_CENTRE = "wijkcentrum", _("Community centre")
    CITY_COOPERATIVE = "stadscooperatie", _("City cooperative")
    CARE_COOPERATIVE = "zorgcooperatie", _("Care cooperative")
    ENERGY_COOPERATIVE = "energiecooperatie", _("Energy cooperative")
    FOOD_GARDEN = "voedseltuin", _("Food garden")
    NETWORK = "netwerk", _("Network")
    OTHER = "anders", _("Other")


class PartnerRole(models.TextChoices):
    RESIDENTS = "residents", _("Residents")
    ENTREPRENEURS = "entrepreneurs", _("Entrepreneurs")
    SOCIAL_INSTITUTION = "social_institution", _("Social institution")
    MUNICIPALITY = "municipality", _("Municipality")
    HOUSING_CORPORATION = "housing_corporation", _("Housing corporation")
    KNOWLEDGE_INSTITUTION = "knowledge_institution", _("Knowledge institution")
    FUNDER = "funder", _("Funder")


class Initiative(ClusterableModel):
    """A local initiative or collaboration, with who takes part in which role."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True)
    # Dutch dictionary order, stored when the name is written (core.text.dutch_sort_key)
    sort_name = models.CharField(max_length=200, db_default="", editable=False)
    kind = models.CharField(
        _("kind"), max_length=30, choices=InitiativeKind.choices, default="anders"
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="initiatives",
        verbose_name=_("municipality"),
    )
    neighbourhood = models.CharField(_("neighbourhood"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    summary = models.CharField(_("in short"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="initiatives", verbose_name=_("themes")
    )
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail (never shown)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        # The lists order by (sort key, id) or (newest, id): with the id in the
        # index PostgreSQL reads a page straight from it instead of sorting.
        indexes = [
            models.Index(fields=["status", "name"]),
            models.Index(
                fields=["status", "sort_name", "id"], name="initiative_status_sort_idx"
            ),
            models.Index(
                fields=["status", "-created_at", "-id"],
                name="initiative_status_newest_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    base_form_class = SortNameAdminForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("status"),
        FieldPanel("municipality"),
        FieldPanel("neighbourhood"),
        FieldPanel("founded_year"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("website"),
        FieldPanel("contact_email"),
        FieldPanel("owner"),
        InlinePanel("partners", label=_("Partners")),
    ]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("directory:initiative_detail", kwargs={"slug": self.slug})


class Partner(models.Model):
    """One party in an initiative and the role it plays there."""

    initiative = ParentalKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("initiative"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=PartnerRole.choices)
    contribution = models.TextField(_("what they bring"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("contribution")]

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class InitiativeClaim(models.Model):
    """A member saying "this initiative is mine", waiting for an editor's decision."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("initiative"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="initiative_claims",
        verbose_name=_("member"),
    )
    message = models.TextField(_("how you are involved"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.initiative} ← {self.user}"


class ContactMessage(models.Model):
    """A message relayed to an initiative's contact; kept to limit abuse."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="contact_messages",
        verbose_name=_("initiative"),
    )
    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail address"))
    body = models.TextField(_("message"), max_length=5000)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    client_key = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self) -> str:
        return f"{self.sender_name} → {self.initiative}"
