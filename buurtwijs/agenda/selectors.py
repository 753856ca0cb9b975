"""Reads of the learning agenda: dashboards, the public page, exports, traceability."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import PersonKind
from buurtwijs.agenda.models import (
    AgendaCluster,
    AgendaItem,
    AgendaQuestion,
    AnalysisRun,
    LearningAgenda,
)
from buurtwijs.articles.models import ArticlePage
from buurtwijs.calls.models import Call, LearningQuestion, Response
from buurtwijs.core.models import Province
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import CasePage, Document

PUBLIC_CLUSTERS = 20


def user_is_agenda_editor(user: Any) -> bool:
    """Whether someone may see drafts and curate agendas."""
    return bool(user.is_authenticated and user.has_perm("agenda.change_learningagenda"))


@dataclass
class ClusterView:
    """A cluster with its example questions and, when adopted, its agenda item."""

    cluster: AgendaCluster
    theme_label: str
    examples: list[LearningQuestion]
    item: AgendaItem | None = None


@dataclass
class ItemView:
    """An adopted agenda item with the number of questions it came from."""

    item: AgendaItem
    questions: int


@dataclass
class AgendaOverview:
    """Everything a dashboard, the public page or an export shows of an agenda."""

    agenda: LearningAgenda
    themes: list[dict[str, Any]]
    clusters: list[ClusterView]
    cluster_total: int
    items: list[ItemView]
    provinces: list[dict[str, Any]]
    roles: list[dict[str, Any]]
    responses: int
    unplaced_province: int = 0
    other_agendas: list[LearningAgenda] = field(default_factory=list)


def agenda_list_admin() -> tuple[list[LearningAgenda], list[Call]]:
    """Every agenda with its call, and the calls that have no agenda yet."""
    agendas = list(LearningAgenda.objects.select_related("call").order_by("title"))
    with_agenda = [agenda.call_id for agenda in agendas if agenda.call_id]
    calls = list(Call.objects.exclude(pk__in=with_agenda).order_by("-opens_at"))
    return agendas, calls


def agenda_latest_run(agenda: LearningAgenda) -> AnalysisRun | None:
    return agenda.runs.order_by("-created_at", "-id").first()


def agenda_published(*, slug: str | None = None) -> LearningAgenda | None:
    """A published agenda by slug, or the most recently published one."""
    agendas = LearningAgenda.objects.filter(
        status=LearningAgenda.Status.PUBLISHED
    ).select_related("call")
    if slug is not None:
        agendas = agendas.filter(slug=slug)
    return agendas.order_by("-published_at", "-id").first()


def agenda_for_viewer(*, slug: str, user: Any) -> LearningAgenda | None:
    """An agenda by slug if it is published, or the viewer is an editor."""
    agenda = LearningAgenda.objects.select_related("call").filter(slug=slug).first()
    if agenda is None:
        return None
    if agenda.is_published or user_is_agenda_editor(user):
        return agenda
    return None


def agendas_published_other(agenda: LearningAgenda) -> list[LearningAgenda]:
    return list(
        LearningAgenda.objects.filter(status=LearningAgenda.Status.PUBLISHED)
        .exclude(pk=agenda.pk)
        .order_by("-published_at", "-id")
    )


def _items(agenda: LearningAgenda) -> list[AgendaItem]:
    return list(
        agenda.items.select_related("theme", "agenda").prefetch_related(
            Prefetch(
                "cases",
                queryset=CasePage.objects.live().public().order_by("title"),
            ),
            Prefetch(
                "documents",
                queryset=Document.objects.filter(
                    status=Document.Status.PUBLISHED
                ).order_by("title"),
            ),
            Prefetch(
                "events",
                queryset=EventPage.objects.live().public().order_by("starts_at"),
            ),
            Prefetch(
                "articles",
                queryset=ArticlePage.objects.live()
                .public()
                .order_by("-first_published_at"),
            ),
        )
    )


def _breakdowns(
    agenda: LearningAgenda,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int]:
    placed = AgendaQuestion.objects.filter(agenda=agenda).order_by()
    by_province: dict[str | None, int] = dict(
        placed.values_list("question__municipality__province__name")
        .annotate(count=Count("id"))
        .values_list("question__municipality__province__name", "count")
    )
    responses = Response.objects.order_by()
    if agenda.call_id is not None:
        responses = responses.filter(call_id=agenda.call_id)
    responses_by_province = dict(
        responses.values_list("municipality__province__name")
        .annotate(count=Count("id"))
        .values_list("municipality__province__name", "count")
    )
    provinces = [
        {
            "name": name,
            "questions": by_province.get(name, 0),
            "responses": responses_by_province.get(name, 0),
        }
        for name in Province.objects.order_by("name").values_list("name", flat=True)
    ]
    role_labels = dict(PersonKind.choices)
    by_role = (
        placed.values_list("question__role")
        .annotate(count=Count("id"))
        .values_list("question__role", "count")
    )
    roles: list[dict[str, Any]] = sorted(
        (
            {"code": code, "label": str(role_labels.get(code, code)), "count": count}
            for code, count in by_role
            if code
        ),
        key=lambda row: (-row["count"], row["label"]),
    )
    unknown_role = sum(count for code, count in by_role if not code)
    if unknown_role:
        roles.append({"code": "", "label": _("Not given"), "count": unknown_role})
    return (
        provinces,
        roles,
        sum(responses_by_province.values()),
        by_province.get(None, 0),
    )


def agenda_overview(
    *,
    agenda: LearningAgenda,
    include_hidden: bool = False,
    cluster_limit: int | None = PUBLIC_CLUSTERS,
) -> AgendaOverview:
    """The ranked themes and clusters with examples, items and breakdowns.

    A fixed number of queries whatever the size of the agenda.
    """
    clusters_qs = AgendaCluster.objects.filter(agenda=agenda).order_by("rank", "key")
    if not include_hidden:
        clusters_qs = clusters_qs.filter(hidden=False)
    cluster_total = clusters_qs.count()
    clusters = list(clusters_qs[:cluster_limit] if cluster_limit else clusters_qs)
    example_ids = {qid for cluster in clusters for qid in cluster.examples}
    examples = LearningQuestion.objects.filter(
        pk__in=example_ids, status=LearningQuestion.Status.PUBLISHED
    ).only("id", "text", "vote_count")
    by_id = {question.pk: question for question in examples}
    theme_labels = {theme["slug"]: theme["label"] for theme in agenda.themes}

    items = _items(agenda)
    cluster_items = {
        item.cluster_key: item for item in items if item.kind == AgendaItem.Kind.CLUSTER
    }
    theme_items = {
        item.theme.slug: item
        for item in items
        if item.kind == AgendaItem.Kind.THEME and item.theme is not None
    }
    sizes = dict(
        AgendaCluster.objects.filter(
            agenda=agenda, key__in=list(cluster_items)
        ).values_list("key", "size")
    )
    theme_counts = {theme["slug"]: theme["count"] for theme in agenda.themes}
    item_views = [
        ItemView(
            item=item,
            questions=sizes.get(item.cluster_key, 0)
            if item.kind == AgendaItem.Kind.CLUSTER
            else theme_counts.get(item.theme.slug if item.theme else "", 0),
        )
        for item in items
    ]
    provinces, roles, responses, unplaced = _breakdowns(agenda)
    themes = [
        {**theme, "item": theme_items.get(theme["slug"])}
        for theme in agenda.themes
        if theme["count"] > 0
    ]
    return AgendaOverview(
        agenda=agenda,
        themes=themes,
        clusters=[
            ClusterView(
                cluster=cluster,
                theme_label=theme_labels.get(cluster.theme, ""),
                examples=[by_id[qid] for qid in cluster.examples if qid in by_id],
                item=cluster_items.get(cluster.key),
            )
            for cluster in clusters
        ],
        cluster_total=cluster_total,
        items=item_views,
        provinces=provinces,
        roles=roles,
        responses=responses,
        unplaced_province=unplaced,
    )


def cluster_members(*, agenda: LearningAgenda, key: str) -> QuerySet[LearningQuestion]:
    """The learning questions an editor placed (or left) in a cluster."""
    ids = AgendaQuestion.objects.filter(agenda=agenda, cluster_key=key).values(
        "question_id"
    )
    return (
        LearningQuestion.objects.filter(pk__in=ids)
        .select_related("municipality")
        .order_by("-vote_count", "id")
    )


def item_questions(*, item: AgendaItem) -> QuerySet[LearningQuestion]:
    """The visible learning questions an agenda item came from, most votes first."""
    placed = AgendaQuestion.objects.filter(agenda_id=item.agenda_id)
    if item.kind == AgendaItem.Kind.CLUSTER:
        placed = placed.filter(cluster_key=item.cluster_key)
    else:
        placed = placed.filter(question__themes=item.theme_id)
    return (
        LearningQuestion.objects.filter(
            pk__in=placed.values("question_id"),
            status=LearningQuestion.Status.PUBLISHED,
        )
        .select_related("municipality__province")
        .order_by("-vote_count", "id")
    )


def agenda_item_public(*, agenda: LearningAgenda, pk: int) -> AgendaItem | None:
    items = [item for item in _items(agenda) if item.pk == pk]
    return items[0] if items else None


def agenda_items_for_question(*, question_id: int) -> list[AgendaItem]:
    """The published agenda items a learning question led to: what became of it."""
    placements = list(
        AgendaQuestion.objects.filter(
            question_id=question_id, agenda__status=LearningAgenda.Status.PUBLISHED
        ).values_list("agenda_id", "cluster_key")
    )
    if not placements:
        return []
    match = Q(
        kind=AgendaItem.Kind.THEME,
        agenda_id__in=[agenda_id for agenda_id, _key in placements],
        theme__learning_questions=question_id,
    )
    for agenda_id, key in placements:
        match |= Q(kind=AgendaItem.Kind.CLUSTER, agenda_id=agenda_id, cluster_key=key)
    return list(
        AgendaItem.objects.filter(match)
        .select_related("agenda")
        .distinct()
        .order_by("agenda_id", "position", "id")
    )
