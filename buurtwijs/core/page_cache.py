"""Whole pages kept for visitors: the same answer for everyone without cookies.

A visitor who has never signed in, voted or filled a form sends no cookies but the
language one, so every such visitor gets the same page for the same address and
language. Those answers are kept in the cache for `PAGE_CACHE_SECONDS`. Anyone with
a session or a CSRF cookie — members, editors, people in the middle of a form —
always gets a freshly made page, and a page that sets a cookie (it holds a form) is
never kept.

Every change to the network's content (a save or delete of any of Buurtwijs's or
Wagtail's content models) starts a new generation, so a kept page is never older
than the last change; counters updated in bulk (downloads, votes) may lag by at most
`PAGE_CACHE_SECONDS`.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache:generation"
# Content of these apps is what the public pages show.
CONTENT_APPS = frozenset(
    {
        "core",
        "accounts",
        "directory",
        "knowledge",
        "events",
        "cms",
        "calls",
        "agenda",
        "articles",
        "networks",
        "matching",
        "wagtailcore",
        "wagtailimages",
        "wagtaildocs",
        "taggit",
    }
)
NEVER_CACHED = ("/beheer/", "/api/", "/account/", "/mijn-profiel/", "/healthz")


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


# Saves of only these fields change nothing a page shows: a login writes
# last_login, so without this every sign-in would empty the page cache.
UNSHOWN_FIELDS = frozenset({"last_login"})


def content_changed(sender: Any = None, **kwargs: Any) -> None:
    """Start a new generation when content changes; kept pages are then unused."""
    fields = kwargs.get("update_fields")
    if fields and set(fields) <= UNSHOWN_FIELDS:
        return
    if getattr(getattr(sender, "_meta", None), "app_label", None) in CONTENT_APPS:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.add(GENERATION_KEY, 2, timeout=None)


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if set(request.COOKIES) - {settings.LANGUAGE_COOKIE_NAME}:
        return False
    return not request.path.startswith(NEVER_CACHED)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        # A form's CSRF token or a session change means a cookie is on its way:
        # the page is made for this one person.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not getattr(request, "_messages", None)
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Answer cookieless visitors from the cache; see the module's description."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0 or not _cacheable_request(request):
            return self.get_response(request)
        key = (
            f"page-cache:{generation()}:{getattr(request, 'LANGUAGE_CODE', '')}:"
            f"{request.get_full_path()}"
        )
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            patch_cache_control(response, max_age=0)
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            cache.set(key, (response.content, response["Content-Type"]), seconds)
            response["X-Page-Cache"] = "miss"
        return response
