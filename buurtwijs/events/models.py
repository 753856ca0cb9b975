"""Events: congresses, meetings and learning sessions, and who registered for them."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class EventIndexPage(Page):
    """The events section at /evenementen/: upcoming events, then past ones."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("events section")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.events.selectors import event_list_past, event_list_upcoming

        context = super().get_context(request, *args, **kwargs)
        context["upcoming"] = event_list_upcoming(section=self)
        context["page_obj"] = event_list_past(
            section=self, page_number=request.GET.get("pagina")
        )
        return context


class EventPage(Page):
    """An event with its date, place or online link, audience and programme."""

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(_("place"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.TextField(_("for whom"), blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    programme = RichTextField(_("programme"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When full, people join a waiting list."),
    )
    registration_open = models.BooleanField(
        _("registration open"),
        default=True,
        help_text=_("People can register on the page until the event starts."),
    )
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
        MultiFieldPanel(
            [FieldPanel("registration_open"), FieldPanel("capacity")],
            heading=_("Registration"),
        ),
        FieldPanel("initiative"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("programme"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def is_past(self) -> bool:
        """Whether the event has started (or ended): no more registrations."""
        return self.starts_at <= timezone.now()

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.events.selectors import event_registration_state

        context = super().get_context(request, *args, **kwargs)
        context.update(event_registration_state(event=self, user=request.user))
        return context


class Registration(models.Model):
    """One person's place at an event, or on its waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    # The language of the mails about this registration.
    language = models.CharField(_("language"), max_length=5, default="nl")
    # Part of the signed cancellation link; renewed when someone registers again
    # after cancelling, so an old link cannot cancel the new registration.
    nonce = models.CharField(max_length=32, editable=False)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    client_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(
        _("moved from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                name="events_registration_one_per_email",
                violation_error_message=_(
                    "This e-mail address is already registered for this event."
                ),
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
