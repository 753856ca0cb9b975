"""Security headers: a strict Content-Security-Policy and Permissions-Policy.

The public site runs without any inline script or style, so its policy allows only
files from Buurtwijs itself (plus map tiles as images). It carries no nonce on
purpose: pages for visitors without cookies are cached whole (core.page_cache), so a
nonce would be shared by everyone who gets the cached page.

Wagtail's admin (/beheer/) still writes inline scripts and styles of its own, so it
gets a relaxed policy there: inline script and style allowed, everything else as
strict as the public site. Only signed-in staff reach those pages.
"""

from typing import Any
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Nothing in Buurtwijs uses these browser features; no embedded page may either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

ADMIN_PREFIX = "/beheer/"


def tile_source(tile_url: str) -> str | None:
    """The origin of the map tile server as a CSP source, or None without tiles.

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` becomes
    ``https://*.tile.example.org``: the subdomain placeholder turns into a wildcard.
    """
    if not tile_url:
        return None
    parts = urlsplit(tile_url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return None
    first, _, rest = parts.netloc.partition(".")
    if "{" in rest or "}" in rest:
        return None  # CSP has a wildcard for the first label only
    host = f"*.{rest}" if "{" in first else parts.netloc
    return f"{parts.scheme}://{host}"


def public_directives(tile_url: str) -> dict[str, list[str]]:
    """The strict policy of the public site (see docs/features/security.md)."""
    images = [SELF, "data:"]
    tiles = tile_source(tile_url)
    if tiles:
        images.append(tiles)
    return {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": images,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }


# What the admin adds to the public policy: Wagtail's inline scripts and styles, and
# blob: images (previews of images chosen for upload).
ADMIN_UPDATE: dict[str, Any] = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's relaxed policy and two more headers."""

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            update = dict(ADMIN_UPDATE)
            for directive, sources in (parts.update or {}).items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        # Django's SecurityMiddleware sets it from SECURE_REFERRER_POLICY; this keeps
        # the header on responses that skip it (and says it once more for readers).
        response.headers.setdefault(
            "Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin"
        )
        return response
