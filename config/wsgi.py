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

# Load the Dutch dictionary now rather than in the first visitor's search (about two
# seconds); a server process pays it once at start.
from buurtwijs.analysis.dutch import warm_up  # noqa: E402

warm_up()
