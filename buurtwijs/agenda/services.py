"""Writes of the learning agenda: analyses, editors' curation, publication, items."""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import User
from buurtwijs.agenda.curation import (
    Decision,
    EngineCluster,
    curate,
    split_key,
)
from buurtwijs.agenda.models import (
    ACROSS_CALLS_SLUG,
    AgendaCluster,
    AgendaItem,
    AgendaQuestion,
    AnalysisRun,
    CurationDecision,
    LearningAgenda,
)
from buurtwijs.analysis.clusters import PreviousCluster
from buurtwijs.analysis.engine import AnalysisResult, QuestionIn, analyse
from buurtwijs.analysis.ranking import RankInput, question_weight
from buurtwijs.articles.models import ArticlePage
from buurtwijs.calls.models import Call, LearningQuestion
from buurtwijs.core.models import Theme
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import CasePage, Document

logger = logging.getLogger(__name__)

BATCH = 2_000
EXAMPLES = 3
# Texts per earlier cluster handed to the engine for incremental re-analysis: its
# centroid is what matters, and a sample gives it without re-reading everything.
PREVIOUS_TEXTS = 12
MAX_LABEL = 300


def _batches(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# --- agendas -----------------------------------------------------------------


def agenda_get_or_create(*, call: Call | None) -> LearningAgenda:
    """The learning agenda of a call, or the one across all calls."""
    if call is None:
        agenda, _created = LearningAgenda.objects.get_or_create(
            call=None,
            slug=ACROSS_CALLS_SLUG,
            defaults={"title": _("Learning agenda across all calls")},
        )
        return agenda
    existing = LearningAgenda.objects.filter(call=call).first()
    if existing is not None:
        return existing
    slug = call.slug[:200]
    if slug == ACROSS_CALLS_SLUG or LearningAgenda.objects.filter(slug=slug).exists():
        slug = f"{slug}-{call.pk}"
    return LearningAgenda.objects.create(
        call=call,
        slug=slug,
        title=_("Learning agenda: %(call)s") % {"call": call.title},
    )


@transaction.atomic
def agenda_update(*, agenda: LearningAgenda, title: str, commentary: str) -> None:
    """Change an agenda's title and the editors' commentary."""
    title = title.strip()
    if not title:
        raise ValidationError(_("Give the agenda a title."))
    agenda.title = title[:200]
    agenda.commentary = commentary.strip()
    agenda.save(update_fields=["title", "commentary", "updated_at"])


@transaction.atomic
def agenda_set_published(*, agenda: LearningAgenda, published: bool) -> None:
    """Publish an analysed agenda at /leeragenda/, or take it back to draft."""
    if published and agenda.analysed_at is None:
        raise ValidationError(_("Analyse the learning questions before publishing."))
    agenda.status = (
        LearningAgenda.Status.PUBLISHED if published else LearningAgenda.Status.DRAFT
    )
    if published and agenda.published_at is None:
        agenda.published_at = timezone.now()
    agenda.save(update_fields=["status", "published_at", "updated_at"])


# --- analysis ----------------------------------------------------------------


@transaction.atomic
def analysis_request(*, agenda: LearningAgenda, user: User | None) -> AnalysisRun:
    """Queue an analysis of the agenda's questions; one waiting or running at a time."""
    LearningAgenda.objects.select_for_update().filter(pk=agenda.pk).first()
    active = agenda.runs.filter(
        status__in=[AnalysisRun.Status.QUEUED, AnalysisRun.Status.RUNNING]
    ).first()
    if active is not None:
        return active
    run = AnalysisRun.objects.create(agenda=agenda, requested_by=user)
    from buurtwijs.agenda.tasks import analysis_run_task

    transaction.on_commit(lambda: analysis_run_task.enqueue(run.pk))
    return run


class _Progress:
    """Turns the engine's stages into a percentage saved on the run."""

    # stage: (percentage at its start, percentage at its end)
    SPANS = {
        "themes": (5, 50),
        "deduplicated": (55, 55),
        "clustered": (55, 85),
        "ranked": (88, 88),
        "storing": (90, 90),
    }

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id
        self.last = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        start, end = self.SPANS.get(stage, (self.last, self.last))
        share = done / total if total else 1.0
        percent = int(start + (end - start) * share)
        if percent <= self.last:
            return
        self.last = percent
        AnalysisRun.objects.filter(pk=self.run_id).update(
            progress=min(percent, 99), stage=stage
        )


def _questions_of(agenda: LearningAgenda) -> list[dict[str, Any]]:
    questions = LearningQuestion.objects.filter(
        status=LearningQuestion.Status.PUBLISHED
    )
    if agenda.call_id is not None:
        questions = questions.filter(call_id=agenda.call_id)
    values = questions.order_by("id").values(
        "id",
        "text",
        "role",
        "vote_count",
        "urgency",
        "call_id",
        "response_id",
        "municipality__code",
    )
    return [dict(row) for row in values]


def _previous_clusters(agenda: LearningAgenda) -> list[PreviousCluster]:
    """The engine's clusters of the last analysis, each with a sample of its texts."""
    if not agenda.engine_clusters:
        return []
    texts: dict[str, list[str]] = defaultdict(list)
    rows = (
        AgendaQuestion.objects.filter(agenda=agenda)
        .order_by("engine_key", "question_id")
        .values_list("engine_key", "question__text")
    )
    for key, text in rows.iterator(chunk_size=BATCH):
        if len(texts[key]) < PREVIOUS_TEXTS and text.strip():
            texts[key].append(text)
    return [
        PreviousCluster(
            id=cluster["id"],
            label=cluster["label"],
            theme=cluster["theme"],
            texts=texts[cluster["id"]],
        )
        for cluster in agenda.engine_clusters
        if texts.get(cluster["id"])
    ]


def _write_back(
    *,
    agenda: LearningAgenda,
    questions: list[dict[str, Any]],
    result: AnalysisResult,
    now: Any,
) -> None:
    """Theme scores, themes and the engine's cluster onto the learning questions.

    The cluster is written by the agenda a question belongs to first: its call's,
    or the across-calls agenda for questions posted outside a call.
    """
    by_id = {question["id"]: question for question in questions}
    theme_ids = dict(Theme.objects.values_list("slug", "id"))
    owns_cluster = agenda.call_id is not None
    rows = []
    through = LearningQuestion.themes.through
    replace_ids = []
    links: list[Any] = []
    for item in result.items:
        question_id = int(item.id)
        question = by_id[question_id]
        row = LearningQuestion(
            pk=question_id,
            theme_scores={theme.slug: theme.score for theme in item.themes},
            analysed_at=now,
        )
        if owns_cluster or question["call_id"] is None:
            row.cluster_key = f"{agenda.pk}:{item.cluster}"[:64]
        rows.append(row)
        # Themes chosen by the person who asked stay; those of a call's answers
        # are the analysis's alone.
        if question["response_id"] is not None:
            replace_ids.append(question_id)
        links.extend(
            through(learningquestion_id=question_id, theme_id=theme_ids[slug])
            for slug in item.assigned
            if slug in theme_ids
        )
    fields = ["theme_scores", "analysed_at"]
    owned = [row for row in rows if row.cluster_key]
    unowned = [row for row in rows if not row.cluster_key]
    LearningQuestion.objects.bulk_update(
        owned, [*fields, "cluster_key"], batch_size=BATCH
    )
    LearningQuestion.objects.bulk_update(unowned, fields, batch_size=BATCH)
    for batch in _batches(replace_ids):
        through.objects.filter(learningquestion_id__in=batch).delete()
    through.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)


def _store(
    *, agenda: LearningAgenda, questions: list[dict[str, Any]], result: AnalysisResult
) -> None:
    now = timezone.now()
    _write_back(agenda=agenda, questions=questions, result=result, now=now)
    AgendaQuestion.objects.filter(agenda=agenda).delete()
    AgendaQuestion.objects.bulk_create(
        (
            AgendaQuestion(
                agenda=agenda,
                question_id=int(item.id),
                engine_key=item.cluster,
                cluster_key=item.cluster,
                top_theme=item.themes[0].slug
                if item.themes and item.themes[0].score > 0
                else "",
            )
            for item in result.items
        ),
        batch_size=BATCH,
    )
    agenda.engine_clusters = [
        {
            "id": cluster.id,
            "label": cluster.label[:MAX_LABEL],
            "theme": cluster.theme,
            "examples": [int(example) for example in cluster.examples],
        }
        for cluster in result.clusters
    ]
    agenda.themes = [
        {
            "slug": theme.slug,
            "label": theme.label,
            "count": theme.count,
            "score": theme.score,
        }
        for theme in result.themes
    ]
    agenda.question_count = len(result.items)
    agenda.analysed_at = now
    agenda.save(
        update_fields=[
            "engine_clusters",
            "themes",
            "question_count",
            "analysed_at",
            "updated_at",
        ]
    )
    agenda_rebuild(agenda=agenda)


def analysis_run(*, run_id: int) -> AnalysisRun:
    """Analyse an agenda's visible learning questions and store what was found.

    Progress is saved as the engine goes, outside the final transaction, so the
    dashboard can show it. Earlier clusters are passed to the engine, so a
    re-analysis keeps their keys and the editors' decisions still apply.
    """
    run = AnalysisRun.objects.select_related("agenda").get(pk=run_id)
    if run.status not in {AnalysisRun.Status.QUEUED, AnalysisRun.Status.FAILED}:
        return run
    agenda = run.agenda
    run.status = AnalysisRun.Status.RUNNING
    run.started_at = timezone.now()
    run.progress = 1
    run.stage = "loading"
    run.save(update_fields=["status", "started_at", "progress", "stage"])
    try:
        questions = _questions_of(agenda)
        previous = _previous_clusters(agenda)
        progress = _Progress(run.pk)
        result = analyse(
            [
                QuestionIn(
                    id=str(question["id"]),
                    text=question["text"],
                    municipality=question["municipality__code"] or "",
                    role=question["role"],
                    votes=question["vote_count"],
                    urgency=question["urgency"],
                )
                for question in questions
            ],
            previous=previous,
            progress=progress,
        )
        progress("storing", 1, 1)
        with transaction.atomic():
            _store(agenda=agenda, questions=questions, result=result)
            run.status = AnalysisRun.Status.DONE
            run.progress = 100
            run.stage = "done"
            run.incremental = bool(previous)
            run.question_count = len(result.items)
            run.cluster_count = agenda.clusters.count()
            run.skipped_count = len(result.skipped)
            run.finished_at = timezone.now()
            run.error = ""
            run.save(
                update_fields=[
                    "status",
                    "progress",
                    "stage",
                    "incremental",
                    "question_count",
                    "cluster_count",
                    "skipped_count",
                    "finished_at",
                    "error",
                ]
            )
    except Exception as error:
        # Whatever went wrong, the editors see that the run failed rather than a
        # progress bar that never moves; the worker records the traceback.
        logger.exception("Analysis %s failed", run.pk)
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.FAILED,
            error=str(error)[:2000],
            finished_at=timezone.now(),
        )
        raise
    return run


# --- curation ----------------------------------------------------------------


def _decisions(agenda: LearningAgenda) -> list[Decision]:
    return [
        Decision(
            kind=decision.kind,
            cluster_key=decision.cluster_key,
            target_key=decision.target_key,
            label=decision.label,
            question_ids=tuple(int(qid) for qid in decision.question_ids),
        )
        for decision in agenda.decisions.order_by("id")
    ]


@transaction.atomic
def agenda_rebuild(*, agenda: LearningAgenda) -> None:
    """Re-apply every editor's decision to the last analysis and re-rank clusters."""
    rows = list(
        AgendaQuestion.objects.filter(agenda=agenda).values_list(
            "id",
            "question_id",
            "engine_key",
            "cluster_key",
            "question__vote_count",
            "question__urgency",
        )
    )
    engine = [
        EngineCluster(key=item["id"], label=item["label"], theme=item["theme"])
        for item in agenda.engine_clusters
    ]
    engine_examples = {
        item["id"]: item.get("examples", []) for item in agenda.engine_clusters
    }
    placement = {row[1]: row[2] for row in rows}
    assignment, curated = curate(engine, placement, _decisions(agenda))

    changed = [
        AgendaQuestion(pk=row[0], cluster_key=assignment[row[1]])
        for row in rows
        if assignment[row[1]] != row[3]
    ]
    AgendaQuestion.objects.bulk_update(changed, ["cluster_key"], batch_size=BATCH)

    figures = {row[1]: (row[4], row[5]) for row in rows}
    built = []
    for cluster in curated:
        inputs = [
            RankInput(themes=(), cluster=cluster.key, votes=votes, urgency=urgency)
            for votes, urgency in (figures[qid] for qid in cluster.members)
        ]
        urgencies = [item.urgency for item in inputs if item.urgency is not None]
        members = set(cluster.members)
        examples = [
            qid for qid in engine_examples.get(cluster.key, []) if qid in members
        ]
        if len(examples) < EXAMPLES:
            by_votes = sorted(cluster.members, key=lambda qid: (-figures[qid][0], qid))
            examples += [qid for qid in by_votes if qid not in examples]
        built.append(
            AgendaCluster(
                agenda=agenda,
                key=cluster.key,
                engine_label=cluster.engine_label[:MAX_LABEL],
                label=cluster.label[:MAX_LABEL],
                theme=cluster.theme,
                size=len(cluster.members),
                votes=sum(item.votes for item in inputs),
                urgency=round(sum(urgencies) / len(urgencies), 2)
                if urgencies
                else None,
                score=round(sum(question_weight(item) for item in inputs), 4),
                examples=examples[:EXAMPLES],
                hidden=cluster.hidden,
            )
        )
    built.sort(key=lambda row: (row.hidden, -row.score, -row.size))
    for rank, row in enumerate(built, start=1):
        row.rank = rank
    AgendaCluster.objects.filter(agenda=agenda).delete()
    AgendaCluster.objects.bulk_create(built, batch_size=BATCH)


def _cluster(agenda: LearningAgenda, key: str) -> AgendaCluster:
    cluster = AgendaCluster.objects.filter(agenda=agenda, key=key).first()
    if cluster is None:
        raise ValidationError(_("That cluster does not exist (any more)."))
    return cluster


def _decide(
    *, agenda: LearningAgenda, editor: User | None, **fields: Any
) -> CurationDecision:
    decision = CurationDecision.objects.create(agenda=agenda, editor=editor, **fields)
    agenda_rebuild(agenda=agenda)
    return decision


def _label(label: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise ValidationError(_("Give the cluster a name."))
    if len(label) > MAX_LABEL:
        raise ValidationError(_("A cluster name can be at most 300 characters."))
    return label


@transaction.atomic
def cluster_rename(
    *, agenda: LearningAgenda, key: str, label: str, editor: User | None
) -> CurationDecision:
    """Give a cluster the editors' own name."""
    _cluster(agenda, key)
    return _decide(
        agenda=agenda,
        editor=editor,
        kind=CurationDecision.Kind.RENAME,
        cluster_key=key,
        label=_label(label),
    )


@transaction.atomic
def cluster_set_hidden(
    *, agenda: LearningAgenda, key: str, hidden: bool, editor: User | None
) -> CurationDecision:
    """Hide a cluster from the agenda, or show it again."""
    _cluster(agenda, key)
    kind = CurationDecision.Kind.HIDE if hidden else CurationDecision.Kind.SHOW
    return _decide(agenda=agenda, editor=editor, kind=kind, cluster_key=key)


@transaction.atomic
def cluster_merge(
    *, agenda: LearningAgenda, key: str, into: str, editor: User | None
) -> CurationDecision:
    """Put every question of one cluster into another."""
    if key == into:
        raise ValidationError(_("Choose another cluster to merge with."))
    _cluster(agenda, key)
    _cluster(agenda, into)
    return _decide(
        agenda=agenda,
        editor=editor,
        kind=CurationDecision.Kind.MERGE,
        cluster_key=key,
        target_key=into,
    )


def _member_ids(agenda: LearningAgenda, key: str, question_ids: Iterable[int]) -> list:
    wanted = sorted(set(question_ids))
    found = list(
        AgendaQuestion.objects.filter(
            agenda=agenda, cluster_key=key, question_id__in=wanted
        )
        .order_by("question_id")
        .values_list("question_id", flat=True)
    )
    if not found or len(found) != len(wanted):
        raise ValidationError(_("Choose questions from this cluster."))
    return found


@transaction.atomic
def cluster_split(
    *,
    agenda: LearningAgenda,
    key: str,
    question_ids: Iterable[int],
    label: str,
    editor: User | None,
) -> CurationDecision:
    """Move chosen questions of a cluster into a new cluster of their own."""
    cluster = _cluster(agenda, key)
    members = _member_ids(agenda, key, question_ids)
    if len(members) >= cluster.size:
        raise ValidationError(_("Leave at least one question in the cluster."))
    label = _label(label)
    decision = CurationDecision.objects.create(
        agenda=agenda,
        editor=editor,
        kind=CurationDecision.Kind.SPLIT,
        cluster_key=key,
        label=label,
        question_ids=members,
    )
    decision.target_key = split_key(decision.pk)
    decision.save(update_fields=["target_key"])
    agenda_rebuild(agenda=agenda)
    return decision


@transaction.atomic
def question_move(
    *, agenda: LearningAgenda, question_id: int, into: str, editor: User | None
) -> CurationDecision:
    """Move one learning question to another cluster."""
    placement = AgendaQuestion.objects.filter(
        agenda=agenda, question_id=question_id
    ).first()
    if placement is None:
        raise ValidationError(_("That question is not on this agenda."))
    if placement.cluster_key == into:
        raise ValidationError(_("The question is already in that cluster."))
    _cluster(agenda, into)
    return _decide(
        agenda=agenda,
        editor=editor,
        kind=CurationDecision.Kind.MOVE,
        cluster_key=placement.cluster_key,
        target_key=into,
        question_ids=[question_id],
    )


# --- agenda items --------------------------------------------------------------


@transaction.atomic
def agenda_item_adopt(
    *, agenda: LearningAgenda, cluster_key: str = "", theme_slug: str = ""
) -> AgendaItem:
    """Adopt a cluster or a theme into the agenda as an item to follow up."""
    if bool(cluster_key) == bool(theme_slug):
        raise ValidationError(_("Choose a cluster or a theme."))
    position = (agenda.items.aggregate(last=Max("position"))["last"] or 0) + 1
    if cluster_key:
        cluster = _cluster(agenda, cluster_key)
        item, _created = AgendaItem.objects.get_or_create(
            agenda=agenda,
            kind=AgendaItem.Kind.CLUSTER,
            cluster_key=cluster.key,
            defaults={"title": cluster.label, "position": position},
        )
        return item
    theme = Theme.objects.filter(slug=theme_slug).first()
    if theme is None:
        raise ValidationError(_("That theme does not exist."))
    item, _created = AgendaItem.objects.get_or_create(
        agenda=agenda,
        kind=AgendaItem.Kind.THEME,
        theme=theme,
        defaults={"title": theme.name, "position": position},
    )
    return item


def _existing(queryset: QuerySet[Any], ids: Iterable[int], kind: str) -> list[int]:
    wanted = set(ids)
    found = set(queryset.filter(pk__in=wanted).values_list("pk", flat=True))
    missing = sorted(wanted - found)
    if missing:
        raise ValidationError(
            _("There is no %(kind)s with number %(number)s.")
            % {"kind": kind, "number": missing[0]}
        )
    return sorted(found)


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem) -> None:
    """Take an item off the agenda; the cluster or theme itself stays."""
    item.delete()


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    owner: str,
    status: str,
    cases: Iterable[int] = (),
    documents: Iterable[int] = (),
    events: Iterable[int] = (),
    articles: Iterable[int] = (),
    description: str | None = None,
) -> AgendaItem:
    """Set who follows an item up, how far it is, and the answers that address it."""
    if status not in AgendaItem.Status.values:
        raise ValidationError(_("Choose a valid status."))
    item.owner = owner.strip()[:200]
    item.status = status
    fields = ["owner", "status", "updated_at"]
    if description is not None:
        item.description = description.strip()
        fields.append("description")
    case_ids = _existing(CasePage.objects.live(), cases, _("case"))
    document_ids = _existing(Document.objects.all(), documents, _("document"))
    event_ids = _existing(EventPage.objects.live(), events, _("event"))
    article_ids = _existing(ArticlePage.objects.live(), articles, _("article"))
    item.save(update_fields=fields)
    item.cases.set(case_ids)
    item.documents.set(document_ids)
    item.events.set(event_ids)
    item.articles.set(article_ids)
    return item
