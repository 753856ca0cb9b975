"""Public pages of calls: the list, the call with its form, the confirmation."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.calls.forms import ResponseForm
from buurtwijs.calls.models import Call, CallState
from buurtwijs.calls.selectors import call_detail_public, call_list_public
from buurtwijs.calls.services import ResponseRefused, response_submit
from buurtwijs.core.antispam import client_key
from buurtwijs.core.models import Municipality
from buurtwijs.core.selectors import theme_list

# The calls this browser sent a response to, for the confirmation page.
_SESSION_SENT = "calls_sent"


def _call_for(request: HttpRequest, slug: str) -> Call:
    call = call_detail_public(
        slug=slug, include_drafts=request.user.has_perm("calls.change_call")
    )
    if call is None:
        raise Http404
    return call


@require_GET
def call_list(request: HttpRequest) -> HttpResponse:
    return render(request, "calls/call_list.html", {"calls": call_list_public()})


@require_http_methods(["GET", "POST"])
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = _call_for(request, slug)
    state = call.state()
    questions = list(call.questions.all())
    themes = [(theme.slug, theme.label) for theme in theme_list()]
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        call=call,
        questions=questions,
        themes=themes,
    )
    status = 200
    refusal = ""
    if request.method == "POST":
        if form.is_valid():
            try:
                response_submit(
                    call=call,
                    token=form.cleaned_data["token"],
                    answers=form.answers(),
                    consent_given=bool(form.cleaned_data.get("consent")),
                    copy_to=form.cleaned_data.get("copy_email") or "",
                    client=client_key(request.META.get("REMOTE_ADDR", "")),
                )
            except ResponseRefused as refused:
                refusal = str(refused)
                form.add_error(None, refusal)
                status = 429
            else:
                _remember_sent(request, call)
                return redirect("calls:call_thanks", slug=call.slug)
        else:
            form.renew_time_trap()
            status = 400
    if state != CallState.OPEN:
        # A closed or coming call shows no form: a clear page, not an error. Who
        # sent answers anyway (a form left open past the closing time) is told
        # they were not stored.
        if request.method == "POST" and not refusal:
            refusal = _("Your response was not stored.")
        return render(
            request,
            "calls/call_detail.html",
            {"call": call, "state": state, "refusal": refusal},
        )
    return render(
        request,
        "calls/call_detail.html",
        {
            "call": call,
            "state": state,
            "form": form,
            "municipalities": _municipality_names(questions),
        },
        status=status,
    )


def _remember_sent(request: HttpRequest, call: Call) -> None:
    sent = [pk for pk in request.session.get(_SESSION_SENT, []) if pk != call.pk]
    request.session[_SESSION_SENT] = [*sent[-19:], call.pk]


def _municipality_names(questions: list) -> list[str]:
    """Names for the municipality suggestion list, when a question asks for one."""
    if not any(question.kind == "municipality" for question in questions):
        return []
    return list(
        Municipality.objects.order_by("sort_name").values_list(
            "display_name", flat=True
        )
    )


@require_GET
def call_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    call = _call_for(request, slug)
    if call.pk not in request.session.get(_SESSION_SENT, []):
        return redirect(call.get_absolute_url())
    return render(request, "calls/call_thanks.html", {"call": call})
