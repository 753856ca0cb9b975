"""The coverage page: initiatives and cases per province, and the white spots."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from buurtwijs.core.urbanity import URBAN_DENSITY_THRESHOLD
from buurtwijs.directory.coverage import coverage_by_province

# Geometry of the horizontal bar charts, in SVG user units.
_LABEL_WIDTH = 150
_BAR_AREA = 400
_VALUE_WIDTH = 70
_BAR_HEIGHT = 18
_ROW_GAP = 10


def bar_chart(
    rows: list[tuple[str, list[float | None]]],
    *,
    series: list[str],
    maximum: float,
    unit: str = "",
) -> dict[str, Any]:
    """The coordinates of a horizontal bar chart with one bar per row and series.

    The template draws them; the numbers themselves are in the table beside it.
    """
    scale = _BAR_AREA / maximum if maximum else 0
    group = len(series) * _BAR_HEIGHT + _ROW_GAP
    drawn = []
    for index, (label, values) in enumerate(rows):
        top = index * group + _ROW_GAP
        bars = []
        for number, value in enumerate(values):
            width = round((value or 0) * scale, 1)
            y = top + number * _BAR_HEIGHT
            bars.append(
                {
                    "series": number,
                    "x": _LABEL_WIDTH,
                    "y": y,
                    "width": width,
                    "height": _BAR_HEIGHT - 2,
                    "text_x": _LABEL_WIDTH + width + 6,
                    "text_y": y + _BAR_HEIGHT - 5,
                    "text": "–" if value is None else f"{value:g}{unit}",
                }
            )
        drawn.append(
            {
                "label": label,
                "label_y": top + len(series) * _BAR_HEIGHT / 2 + 4,
                "bars": bars,
            }
        )
    return {
        "rows": drawn,
        "series": series,
        "width": _LABEL_WIDTH + _BAR_AREA + _VALUE_WIDTH,
        "height": len(rows) * group + _ROW_GAP,
        "label_x": _LABEL_WIDTH - 8,
    }


@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    figures = coverage_by_province()
    provinces = figures.provinces
    initiatives_chart = bar_chart(
        [(area.name, [area.initiatives, area.cases]) for area in provinces],
        series=[_("Published initiatives"), _("Cases")],
        maximum=max(
            (max(area.initiatives, area.cases) for area in provinces), default=0
        ),
    )
    white_spots_chart = bar_chart(
        [
            (area.name, [area.urban_share_without, area.rural_share_without])
            for area in provinces
        ],
        series=[
            _("Urban municipalities without an initiative"),
            _("Rural municipalities without an initiative"),
        ],
        maximum=100,
        unit=" %",
    )
    return render(
        request,
        "directory/coverage.html",
        {
            "coverage": figures,
            "initiatives_chart": initiatives_chart,
            "white_spots_chart": white_spots_chart,
            "urban_threshold": URBAN_DENSITY_THRESHOLD,
        },
    )
