"""Development mode, used by `make demo`: debug on, mail to the local sink, HTTP."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

from config.env import env_bool, env_int, env_secret, env_str  # noqa: E402
from config.settings.base import *  # noqa: E402,F403

SECRET_KEY = env_secret("SECRET_KEY") or "dev-only-key-not-for-production-buurtwijs"  # noqa: S105

# Mail goes by SMTP to `manage.py mail_sink` (started by `make demo`), which writes
# each mail to var/mail/ as an .eml file. Without a running sink the mails are
# written to the same folder by Django's file backend, so pages never fail on it.
# EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend skips SMTP.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "buurtwijs.core.mail_backends.SinkOrFileBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("EMAIL_PORT", 1025)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_FILE_PATH = VAR_DIR / "mail"  # noqa: F405

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# WhiteNoise looks for STATIC_ROOT at start-up; in dev and tests it stays empty.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
