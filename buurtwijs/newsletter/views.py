"""Public pages of the newsletter: subscribe, confirm, unsubscribe."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.core.antispam import client_key
from buurtwijs.newsletter import services
from buurtwijs.newsletter.forms import SubscribeForm
from buurtwijs.newsletter.models import Subscriber


@require_http_methods(["GET", "POST"])
def subscribe_view(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.subscription_request(
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    themes=form.cleaned_data["themes"],
                    language=get_language() or "nl",
                    consent_text=str(services.CONSENT_TEXT),
                    client=client_key(request.META.get("REMOTE_ADDR", "")),
                )
            except services.SubscriptionRefused as refused:
                form.add_error(None, str(refused))
                status = 429
            else:
                return redirect("newsletter:check_mail")
        else:
            status = 400
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


@require_GET
def check_mail_view(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/check_mail.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    try:
        if request.method == "POST":
            subscriber, before = services.subscription_confirm(token=token)
            state = "already" if before else "done"
        else:
            subscriber = services.subscription_check_token(token=token)
            state = (
                "already" if subscriber.status == Subscriber.Status.CONFIRMED else "ask"
            )
    except services.TokenExpired:
        return render(
            request, "newsletter/confirm.html", {"state": "expired"}, status=410
        )
    except services.TokenInvalid:
        return render(
            request, "newsletter/confirm.html", {"state": "invalid"}, status=404
        )
    return render(
        request,
        "newsletter/confirm.html",
        {"state": state, "token": token, "subscriber": subscriber},
    )


# Mail programs unsubscribe by POSTing "List-Unsubscribe=One-Click" to this address
# (RFC 8058) without a session or CSRF token; the secret in the address is the proof.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return render(
            request, "newsletter/unsubscribe.html", {"state": "invalid"}, status=404
        )
    if request.method == "POST":
        done = services.subscriber_unsubscribe(token=token)
        state = "done" if done else "already"
    elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        state = "already"
    else:
        state = "ask"
    return render(
        request, "newsletter/unsubscribe.html", {"state": state, "token": token}
    )
