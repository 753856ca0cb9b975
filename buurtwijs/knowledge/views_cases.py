"""What the case list and the comparison show: the pages' get_context and routes.

The case list (CaseIndexPage) keeps all of its state in the query string, so that
every page works without JavaScript and every view can be linked to:

- the filters (``thema``, ``provincie``, ``gemeente``, ``partner``, ``sorteer``) and
  the page number (``pagina``), as on the initiative list;
- the cases picked for comparison, as repeated ``case`` parameters. The filter form
  carries them along, and the comparison at ``vergelijken/`` reads them.
"""

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.utils.translation import gettext as _

from buurtwijs.core.filters import unknown_filters
from buurtwijs.core.selectors import filter_text
from buurtwijs.directory.models import Initiative
from buurtwijs.knowledge.forms_cases import CaseFilterForm
from buurtwijs.knowledge.models import CaseIndexPage, CasePage
from buurtwijs.knowledge.selectors_cases import (
    MAX_COMPARE,
    MIN_COMPARE,
    CaseFilters,
    case_cards_public,
    case_compare_public,
    case_filter_choices,
    case_selection_public,
    selected_slugs,
)

PAGE_SIZE = 20
SELECTION_PARAM = "case"
PAGE_PARAM = "pagina"


def _state(request: HttpRequest, form: CaseFilterForm) -> list[tuple[str, str]]:
    """The filter, order and page parameters in use, as (name, value) pairs."""
    names = (*form.filter_fields, "sorteer", PAGE_PARAM)
    pairs = []
    for name in names:
        value = filter_text(request.GET.get(name))
        if value:
            pairs.append((name, value[:200]))
    return pairs


def _with_query(url: str, pairs: list[tuple[str, str]]) -> str:
    return f"{url}?{urlencode(pairs)}" if pairs else url


def _selection_pairs(slugs: list[str]) -> list[tuple[str, str]]:
    return [(SELECTION_PARAM, slug) for slug in slugs]


def case_list_context(request: HttpRequest, *, index: CaseIndexPage) -> dict[str, Any]:
    """Filter form, one page of cases and the comparison selection for the list."""
    form = CaseFilterForm(request.GET or None, choices=case_filter_choices())
    filters: CaseFilters | None = CaseFilters()
    if form.is_bound:
        filters = form.to_filters() if form.is_valid() else None
    cases = (
        case_cards_public(filters=filters)
        if filters is not None
        else CasePage.objects.none()
    )
    # get_page answers the last page for a number past the end, the first for junk.
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAM))

    slugs = selected_slugs(request.GET.getlist(SELECTION_PARAM))
    selection = case_selection_public(slugs=slugs)
    known = [case.slug for case in selection]
    list_url = index.get_url(request) or "/"
    state = _state(request, form)
    without_page = [(name, value) for name, value in state if name != PAGE_PARAM]

    active = []
    for name in form.filter_fields:
        value = filter_text(request.GET.get(name))
        if value:
            others = [pair for pair in without_page if pair[0] != name]
            active.append(
                {
                    "name": name,
                    "label": str(form.fields[name].label),
                    "value": form.choice_label(name, value),
                    "remove_query": urlencode([*others, *_selection_pairs(known)]),
                }
            )
    unknown = unknown_filters(form)
    return {
        "form": form,
        "page_obj": page,
        "list_url": list_url,
        "clear_url": _with_query(list_url, _selection_pairs(known)),
        "active_filters": active,
        "unknown_filters": unknown,
        "selection": selection,
        "selected_slugs": set(known),
        "unknown_selection": [slug for slug in slugs if slug not in known],
        "selection_full": len(known) >= MAX_COMPARE,
        "state": state,
        "max_compare": MAX_COMPARE,
        "compare_url": index.compare_url,
    }


def _published(initiative: Initiative | None) -> Initiative | None:
    if initiative is None or initiative.status != Initiative.Status.PUBLISHED:
        return None
    return initiative


def _compare_rows(cases: list[CasePage]) -> list[dict[str, Any]]:
    """The table of a comparison: one row per aspect, one cell per case."""
    partners = [list(case.partners.all()) for case in cases]
    return [
        {
            "label": _("Municipality"),
            "kind": "place",
            "values": [case.place for case in cases],
        },
        {"label": _("Year"), "kind": "text", "values": [c.year for c in cases]},
        {
            "label": _("Initiative"),
            "kind": "initiative",
            "values": [_published(case.initiative) for case in cases],
        },
        {
            "label": _("Themes"),
            "kind": "themes",
            "values": [list(case.themes.all()) for case in cases],
        },
        {
            "label": _("Context and challenge"),
            "kind": "rich",
            "values": [case.context for case in cases],
        },
        {
            "label": _("Partners and their roles"),
            "kind": "partners",
            "values": partners,
        },
        {"label": _("What drives each party"), "kind": "drivers", "values": partners},
        {
            "label": _("What came of it"),
            "kind": "rich",
            "values": [case.results for case in cases],
        },
        {
            "label": _("Pitfalls and dilemmas"),
            "kind": "rich",
            "values": [case.pitfalls for case in cases],
        },
        {
            "label": _("Lessons"),
            "kind": "rich",
            "values": [case.lessons for case in cases],
        },
    ]


def case_compare_context(
    request: HttpRequest, *, index: CaseIndexPage
) -> dict[str, Any]:
    """Two to four cases side by side, or why they cannot be compared."""
    asked = [v for v in request.GET.getlist(SELECTION_PARAM) if filter_text(v)]
    slugs = selected_slugs(asked)
    too_many_asked = len(dict.fromkeys(filter_text(v) for v in asked)) > len(slugs)
    cases = case_compare_public(slugs=slugs)
    known = [case.slug for case in cases]
    unknown = [slug for slug in slugs if slug not in known]

    problem = ""
    if too_many_asked or len(cases) > MAX_COMPARE:
        problem = "too_many"
    elif len(cases) < MIN_COMPARE:
        problem = "too_few"

    form_state = [
        (name, value[:200])
        for name in ("thema", "provincie", "gemeente", "partner", "sorteer", "pagina")
        if (value := filter_text(request.GET.get(name)))
    ]
    list_url = index.get_url(request) or "/"
    columns = [
        {
            "case": case,
            "remove_url": _with_query(
                index.compare_url,
                [*_selection_pairs([s for s in known if s != case.slug]), *form_state],
            ),
        }
        for case in cases
    ]
    return {
        "cases": cases,
        "columns": columns,
        "rows": [] if problem else _compare_rows(cases),
        "problem": problem,
        "asked_count": len(dict.fromkeys(filter_text(v) for v in asked)),
        "unknown_selection": unknown,
        "min_compare": MIN_COMPARE,
        "max_compare": MAX_COMPARE,
        "list_url": list_url,
        "back_url": _with_query(list_url, [*form_state, *_selection_pairs(known)]),
    }
