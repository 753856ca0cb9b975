"""Switching the interface language with a plain link.

The switch in every page's header is a link rather than a form, so pages carry no
CSRF token only because of it and stay cacheable for visitors (see page_cache). A
language is a preference stored in a cookie, not a change to anyone's data, so a GET
is the right method for it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods


@never_cache
@require_http_methods(["GET", "POST"])
def language_switch(request: HttpRequest) -> HttpResponseRedirect:
    """Remember the chosen language and return to the page (or home when unsafe)."""
    data = request.POST if request.method == "POST" else request.GET
    language = data.get("language", "")
    target = data.get("next", "") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in {code for code, _label in settings.LANGUAGES}:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]
        )
    return response
