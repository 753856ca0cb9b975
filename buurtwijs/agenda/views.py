"""The public learning agenda at /leeragenda/, its items and its exports."""

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buurtwijs.agenda.exports import agenda_csv, agenda_pdf, agenda_xlsx
from buurtwijs.agenda.models import LearningAgenda
from buurtwijs.agenda.selectors import (
    AgendaOverview,
    agenda_for_viewer,
    agenda_item_public,
    agenda_overview,
    agenda_published,
    agendas_published_other,
    item_questions,
)
from buurtwijs.core.maps import province_map
from buurtwijs.directory.views_coverage import bar_chart

EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def agenda_charts(overview: AgendaOverview) -> dict[str, Any]:
    """SVG bar charts of the breakdowns; the same figures are in the tables."""
    provinces = overview.provinces
    return {
        "province_chart": bar_chart(
            [
                (area["name"], [area["questions"], area["responses"]])
                for area in provinces
            ],
            series=[_("Learning questions"), _("Responses")],
            maximum=max(
                (max(area["questions"], area["responses"]) for area in provinces),
                default=0,
            ),
        ),
        "response_map": province_map(
            {area["name"]: area["responses"] for area in provinces}
        ),
        "role_chart": bar_chart(
            [(role["label"], [role["count"]]) for role in overview.roles],
            series=[_("Learning questions")],
            maximum=max((role["count"] for role in overview.roles), default=0),
        ),
    }


def _context(agenda: LearningAgenda) -> dict[str, Any]:
    overview = agenda_overview(agenda=agenda)
    return {
        "agenda": agenda,
        "overview": overview,
        "question_total": sum(area["questions"] for area in overview.provinces)
        + overview.unplaced_province,
        **agenda_charts(overview),
    }


@require_GET
def agenda_index(request: HttpRequest) -> HttpResponse:
    agenda = agenda_published()
    if agenda is None:
        return render(request, "agenda/agenda_none.html")
    return agenda_page(request, agenda)


@require_GET
def agenda_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = agenda_for_viewer(slug=slug, user=request.user)
    if agenda is None:
        raise Http404
    return agenda_page(request, agenda)


def agenda_page(request: HttpRequest, agenda: LearningAgenda) -> HttpResponse:
    context = _context(agenda)
    context["other_agendas"] = agendas_published_other(agenda)
    return render(request, "agenda/agenda_detail.html", context)


@require_GET
def item_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    agenda = agenda_for_viewer(slug=slug, user=request.user)
    item = agenda_item_public(agenda=agenda, pk=pk) if agenda else None
    if agenda is None or item is None:
        raise Http404
    page = Paginator(item_questions(item=item), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "agenda/item_detail.html",
        {"agenda": agenda, "item": item, "page": page},
    )


@require_GET
def agenda_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    agenda = agenda_for_viewer(slug=slug, user=request.user)
    if agenda is None or fmt not in EXPORTS:
        raise Http404
    name = slugify(agenda.title) or "leeragenda"
    if fmt == "csv":
        content = agenda_csv(agenda_overview(agenda=agenda, cluster_limit=None))
    elif fmt == "xlsx":
        content = agenda_xlsx(agenda_overview(agenda=agenda, cluster_limit=None))
    else:
        context = _context(agenda)
        content = agenda_pdf(context["overview"], context)
    response = HttpResponse(content, content_type=EXPORTS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
