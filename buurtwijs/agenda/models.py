"""The learning agenda: analyses of learning questions, clusters, editors' curation
and the items the editors adopt and follow up."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from buurtwijs.calls.models import Call, LearningQuestion
from buurtwijs.core.models import Theme

ACROSS_CALLS_SLUG = "alle-oproepen"


class LearningAgenda(models.Model):
    """The learning agenda of one call, or across all calls when it has no call."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    call = models.OneToOneField(
        Call,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="learning_agenda",
        verbose_name=_("call"),
    )
    slug = models.SlugField(_("web address"), max_length=220, unique=True)
    title = models.CharField(_("title"), max_length=200)
    commentary = models.TextField(
        _("editors' commentary"),
        blank=True,
        help_text=_("What the editors read in the questions; shown on the agenda."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The ranked themes of the last analysis: [{slug, label, count, score}].
    themes = models.JSONField(_("ranked themes"), default=list, blank=True)
    # The clusters as the engine last made them, before curation:
    # [{id, label, theme}], so editors' decisions can be re-applied without a run.
    engine_clusters = models.JSONField(default=list, blank=True, editable=False)
    question_count = models.PositiveIntegerField(_("learning questions"), default=0)
    analysed_at = models.DateTimeField(_("analysed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("learning agenda")
        verbose_name_plural = _("learning agendas")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agenda:agenda_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class AnalysisRun(models.Model):
    """One analysis of an agenda's learning questions by the background worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for the worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    agenda = models.ForeignKey(
        LearningAgenda,
        on_delete=models.CASCADE,
        related_name="runs",
        verbose_name=_("learning agenda"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=40, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    incremental = models.BooleanField(_("from earlier clusters"), default=False)
    question_count = models.PositiveIntegerField(_("learning questions"), default=0)
    cluster_count = models.PositiveIntegerField(_("clusters"), default=0)
    skipped_count = models.PositiveIntegerField(_("empty questions"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")

    def __str__(self) -> str:
        return f"{self.agenda} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}


class AgendaQuestion(models.Model):
    """Where the analysis (``engine_key``) and then the editors (``cluster_key``)
    placed one learning question in an agenda."""

    agenda = models.ForeignKey(
        LearningAgenda, on_delete=models.CASCADE, related_name="placements"
    )
    question = models.ForeignKey(
        LearningQuestion, on_delete=models.CASCADE, related_name="+"
    )
    engine_key = models.CharField(max_length=64)
    cluster_key = models.CharField(max_length=64)
    top_theme = models.CharField(max_length=60, blank=True)

    class Meta:
        verbose_name = _("placed learning question")
        verbose_name_plural = _("placed learning questions")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "question"], name="one_placement_per_agenda"
            )
        ]
        indexes = [
            models.Index(fields=["agenda", "cluster_key"], name="agenda_q_cluster_idx"),
            models.Index(fields=["question"], name="agenda_q_question_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} → {self.cluster_key}"


class AgendaCluster(models.Model):
    """A cluster of an agenda as the editors see it: the engine's grouping after
    their decisions, with its ranking figures."""

    agenda = models.ForeignKey(
        LearningAgenda,
        on_delete=models.CASCADE,
        related_name="clusters",
        verbose_name=_("learning agenda"),
    )
    key = models.CharField(_("key"), max_length=64)
    engine_label = models.CharField(_("label from the analysis"), max_length=300)
    label = models.CharField(_("label"), max_length=300)
    theme = models.CharField(_("main theme"), max_length=60, blank=True)
    size = models.PositiveIntegerField(_("learning questions"), default=0)
    votes = models.PositiveIntegerField(_("also my question"), default=0)
    urgency = models.FloatField(_("mean urgency"), null=True, blank=True)
    score = models.FloatField(_("score"), default=0)
    rank = models.PositiveIntegerField(_("rank"), default=0)
    # Ids of its most representative learning questions, most central first.
    examples = models.JSONField(_("examples"), default=list, blank=True)
    hidden = models.BooleanField(_("hidden by an editor"), default=False)

    class Meta:
        ordering = ["rank", "key"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "key"], name="one_cluster_key_per_agenda"
            )
        ]

    def __str__(self) -> str:
        return self.label


class CurationDecision(models.Model):
    """An editor's change to the clusters, kept by cluster key and question id and
    re-applied in order after every analysis."""

    class Kind(models.TextChoices):
        RENAME = "rename", _("Rename")
        MERGE = "merge", _("Merge")
        SPLIT = "split", _("Split")
        HIDE = "hide", _("Hide")
        SHOW = "show", _("Show again")
        MOVE = "move", _("Move a question")

    agenda = models.ForeignKey(
        LearningAgenda, on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cluster_key = models.CharField(_("cluster"), max_length=64)
    target_key = models.CharField(_("into cluster"), max_length=64, blank=True)
    label = models.CharField(_("label"), max_length=300, blank=True)
    question_ids = models.JSONField(_("learning questions"), default=list, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("editor"),
    )
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("editor's decision")
        verbose_name_plural = _("editors' decisions")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.cluster_key}"


class AgendaItem(models.Model):
    """A cluster or theme the editors adopt into the agenda, with who follows it up,
    how far it is and the answers that address it."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Cluster of questions")
        THEME = "theme", _("Theme")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")

    agenda = models.ForeignKey(
        LearningAgenda,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("learning agenda"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cluster_key = models.CharField(_("cluster"), max_length=64, blank=True)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("explanation"), blank=True)
    owner = models.CharField(
        _("owner"),
        max_length=200,
        blank=True,
        help_text=_("Who takes this up: a person, a team or an organisation."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    cases = models.ManyToManyField(
        "knowledge.CasePage",
        blank=True,
        related_name="+",
        verbose_name=_("cases that answer it"),
    )
    documents = models.ManyToManyField(
        "knowledge.Document",
        blank=True,
        related_name="+",
        verbose_name=_("documents that answer it"),
    )
    events = models.ManyToManyField(
        "events.EventPage",
        blank=True,
        related_name="+",
        verbose_name=_("events that answer it"),
    )
    articles = models.ManyToManyField(
        "articles.ArticlePage",
        blank=True,
        related_name="+",
        verbose_name=_("articles that answer it"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("owner"),
        FieldPanel("status"),
        FieldPanel("position"),
        MultiFieldPanel(
            [
                FieldPanel("cases"),
                FieldPanel("documents"),
                FieldPanel("events"),
                FieldPanel("articles"),
            ],
            heading=_("Answers"),
        ),
    ]

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "cluster_key"],
                condition=models.Q(kind="cluster"),
                name="one_item_per_cluster",
            ),
            models.UniqueConstraint(
                fields=["agenda", "theme"],
                condition=models.Q(kind="theme"),
                name="one_item_per_theme",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "agenda:item_detail", kwargs={"slug": self.agenda.slug, "pk": self.pk}
        )
