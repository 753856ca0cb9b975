"""Who knows what: index versions, relayed contact requests and knowledge gaps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import Profile
from buurtwijs.calls.models import LearningQuestion


class IndexVersion(models.Model):
    """A token per kind of candidate, changed on every write that matters.

    Each web process keeps its matching index in memory and rebuilds it when the
    token (or the table's count and last change) differs from the one it was built
    with, so a query right after an import sees the imported people.
    """

    kind = models.CharField(max_length=20, unique=True)
    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.kind}: {self.token}"


class ContactRequest(models.Model):
    """A message relayed by e-mail to a suggested person; no address is shown."""

    profile = models.ForeignKey(
        Profile,
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("person"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_requests_sent",
        verbose_name=_("sent by member"),
    )
    sender_name = models.CharField(_("your name"), max_length=150)
    sender_email = models.EmailField(_("your e-mail address"))
    body = models.TextField(_("message"), max_length=3000)
    # The sender's language, for the confirmation; the relayed mail is written in
    # the recipient's.
    language = models.CharField(max_length=5, default="nl")
    client_key = models.CharField(max_length=64, db_index=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        indexes = [
            models.Index(fields=["profile", "-sent_at"], name="contact_profile_idx"),
            models.Index(
                fields=["sender_email", "-sent_at"], name="contact_sender_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender_name} → {self.profile}"


class QuestionMatch(models.Model):
    """How well the network answers a learning question: its best suggestion."""

    question = models.OneToOneField(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="best_match",
        verbose_name=_("learning question"),
    )
    best_score = models.FloatField(_("best score"))
    best_kind = models.CharField(_("best kind"), max_length=20, blank=True)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("match of a learning question")
        verbose_name_plural = _("matches of learning questions")
        indexes = [models.Index(fields=["best_score"], name="question_match_score_idx")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.best_score:.2f}"
