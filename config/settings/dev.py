"""Development mode, used by `make demo`: debug on, mail written to var/mail/, HTTP."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from config.env import env_secret, env_str  # noqa: E402
from config.settings.base import *  # noqa: E402,F403

SECRET_KEY = env_secret("SECRET_KEY") or "dev-only-key-not-for-production-buurtwijs"  # noqa: S105

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"  # noqa: F405

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# WhiteNoise looks for STATIC_ROOT at start-up; in dev and tests it stays empty.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
