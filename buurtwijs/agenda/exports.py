"""The learning agenda as CSV, XLSX and a printable PDF report."""

import csv
import io
from typing import Any

from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from buurtwijs.agenda.selectors import AgendaOverview
from buurtwijs.core.spreadsheets import cell_safe


def _header() -> list[str]:
    return [
        _("Kind"),
        _("Rank"),
        _("Title"),
        _("Main theme"),
        _("Learning questions"),
        _("Also my question"),
        _("Mean urgency"),
        _("Score"),
        _("Agenda status"),
        _("Owner"),
        _("Example questions"),
    ]


def agenda_rows(overview: AgendaOverview) -> list[list[Any]]:
    """One row per ranked theme, then one per visible cluster."""
    rows: list[list[Any]] = []
    for rank, theme in enumerate(overview.themes, start=1):
        item = theme["item"]
        rows.append(
            [
                _("Theme"),
                rank,
                theme["label"],
                theme["label"],
                theme["count"],
                "",
                "",
                theme["score"],
                item.get_status_display() if item else "",
                item.owner if item else "",
                "",
            ]
        )
    for view in overview.clusters:
        cluster = view.cluster
        item = view.item
        rows.append(
            [
                _("Cluster"),
                cluster.rank,
                cluster.label,
                view.theme_label,
                cluster.size,
                cluster.votes,
                "" if cluster.urgency is None else cluster.urgency,
                cluster.score,
                item.get_status_display() if item else "",
                item.owner if item else "",
                " | ".join(
                    " ".join(question.text.split()) for question in view.examples
                ),
            ]
        )
    return rows


def _safe(value: Any) -> Any:
    if isinstance(value, Promise):
        value = str(value)
    # Respondents' text must never run as a formula.
    return cell_safe(value)


def agenda_csv(overview: AgendaOverview) -> bytes:
    """UTF-8 CSV (with a byte order mark, so spreadsheets read the accents)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    for row in agenda_rows(overview):
        writer.writerow([_safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def agenda_xlsx(overview: AgendaOverview) -> bytes:
    """A workbook with the agenda, and the breakdowns by province and by role."""
    workbook = Workbook()
    sheet = workbook.create_sheet(_("Agenda")[:31], 0)
    workbook.remove(workbook.worksheets[1])
    sheet.append(_header())
    for row in agenda_rows(overview):
        sheet.append([_safe(value) for value in row])
    provinces = workbook.create_sheet(_("Provinces")[:31])
    provinces.append([_("Province"), _("Learning questions"), _("Responses")])
    for area in overview.provinces:
        provinces.append([_safe(area["name"]), area["questions"], area["responses"]])
    roles = workbook.create_sheet(_("Roles")[:31])
    roles.append([_("Role"), _("Learning questions")])
    for role in overview.roles:
        roles.append([_safe(role["label"]), role["count"]])
    for worksheet in workbook.worksheets:
        for cell in worksheet[1]:
            cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def agenda_pdf(overview: AgendaOverview, context: dict[str, Any]) -> bytes:
    """A printable report: the page's content with a print stylesheet."""
    from weasyprint import HTML

    html = render_to_string("agenda/report.html", {**context, "overview": overview})
    return HTML(string=html).write_pdf()
