"""Pages of "who knows what": the question box with live suggestions, and contact."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.accounts.models import User
from buurtwijs.core.antispam import client_key
from buurtwijs.core.models import Municipality
from buurtwijs.matching.forms import ContactForm, MatchForm
from buurtwijs.matching.selectors import KINDS, contactable_profile, match_public
from buurtwijs.matching.services import ContactRefused, contact_request_send

PAGE_LIMIT = 5


def _municipality_choices() -> list[tuple[str, str]]:
    return list(Municipality.objects.values_list("code", "display_name"))


def _client_key(request: HttpRequest) -> str:
    return client_key(request.META.get("REMOTE_ADDR", ""))


@require_GET
def match_page(request: HttpRequest) -> HttpResponse:
    """The question box; htmx asks for the results part only, as one types."""
    choices = _municipality_choices()
    form = MatchForm(request.GET or None, municipalities=choices)
    query, municipality_id = "", None
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        code = form.cleaned_data["gemeente"]
        if code:
            municipality_id = (
                Municipality.objects.filter(code=code)
                .values_list("id", flat=True)
                .first()
            )
    results = (
        match_public(text=query, limit=PAGE_LIMIT, municipality_id=municipality_id)
        if query
        else {}
    )
    groups = [(kind, results.get(kind, [])) for kind in KINDS]
    context = {
        "form": form,
        "query": query,
        "groups": groups,
        "count": sum(len(found) for _kind, found in groups),
        "back": request.get_full_path(),
    }
    if request.headers.get("HX-Request"):
        return render(request, "matching/includes/results.html", context)
    return render(request, "matching/match.html", context)


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "POST"])
def contact_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Write to a suggested person; the message goes by e-mail, no address shown."""
    profile = contactable_profile(slug=slug)
    if profile is None:
        raise Http404
    member = request.user.is_authenticated
    form = ContactForm(request.POST or None, member=member)
    back = _safe_next(request, "/wie-weet-wat/")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            user = request.user if isinstance(request.user, User) else None
            if user is not None:
                own = getattr(user, "profile", None)
                name = (own.name if own else "") or user.get_full_name()
                email = user.email
            else:
                name = form.cleaned_data["sender_name"]
                email = form.cleaned_data["sender_email"]
            try:
                contact_request_send(
                    profile=profile,
                    sender=user,
                    sender_name=name or _("A member of Buurtwijs"),
                    sender_email=email,
                    body=form.cleaned_data["body"],
                    client_key=_client_key(request),
                    language=get_language() or "nl",
                )
            except ContactRefused as refused:
                form.add_error(None, str(refused))
                status = 429 if refused.limited else 400
            else:
                messages.success(
                    request,
                    _(
                        "Your message has been sent to %(name)s by e-mail. They answer "
                        "you if they choose to; until then neither address is shared."
                    )
                    % {"name": profile.name},
                )
                return redirect(back)
        else:
            status = 400
    return render(
        request,
        "matching/contact.html",
        {"form": form, "profile": profile, "member": member, "next": back},
        status=status,
    )
