"""Newsletter subscribers, issues, the content they point to, and one delivery each."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    """A random secret for a subscriber's unsubscribe link."""
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """Someone who asked for the newsletter, with the consent they confirmed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    # Lower-cased and stripped by services.normalise_email, so one address is one row.
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    themes = models.ManyToManyField(
        "core.Theme",
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("themes of interest"),
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    consent_text = models.TextField(_("consent text agreed to"), blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["status"], name="newsletter_sub_status")]

    def __str__(self) -> str:
        return self.name or str(_("subscriber %(pk)s") % {"pk": self.pk})


class Issue(models.Model):
    """One edition of the newsletter: written as a draft, then sent once."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=150)
    intro = models.TextField(_("introduction"), blank=True)
    subject_en = models.CharField(
        _("subject in English"),
        max_length=150,
        blank=True,
        help_text=_("For subscribers who read in English; the Dutch one if empty."),
    )
    intro_en = models.TextField(
        _("introduction in English"),
        blank=True,
        help_text=_("For subscribers who read in English; the Dutch one if empty."),
    )
    themes = models.ManyToManyField(
        "core.Theme",
        blank=True,
        related_name="newsletter_issues",
        verbose_name=_("only for subscribers interested in"),
        help_text=_(
            "Leave empty to send to everyone. Subscribers who chose no themes "
            "receive every issue."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    send_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return self.subject

    def subject_for(self, language: str) -> str:
        """The subject in a subscriber's language."""
        if language.startswith("en") and self.subject_en:
            return self.subject_en
        return self.subject

    def intro_for(self, language: str) -> str:
        """The introduction in a subscriber's language."""
        if language.startswith("en") and self.intro_en:
            return self.intro_en
        return self.intro


class IssueItem(models.Model):
    """A page (article, event, case, publication) an issue points to."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="newsletter_items"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "page"], name="newsletter_item_once_per_issue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.page_id}"


class Delivery(models.Model):
    """One issue for one subscriber: claimed before the mail goes out, marked after.

    The unique constraint is what makes "exactly once" hold: a resumed or second
    sending run can only ever find this one row, and it only sends for a row it
    moved from pending to sending itself.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Skipped (unsubscribed)")
        FAILED = "failed", _("Refused by the mail server")
        UNCERTAIN = "uncertain", _("Interrupted while sending")

    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_delivery_once"
            )
        ]
        indexes = [
            models.Index(fields=["issue", "status"], name="newsletter_delivery_state")
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
