"""Health check, language switch and the error pages."""

import logging
import sys

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Report whether the app is up and can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return JsonResponse({"status": "error", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Dutch (or English) 404 page in the site's style."""
    return render(request, "404.html", status=404)


# Seconds a client is asked to wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 10


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page without any trace, rendered without context processors.

    No request context: the failure may be the database, and the user menu of the
    normal layout would query it again. When the failure is the database (down,
    restarting, unreachable), it is a 503 "temporarily unavailable" page instead:
    nothing is wrong with what the visitor did, and the site recovers by itself
    (connections are checked before reuse, see CONN_HEALTH_CHECKS). Django calls
    this handler inside its `except`, so the exception is still at hand; it works
    for failures in middleware (sessions, the user) as well as in views.
    """
    if isinstance(sys.exc_info()[1], DatabaseError):
        return service_unavailable(request)
    html = loader.get_template("500.html").render({"LANGUAGE_CODE": get_language()})
    return HttpResponse(html, status=500)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database cannot be reached: a page, or JSON for the API."""
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "Service temporarily unavailable, please try again."},
            status=503,
        )
    else:
        html = loader.get_template("503.html").render(
            {"LANGUAGE_CODE": get_language(), "retry_after": RETRY_AFTER_SECONDS}
        )
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Explain an expired or cookieless form instead of Django's technical page."""
    return render(request, "403_csrf.html", status=403)
