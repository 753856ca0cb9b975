"""WSGI entry point for gunicorn and other servers."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

from django.conf import settings  # noqa: E402
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

try:
    settings.INSTALLED_APPS  # noqa: B018 - loads the settings module
except ImproperlyConfigured as exc:
    sys.stderr.write(f"Buurtwijs cannot start: {exc}\n")
    sys.exit(1)

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
