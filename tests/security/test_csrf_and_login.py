"""CSRF on every form that changes data, and the lock after failed logins."""

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from buurtwijs.accounts.models import User
from tests.security.test_authorisation import (
    CHANGING,
    EXPECTED,
    TOKEN,
    Scene,
    _changed,
    _client,
    _rows,
    _url,
    people,  # noqa: F401 - fixture
    scene,  # noqa: F401 - fixture
)

# POSTs that work without a CSRF token by design (docs/features/security.md):
# - RFC 8058 one-click unsubscribe: mail programs POST "List-Unsubscribe=One-Click"
#   to the link in the List-Unsubscribe header, without a form or cookie; the secret
#   token in the address is the permission and it only removes a subscription.
CSRF_EXEMPT = {"newsletter:unsubscribe"}


@pytest.mark.parametrize(
    "name", sorted([*CHANGING, *(n for n, r in EXPECTED.items() if r == TOKEN)])
)
def test_every_post_without_a_csrf_token_is_refused(
    name: str,
    scene: Scene,  # noqa: F811
    administrator: User,
) -> None:
    url = _url(name, scene)
    for user in (None, administrator):
        client = _client(user)
        client.handler.enforce_csrf_checks = True
        before = _rows()
        response = client.post(url, {})
        if name in CSRF_EXEMPT:
            # The token in the address is the permission: it works without a cookie.
            assert response.status_code != 403, name
            continue
        assert response.status_code == 403, (name, response.status_code)
        assert "CSRF" in response.content.decode() or "verlopen" in (
            response.content.decode()
        )
        assert _changed(before, _rows()) == [], name


def test_the_api_scoring_post_needs_no_csrf_token_and_stores_nothing() -> None:
    """POST /api/v1/analysis/themes takes text and answers scores; it stores and
    changes nothing and uses no session, so it needs no CSRF token (ninja's
    default without session authentication)."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/analysis/themes",
        {"texts": ["Hoe bereiken we eenzame ouderen?"]},
        content_type="application/json",
    )
    assert response.status_code == 200


PRODUCTION_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}


def test_production_settings_limit_failed_logins() -> None:
    from config.settings import base

    assert base.ACCOUNT_RATE_LIMITS == PRODUCTION_LIMITS


def test_after_five_failed_logins_even_the_right_password_is_refused(
    settings: Any, member: User, password: str
) -> None:
    settings.ACCOUNT_RATE_LIMITS = PRODUCTION_LIMITS
    cache.clear()
    client = Client()
    login = reverse("account_login")
    for _ in range(5):
        response = client.post(login, {"login": member.email, "password": "fout"})
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = client.post(login, {"login": member.email, "password": password})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in (
        response.content.decode()
    ) or ("Too many failed login attempts" in response.content.decode())
    # The window passes (the cache forgets the attempts): the right password works.
    cache.clear()
    response = client.post(login, {"login": member.email, "password": password})
    assert client.session.get("_auth_user_id") == str(member.pk)
