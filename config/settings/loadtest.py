"""`make loadtest`: production behaviour (no debug, page cache on) over plain HTTP.

Only what a load test from one address needs differs from production: the
per-address rate limits are lifted (every simulated visitor comes from 127.0.0.1),
the bot trap's minimum time is read from FORM_MIN_SECONDS (the clients wait it out),
mail is dropped, and cookies work without HTTPS. See scripts/loadtest.py.
"""

import os

os.environ.setdefault("DEBUG", "false")

from config.env import env_int, env_secret  # noqa: E402
from config.settings.base import *  # noqa: E402,F403

SECRET_KEY = env_secret("SECRET_KEY") or "loadtest-only-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

FORM_MIN_SECONDS = env_int("FORM_MIN_SECONDS", 1)
CALL_RESPONSES_PER_HOUR = 10**9
EVENT_REGISTRATIONS_PER_HOUR = 10**9
NEWSLETTER_REQUESTS_PER_HOUR = 10**9
ACCOUNT_RATE_LIMITS = False  # type: ignore[assignment]
