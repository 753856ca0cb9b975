"""Calls for input, their questions, the responses, and the learning questions."""

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from buurtwijs.accounts.models import PersonKind
from buurtwijs.core.models import Municipality, Theme

SCALE_VALUES = ("1", "2", "3", "4", "5")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Open text")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    MUNICIPALITY = "municipality", _("Municipality")
    ROLE = "role", _("Role")
    THEMES = "themes", _("Themes")
    SCALE = "scale", _("Scale 1–5")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class CallState(models.TextChoices):
    NOT_YET_OPEN = "not_yet_open", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Call(ClusterableModel):
    """A call for input (oproep): an introduction, questions and a response period."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address"), max_length=220, unique=True)
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the call open until you close it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    consent_text = models.TextField(
        _("consent text"),
        help_text=_(
            "What respondents agree to: what happens with their answers and how "
            "long they are kept. Stored with every response exactly as shown."
        ),
    )
    offer_copy = models.BooleanField(
        _("offer a copy of the answers by e-mail"), default=True
    )
    retention_days = models.PositiveIntegerField(
        _("keep responses for (days)"),
        default=730,
        help_text=_("After this many days a response may be deleted."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        blank=True,
        help_text=_("Shown on the confirmation page after sending."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("status"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldPanel("consent_text"),
                FieldPanel("retention_days"),
                FieldPanel("offer_copy"),
            ],
            heading=_("Privacy"),
        ),
        FieldPanel("thank_you_text"),
        InlinePanel("questions", label=_("Questions"), min_num=1),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The call must close after it opens.")}
            )

    def state(self, now: datetime | None = None) -> CallState:
        """Whether responses are taken at this moment."""
        now = now or timezone.now()
        if now < self.opens_at:
            return CallState.NOT_YET_OPEN
        if self.closes_at is not None and now >= self.closes_at:
            return CallState.CLOSED
        return CallState.OPEN

    @property
    def is_open(self) -> bool:
        return self.state() == CallState.OPEN

    def get_absolute_url(self) -> str:
        return reverse("calls:call_detail", kwargs={"slug": self.slug})


class Question(Orderable):
    """One question of a call; its kind decides the form field."""

    call = ParentalKey(
        Call, on_delete=models.CASCADE, related_name="questions", verbose_name=_("call")
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=QuestionKind.choices, default="text"
    )
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("explanation"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For single and multiple choice: one choice per line."),
    )
    yields_learning_questions = models.BooleanField(
        _("answers are learning questions"),
        default=False,
        help_text=_("For open text: every answer becomes a learning question."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("choices"),
        FieldPanel("yields_learning_questions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.kind in CHOICE_KINDS and len(self.choice_list) < 2:
            raise ValidationError(
                {"choices": _("Give at least two choices, one per line.")}
            )
        if self.yields_learning_questions and self.kind != QuestionKind.TEXT:
            raise ValidationError(
                {
                    "yields_learning_questions": _(
                        "Only answers to open text questions can be learning questions."
                    )
                }
            )

    @property
    def choice_list(self) -> list[str]:
        """The choices of a choice question, without empty lines or repeats."""
        lines = (line.strip() for line in self.choices.splitlines())
        return list(dict.fromkeys(line for line in lines if line))


class Response(models.Model):
    """One person's response to a call, stored whole with the consent they gave."""

    call = models.ForeignKey(
        Call, on_delete=models.PROTECT, related_name="responses", verbose_name=_("call")
    )
    # Sent along with the form: a second POST with the same token is the same
    # response (a double click, a retry after a lost connection).
    token = models.UUIDField(_("submission token"), editable=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="call_responses",
        verbose_name=_("municipality"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PersonKind.choices, blank=True
    )
    consent_text = models.TextField(_("consent text agreed to"), blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"), null=True)
    copy_requested = models.BooleanField(_("copy sent by e-mail"), default=False)
    retain_until = models.DateField(_("keep until"), db_index=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "token"], name="one_response_per_token"
            )
        ]

    def __str__(self) -> str:
        return f"{self.call} · {self.submitted_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    """The answer to one question, with a copy of the question as it was asked."""

    response = models.ForeignKey(
        Response,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("response"),
    )
    # Kept when an editor later removes the question: the response stays whole.
    question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        related_name="answers",
        verbose_name=_("question"),
    )
    question_label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=QuestionKind.choices)
    # The answer as the person reads it; `values` holds what code needs (the
    # chosen choices, theme slugs, role code or scale number).
    text = models.TextField(_("answer"), blank=True)
    values = models.JSONField(_("chosen values"), default=list, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.question_label}: {self.text}"


class LearningQuestion(models.Model):
    """Something a person wants to learn: from a call response or posted directly."""

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Visible")
        HIDDEN = "hidden", _("Hidden by an editor")

    text = models.TextField(_("question"), max_length=5000)
    call = models.ForeignKey(
        Call,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_questions",
        verbose_name=_("call"),
    )
    response = models.ForeignKey(
        Response,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_questions",
        verbose_name=_("response"),
    )
    source_question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_questions",
        verbose_name=_("asked in answer to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_questions",
        verbose_name=_("asked by"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_questions",
        verbose_name=_("municipality"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PersonKind.choices, blank=True
    )
    # Stated urgency (1–5): the first scale answer of the same response, if any.
    urgency = models.PositiveSmallIntegerField(_("urgency"), null=True, blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="learning_questions", verbose_name=_("themes")
    )
    # Filled by the analysis engine: {theme slug: score} and the cluster it chose.
    theme_scores = models.JSONField(_("theme scores"), default=dict, blank=True)
    cluster_key = models.CharField(
        _("cluster"), max_length=64, blank=True, db_index=True
    )
    analysed_at = models.DateTimeField(_("analysed"), null=True, blank=True)
    initiatives = models.ManyToManyField(
        "directory.Initiative",
        blank=True,
        related_name="learning_questions",
        verbose_name=_("linked initiatives"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    vote_count = models.PositiveIntegerField(_("also my question"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("status"),
        FieldPanel("municipality"),
        FieldPanel("role"),
        FieldPanel("themes"),
        FieldPanel("initiatives"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("learning question")
        verbose_name_plural = _("learning questions")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="lq_status_new_idx"),
            models.Index(
                fields=["status", "-vote_count", "-created_at"],
                name="lq_status_votes_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.short_text

    def get_absolute_url(self) -> str:
        return reverse("questions:question_detail", kwargs={"pk": self.pk})

    @property
    def short_text(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"


class LearningQuestionVote(models.Model):
    """ "Also my question": one per member, or one per browser for visitors."""

    question = models.ForeignKey(
        LearningQuestion,
        on_delete=models.CASCADE,
        related_name="votes",
        verbose_name=_("learning question"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_question_votes",
        verbose_name=_("member"),
    )
    # A hash of a random id kept in the visitor's session (never the session key).
    voter_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "user"],
                condition=models.Q(user__isnull=False),
                name="one_vote_per_member",
            ),
            models.UniqueConstraint(
                fields=["question", "voter_key"],
                condition=~models.Q(voter_key=""),
                name="one_vote_per_browser",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(voter_key=""),
                name="vote_has_a_voter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} ← {self.user_id or 'visitor'}"
