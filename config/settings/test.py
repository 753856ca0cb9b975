"""Test settings: fast hashing, mail kept in memory, same apps and database code."""

import os

os.environ.setdefault("DEBUG", "false")

from config.settings.base import *  # noqa: E402,F403

SECRET_KEY = "test-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Tests see every change at once; the page cache has its own tests that turn it on.
PAGE_CACHE_SECONDS = 0
ACCOUNT_RATE_LIMITS = False  # type: ignore[assignment]

# WhiteNoise looks for STATIC_ROOT at start-up; in dev and tests it stays empty.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
