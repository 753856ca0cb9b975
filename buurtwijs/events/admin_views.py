"""Registrations in the editors' admin at /beheer/: per event, and the CSV export."""

import csv
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwijs.core.spreadsheets import cell_safe
from buurtwijs.events.models import EventPage
from buurtwijs.events.selectors import (
    event_list_admin,
    event_places,
    registrations_for_export,
)

# Excel opens a CSV by double click with the list separator of the computer's
# region; in the Netherlands that is the semicolon (the comma is the decimal sign).
CSV_DELIMITER = ";"


def user_may_see_registrations(user: Any) -> bool:
    """Whether someone may see who registered for events and export the list."""
    return bool(user.is_authenticated and user.has_perm("events.view_registration"))


def _check(request: HttpRequest) -> None:
    if not user_may_see_registrations(request.user):
        raise PermissionDenied


def _event(event_id: int) -> EventPage:
    event = EventPage.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404
    return event


def registrations_index(request: HttpRequest) -> HttpResponse:
    _check(request)
    return TemplateResponse(
        request,
        "events/admin/index.html",
        {"events": event_list_admin()[:200], "page_title": _("Registrations")},
    )


def registrations_event(request: HttpRequest, event_id: int) -> HttpResponse:
    _check(request)
    event = _event(event_id)
    return TemplateResponse(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "registrations": registrations_for_export(event=event),
            "places": event_places(event=event),
            "page_title": _("Registrations"),
        },
    )


def _cell(value: object) -> str:
    return str(cell_safe(str(value)))


def registrations_csv(request: HttpRequest, event_id: int) -> HttpResponse:
    _check(request)
    event = _event(event_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"aanmeldingen-{event.slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The byte order mark tells Excel the file is UTF-8 (ë, ö, ’ stay right).
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=CSV_DELIMITER)
    writer.writerow(
        [
            _("Name"),
            _("E-mail address"),
            _("Status"),
            _("Registered at"),
            _("With account"),
            _("Moved from the waiting list at"),
            _("Cancelled at"),
        ]
    )
    tz = timezone.get_current_timezone()

    def moment(value: Any) -> str:
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""

    for registration in registrations_for_export(event=event):
        writer.writerow(
            [
                _cell(registration.name),
                _cell(registration.email),
                registration.get_status_display(),
                moment(registration.created_at),
                _("yes") if registration.user_id else _("no"),
                moment(registration.promoted_at),
                moment(registration.cancelled_at),
            ]
        )
    return response


urlpatterns = [
    path("events/registrations/", registrations_index, name="events_admin_index"),
    path(
        "events/<int:event_id>/registrations/",
        registrations_event,
        name="events_admin_registrations",
    ),
    path(
        "events/<int:event_id>/registrations.csv",
        registrations_csv,
        name="events_admin_registrations_csv",
    ),
]
