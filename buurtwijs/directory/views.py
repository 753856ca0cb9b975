"""Public pages of the directory: the initiative list with its map and downloads."""

import csv
import json
import tempfile
from collections.abc import Iterator
from datetime import date
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from buurtwijs.accounts.roles import MEMBER
from buurtwijs.core.filters import active_filters, filter_query, unknown_filters
from buurtwijs.core.spreadsheets import cell_safe
from buurtwijs.directory.forms import InitiativeFilterForm
from buurtwijs.directory.models import Initiative, InitiativeKind, PartnerRole
from buurtwijs.directory.selectors import (
    InitiativeFilters,
    initiative_cards_public,
    initiative_detail_public,
    initiative_export_public,
    initiative_filter_choices,
    initiative_links_public,
    initiative_map_points,
)

PAGE_SIZE = 24
DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_TILE_ATTRIBUTION = "© OpenStreetMap"
GEOJSON_CONTENT_TYPE = "application/geo+json"


def _initiative_filters(
    request: HttpRequest,
) -> tuple[InitiativeFilterForm, InitiativeFilters | None]:
    """The filter form and its filters; None when a filter value is unknown."""
    form = InitiativeFilterForm(
        request.GET or None, choices=initiative_filter_choices()
    )
    if not form.is_bound:
        return form, InitiativeFilters()
    if form.is_valid():
        return form, form.to_filters()
    return form, None


# --- Pages -----------------------------------------------------------------------


@require_GET
def initiative_list(request: HttpRequest) -> HttpResponse:
    form, filters = _initiative_filters(request)
    initiatives = (
        initiative_cards_public(filters=filters)
        if filters is not None
        else Initiative.objects.none()
    )
    paginator = Paginator(initiatives, PAGE_SIZE)
    # get_page answers the last page for a number past the end, the first for junk.
    page = paginator.get_page(request.GET.get("pagina"))
    query = filter_query(request)
    return render(
        request,
        "directory/initiative_list.html",
        {
            "form": form,
            "page_obj": page,
            "active_filters": active_filters(request, form),
            "unknown_filters": unknown_filters(form),
            "filter_query": query,
            "map_geojson_url": _with_query(
                reverse("directory:initiative_map_geojson"), query
            ),
            "export_links": [
                (
                    label,
                    _with_query(reverse(f"directory:initiative_export_{fmt}"), query),
                    fmt,
                )
                for fmt, label in (
                    ("csv", "CSV"),
                    ("xlsx", "Excel (XLSX)"),
                    ("geojson", "GeoJSON"),
                )
            ],
            "map_tile_url": getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL),
            "map_tile_attribution": getattr(
                settings, "MAP_TILE_ATTRIBUTION", DEFAULT_TILE_ATTRIBUTION
            ),
        },
    )


def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = initiative_detail_public(slug=slug)
    if initiative is None:
        raise Http404
    links = initiative_links_public(
        initiative=initiative, member=_is_member(request.user)
    )
    # Learning questions live in the calls app, which builds on the directory;
    # the page asks its selector rather than reaching into its models.
    from buurtwijs.calls.selectors import learning_questions_for_initiative

    return render(
        request,
        "directory/initiative_detail.html",
        {
            "initiative": initiative,
            "links": links,
            "learning_questions": learning_questions_for_initiative(initiative),
        },
    )


def _is_member(user: Any) -> bool:
    """Whether members-only documents may be listed for this person (one query)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=MEMBER).exists()


@require_GET
def initiative_map_geojson(request: HttpRequest) -> JsonResponse:
    """The filtered initiatives as map markers: name, link and place."""
    _form, filters = _initiative_filters(request)
    points = initiative_map_points(filters=filters) if filters is not None else []
    kinds = {value: str(label) for value, label in InitiativeKind.choices}
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [point["longitude"], point["latitude"]],
            },
            "properties": {
                "name": point["name"],
                "url": reverse(
                    "directory:initiative_detail", kwargs={"slug": point["slug"]}
                ),
                "kind": kinds.get(point["kind"], point["kind"]),
                "municipality": point["municipality"],
            },
        }
        for point in points
    ]
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type=GEOJSON_CONTENT_TYPE,
    )


# --- Downloads -------------------------------------------------------------------


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def _export_columns() -> list[str]:
    return [
        _("Name"),
        _("Web address"),
        _("Kind"),
        _("Municipality"),
        _("Municipality code (CBS)"),
        _("Province"),
        _("Neighbourhood"),
        _("Latitude"),
        _("Longitude"),
        _("Founded"),
        _("In short"),
        _("Description"),
        _("Themes"),
        _("Partners"),
        _("Website"),
        _("Published in the network"),
    ]


def _export_rows(
    request: HttpRequest, filters: InitiativeFilters | None
) -> Iterator[tuple[Initiative, list[Any]]]:
    """Each initiative with its row in the order of _export_columns.

    Never the contact e-mail: the selector does not even load it.
    """
    if filters is None:
        return
    # Labels are resolved now: a streamed body is written after the view returned.
    kinds = {value: str(label) for value, label in InitiativeKind.choices}
    roles = {value: str(label) for value, label in PartnerRole.choices}
    base = request.build_absolute_uri("/")[:-1]
    for initiative in initiative_export_public(filters=filters):
        municipality = initiative.municipality
        yield (
            initiative,
            [
                initiative.name,
                base + initiative.get_absolute_url(),
                kinds.get(initiative.kind, initiative.kind),
                municipality.display_name,
                municipality.code,
                municipality.province.name,
                initiative.neighbourhood,
                initiative.latitude,
                initiative.longitude,
                initiative.founded_year,
                initiative.summary,
                initiative.description,
                "; ".join(theme.name for theme in initiative.themes.all()),
                "; ".join(
                    f"{partner.name} ({roles.get(partner.role, partner.role)})"
                    for partner in initiative.partners.all()
                ),
                initiative.website,
                timezone.localdate(initiative.created_at),
            ],
        )


def _download_name(extension: str) -> str:
    return f"initiatieven-{timezone.localdate():%Y-%m-%d}.{extension}"


class _Echo:
    """A file-like object whose write() hands back the line csv.writer made."""

    def write(self, value: str) -> str:
        return value


@require_GET
def initiative_export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered initiatives as CSV, streamed.

    Comma-separated, UTF-8 with a byte order mark: Excel (also the Dutch one, whose
    list separator is ";") then opens the file with the accents intact through its
    import, and every other tool reads plain RFC 4180 CSV.
    """
    _form, filters = _initiative_filters(request)
    header = _export_columns()
    rows = _export_rows(request, filters)
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for _initiative, row in rows:
            yield writer.writerow(
                [
                    value.isoformat() if isinstance(value, date) else cell_safe(value)
                    for value in row
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_download_name("csv")}"'
    return response


@require_GET
def initiative_export_xlsx(request: HttpRequest) -> FileResponse:
    """The filtered initiatives as an Excel workbook.

    openpyxl's write-only mode keeps only the current row in memory; the workbook
    is written to a temporary file that the response streams and then deletes.
    """
    _form, filters = _initiative_filters(request)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Initiatives"))
    sheet.append(_export_columns())
    for _initiative, row in _export_rows(request, filters):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=cell_safe(value))
            if isinstance(value, str):
                # Text stays text: openpyxl would otherwise read "=…" as a formula.
                cell.data_type = "s"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_download_name("xlsx"),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )


@require_GET
def initiative_export_geojson(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered initiatives as a GeoJSON FeatureCollection, streamed.

    An initiative without its own coordinates lies at its municipality's centre;
    the property "location" says which of the two a point is.
    """
    _form, filters = _initiative_filters(request)
    columns = [
        "name",
        "url",
        "kind",
        "municipality",
        "municipality_code",
        "province",
        "neighbourhood",
        "latitude",
        "longitude",
        "founded_year",
        "summary",
        "description",
        "themes",
        "partners",
        "website",
        "published",
    ]
    rows = _export_rows(request, filters)

    def chunks() -> Iterator[str]:
        yield '{"type": "FeatureCollection", "features": ['
        separator = ""
        for initiative, row in rows:
            properties = dict(zip(columns, row, strict=True))
            properties["published"] = properties["published"].isoformat()
            own_place = row[7] is not None and row[8] is not None
            place = initiative if own_place else initiative.municipality
            properties["location"] = "initiative" if own_place else "municipality"
            feature = {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [place.longitude, place.latitude],
                },
                "properties": properties,
            }
            yield separator + json.dumps(feature, ensure_ascii=False)
            separator = ",\n"
        yield "]}\n"

    response = StreamingHttpResponse(
        chunks(), content_type=f"{GEOJSON_CONTENT_TYPE}; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{_download_name("geojson")}"'
    )
    return response
