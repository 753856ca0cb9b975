"""The editors' learning agenda in /beheer/: analyses, dashboards and curation."""

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.accounts.models import User
from buurtwijs.agenda import services
from buurtwijs.agenda.forms import (
    AgendaItemForm,
    AgendaSettingsForm,
    MergeForm,
    MoveForm,
    RenameForm,
    SplitForm,
)
from buurtwijs.agenda.models import AgendaCluster, AgendaItem, LearningAgenda
from buurtwijs.agenda.selectors import (
    agenda_latest_run,
    agenda_list_admin,
    agenda_overview,
    cluster_members,
    user_is_agenda_editor,
)
from buurtwijs.agenda.views import agenda_charts
from buurtwijs.articles.models import ArticlePage
from buurtwijs.calls.models import Call
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import CasePage
from buurtwijs.matching.selectors import match_public

DASHBOARD_CLUSTERS = 100
SUGGESTED_DOCUMENTS = 8


def _editor(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not user_is_agenda_editor(user):
        raise PermissionDenied
    return user


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def agenda_index(request: HttpRequest) -> HttpResponse:
    _editor(request)
    agendas, calls = agenda_list_admin()
    return TemplateResponse(
        request,
        "agenda/admin/index.html",
        {
            "agendas": agendas,
            "calls": calls,
            "has_across": any(agenda.call_id is None for agenda in agendas),
            "page_title": _("Learning agenda"),
        },
    )


@require_POST
def agenda_create(request: HttpRequest) -> HttpResponse:
    _editor(request)
    call_id = request.POST.get("call", "")
    call = None
    if call_id:
        if not call_id.isdigit():
            raise Http404
        call = get_object_or_404(Call, pk=int(call_id))
    agenda = services.agenda_get_or_create(call=call)
    return redirect("agenda_dashboard", pk=agenda.pk)


def agenda_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    agenda = get_object_or_404(LearningAgenda.objects.select_related("call"), pk=pk)
    overview = agenda_overview(
        agenda=agenda, include_hidden=True, cluster_limit=DASHBOARD_CLUSTERS
    )
    run = agenda_latest_run(agenda)
    return TemplateResponse(
        request,
        "agenda/admin/dashboard.html",
        {
            "agenda": agenda,
            "overview": overview,
            "run": run,
            "settings_form": AgendaSettingsForm(instance=agenda),
            "page_title": agenda.title,
            **agenda_charts(overview),
        },
    )


@require_POST
def agenda_analyse(request: HttpRequest, pk: int) -> HttpResponse:
    editor = _editor(request)
    agenda = get_object_or_404(LearningAgenda, pk=pk)
    services.analysis_request(agenda=agenda, user=editor)
    messages.success(request, _("The analysis has been started."))
    return redirect("agenda_dashboard", pk=agenda.pk)


@require_POST
def agenda_settings(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    agenda = get_object_or_404(LearningAgenda, pk=pk)
    action = request.POST.get("action", "save")
    try:
        if action in {"publish", "unpublish"}:
            services.agenda_set_published(agenda=agenda, published=action == "publish")
            messages.success(
                request,
                _("The agenda is published.")
                if action == "publish"
                else _("The agenda is back to draft."),
            )
        else:
            form = AgendaSettingsForm(request.POST, instance=agenda)
            if not form.is_valid():
                for errors in form.errors.values():
                    for error in errors:
                        messages.error(request, str(error))
            else:
                services.agenda_update(
                    agenda=agenda,
                    title=form.cleaned_data["title"],
                    commentary=form.cleaned_data["commentary"],
                )
                messages.success(request, _("The agenda has been saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("agenda_dashboard", pk=agenda.pk)


def cluster_detail(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    _editor(request)
    agenda = get_object_or_404(LearningAgenda, pk=pk)
    cluster = get_object_or_404(AgendaCluster, agenda=agenda, key=key)
    others = (
        AgendaCluster.objects.filter(agenda=agenda)
        .exclude(key=key)
        .order_by("rank")
        .values_list("key", "label")
    )
    return TemplateResponse(
        request,
        "agenda/admin/cluster.html",
        {
            "agenda": agenda,
            "cluster": cluster,
            "members": cluster_members(agenda=agenda, key=key)[:500],
            "others": list(others[:500]),
            "page_title": cluster.label,
        },
    )


def _cluster_action(
    request: HttpRequest, editor: User, agenda: LearningAgenda, key: str
) -> str | None:
    """Carry out one curation action; returns the cluster to show next, if any."""
    action = request.POST.get("action", "")
    form: forms.Form
    if action == "rename":
        form = RenameForm(request.POST)
        if form.is_valid():
            services.cluster_rename(
                agenda=agenda, key=key, label=form.cleaned_data["label"], editor=editor
            )
            messages.success(request, _("The cluster has been renamed."))
            return key
    elif action in {"hide", "show"}:
        services.cluster_set_hidden(
            agenda=agenda, key=key, hidden=action == "hide", editor=editor
        )
        messages.success(
            request,
            _("The cluster is hidden.")
            if action == "hide"
            else _("The cluster is shown again."),
        )
        return None
    elif action == "merge":
        form = MergeForm(request.POST)
        if form.is_valid():
            into = form.cleaned_data["into"]
            services.cluster_merge(agenda=agenda, key=key, into=into, editor=editor)
            messages.success(request, _("The clusters have been merged."))
            return into
    elif action == "split":
        members = list(
            cluster_members(agenda=agenda, key=key).values_list("pk", flat=True)
        )
        form = SplitForm(request.POST, members=members)
        if form.is_valid():
            decision = services.cluster_split(
                agenda=agenda,
                key=key,
                question_ids=form.cleaned_data["questions"],
                label=form.cleaned_data["label"],
                editor=editor,
            )
            messages.success(request, _("A new cluster has been made."))
            return decision.target_key
    elif action == "move":
        form = MoveForm(request.POST)
        if form.is_valid():
            services.question_move(
                agenda=agenda,
                question_id=form.cleaned_data["question"],
                into=form.cleaned_data["into"],
                editor=editor,
            )
            messages.success(request, _("The question has been moved."))
            return key
    elif action == "adopt":
        item = services.agenda_item_adopt(agenda=agenda, cluster_key=key)
        messages.success(request, _("The cluster is on the agenda."))
        return f"item:{item.pk}"
    else:
        raise ValidationError(_("Unknown action."))
    messages.error(request, _("Please check what you filled in."))
    return key


@require_POST
def cluster_action(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    editor = _editor(request)
    agenda = get_object_or_404(LearningAgenda, pk=pk)
    try:
        after = _cluster_action(request, editor, agenda, key)
    except ValidationError as error:
        _errors(request, error)
        after = key
    if after and after.startswith("item:"):
        return redirect("agenda_item_edit", pk=agenda.pk, item_pk=int(after[5:]))
    if after and AgendaCluster.objects.filter(agenda=agenda, key=after).exists():
        return redirect("agenda_cluster", pk=agenda.pk, key=after)
    return redirect("agenda_dashboard", pk=agenda.pk)


@require_POST
def theme_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    agenda = get_object_or_404(LearningAgenda, pk=pk)
    try:
        item = services.agenda_item_adopt(
            agenda=agenda, theme_slug=request.POST.get("theme", "")
        )
    except ValidationError as error:
        _errors(request, error)
        return redirect("agenda_dashboard", pk=agenda.pk)
    messages.success(request, _("The theme is on the agenda."))
    return redirect("agenda_item_edit", pk=agenda.pk, item_pk=item.pk)


def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    _editor(request)
    item = get_object_or_404(
        AgendaItem.objects.select_related("agenda", "theme"), pk=item_pk, agenda_id=pk
    )
    cases = list(CasePage.objects.live().order_by("title").values_list("pk", "title"))
    events = list(
        EventPage.objects.live().order_by("-starts_at").values_list("pk", "title")
    )
    articles = list(
        ArticlePage.objects.live()
        .order_by("-first_published_at")
        .values_list("pk", "title")
    )
    linked_documents = list(item.documents.values_list("pk", flat=True))
    suggested = [
        (int(suggestion.item.id), suggestion.item.name)
        for suggestion in match_public(
            text=f"{item.title} {item.description}",
            kinds=["document"],
            limit=SUGGESTED_DOCUMENTS,
        )["document"]
    ]
    suggested_ids = {pk for pk, _title in suggested}
    initial = {
        "owner": item.owner,
        "status": item.status,
        "description": item.description,
        "cases": list(item.cases.values_list("pk", flat=True)),
        "events": list(item.events.values_list("pk", flat=True)),
        "articles": list(item.articles.values_list("pk", flat=True)),
        "suggested_documents": [pk for pk in linked_documents if pk in suggested_ids],
        "documents": " ".join(
            str(pk) for pk in linked_documents if pk not in suggested_ids
        ),
    }
    form = AgendaItemForm(
        request.POST or None,
        initial=initial,
        cases=cases,
        events=events,
        articles=articles,
        suggested=suggested,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.agenda_item_update(
                item=item,
                owner=data["owner"],
                status=data["status"],
                description=data["description"],
                cases=data["cases"],
                documents=[*data.get("suggested_documents", []), *data["documents"]],
                events=data["events"],
                articles=data["articles"],
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The agenda item has been saved."))
            return redirect(reverse("agenda_dashboard", args=[pk]) + "#agendapunten")
    return TemplateResponse(
        request,
        "agenda/admin/item_form.html",
        {"item": item, "agenda": item.agenda, "form": form, "page_title": item.title},
    )


@require_POST
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    _editor(request)
    item = get_object_or_404(AgendaItem, pk=item_pk, agenda_id=pk)
    services.agenda_item_remove(item=item)
    messages.success(request, _("The item is no longer on the agenda."))
    return redirect("agenda_dashboard", pk=pk)


urlpatterns = [
    path("leeragenda/", agenda_index, name="agenda_admin_index"),
    path("leeragenda/nieuw/", agenda_create, name="agenda_create"),
    path("leeragenda/<int:pk>/", agenda_dashboard, name="agenda_dashboard"),
    path("leeragenda/<int:pk>/analyseren/", agenda_analyse, name="agenda_analyse"),
    path("leeragenda/<int:pk>/instellingen/", agenda_settings, name="agenda_settings"),
    path("leeragenda/<int:pk>/thema/", theme_adopt, name="agenda_theme_adopt"),
    path(
        "leeragenda/<int:pk>/cluster/<str:key>/", cluster_detail, name="agenda_cluster"
    ),
    path(
        "leeragenda/<int:pk>/cluster/<str:key>/actie/",
        cluster_action,
        name="agenda_cluster_action",
    ),
    path("leeragenda/<int:pk>/punt/<int:item_pk>/", item_edit, name="agenda_item_edit"),
    path(
        "leeragenda/<int:pk>/punt/<int:item_pk>/verwijderen/",
        item_remove,
        name="agenda_item_remove",
    ),
]
