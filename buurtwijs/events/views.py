"""Registering for an event, the confirmation, cancelling, and calendar files."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.core.antispam import client_key
from buurtwijs.events import services
from buurtwijs.events.forms import RegistrationForm
from buurtwijs.events.ics import calendar_bytes
from buurtwijs.events.models import EventPage, Registration
from buurtwijs.events.selectors import event_feed_items, event_places, event_public

# The registrations this browser made, for the confirmation page.
_SESSION_KEY = "events_registered"
_REFUSAL_STATUS = {"rate_limited": 429, "duplicate": 409, "past": 409, "closed": 409}


def _event_for(event_id: int) -> EventPage:
    event = event_public(event_id=event_id)
    if event is None:
        raise Http404
    return event


def _member_name(user: Any) -> str:
    profile = getattr(user, "profile", None)
    return (
        getattr(profile, "name", "") or user.get_full_name() or user.email.split("@")[0]
    )


def _event_page(
    request: HttpRequest, event: EventPage, *, status: int, **extra: Any
) -> TemplateResponse:
    """The event page as Wagtail shows it, with this request's form or message."""
    context = event.get_context(request)
    context.update(extra)
    return TemplateResponse(
        request, event.get_template(request), context, status=status
    )


def _remember(request: HttpRequest, registration: Registration) -> None:
    known = dict(request.session.get(_SESSION_KEY, {}))
    known[str(registration.event_id)] = registration.pk
    request.session[_SESSION_KEY] = dict(list(known.items())[-20:])


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event_for(event_id)
    if request.method == "GET":
        return redirect(f"{event.url}#aanmelden")
    user = request.user
    if user.is_authenticated:
        try:
            result = services.registration_create(
                event=event,
                user=user,
                name=_member_name(user),
                email=user.email,
                language=getattr(user, "language", "") or get_language(),
            )
        except services.RegistrationRefused as refused:
            messages.error(request, refused.message)
            return redirect(f"{event.url}#aanmelden")
        _remember(request, result.registration)
        return redirect("events:registered", event_id=event.pk)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        form.renew_time_trap()
        return _event_page(request, event, status=400, form=form)
    try:
        result = services.registration_create(
            event=event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=get_language(),
            consent_text=str(form.fields["consent"].label),
            client_key=client_key(request.META.get("REMOTE_ADDR", "")),
        )
    except services.RegistrationRefused as refused:
        return _event_page(
            request,
            event,
            status=_REFUSAL_STATUS.get(refused.code, 400),
            form=form,
            refusal=refused.message,
        )
    _remember(request, result.registration)
    return redirect("events:registered", event_id=event.pk)


@require_GET
def registered(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event_for(event_id)
    registration_id = request.session.get(_SESSION_KEY, {}).get(str(event.pk))
    registration = (
        Registration.objects.filter(pk=registration_id, event=event).first()
        if registration_id
        else None
    )
    if registration is None:
        return redirect(event.url)
    position = 0
    if registration.status == Registration.Status.WAITING:
        position = event.registrations.filter(
            status=Registration.Status.WAITING,
            created_at__lte=registration.created_at,
        ).count()
    return render(
        request,
        "events/registered.html",
        {
            "event": event,
            "registration": registration,
            "position": position,
            "places": event_places(event=event),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            registration = services.registration_cancel(token=token)
        else:
            registration = services.registration_from_token(token=token)
    except services.RegistrationRefused as refused:
        return render(
            request,
            "events/cancel.html",
            {"refusal": refused.message, "event": _refused_event(refused)},
            status=400 if refused.code == "invalid" else 200,
        )
    if request.method == "POST":
        messages.success(
            request,
            _("Your registration for “%(title)s” has been cancelled.")
            % {"title": registration.event.title},
        )
        return redirect(registration.event.url)
    return render(
        request,
        "events/cancel.html",
        {"registration": registration, "event": registration.event},
    )


def _refused_event(refused: services.RegistrationRefused) -> EventPage | None:
    if refused.registration is None:
        return None
    event = refused.registration.event
    return event if event.live else None


def _ics_response(data: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def event_ics(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _event_for(event_id)
    data = calendar_bytes([(event, services.absolute_url(event.url or "/"))])
    return _ics_response(data, filename=f"{event.slug}.ics", attachment=True)


@require_GET
def feed_ics(request: HttpRequest) -> HttpResponse:
    events = event_feed_items()
    data = calendar_bytes(
        [(event, services.absolute_url(event.url or "/")) for event in events],
        name=_("Buurtwijs events"),
    )
    return _ics_response(data, filename="buurtwijs-evenementen.ics", attachment=False)
