"""Production: everything from the environment; refuses to start without a secret."""

import importlib.util

from django.core.exceptions import ImproperlyConfigured

from config.env import env_str
from config.settings.base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured(
        "SECRET_KEY is not set; set SECRET_KEY or SECRET_KEY_FILE to a long "
        "random value"
    )
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set; give the site's host names, comma-separated"
    )

# Cache: with REDIS_URL every app process shares one cache (the page cache and its
# invalidation, API answers, rate limits). Without it each process keeps its own
# in memory, which is right for one process only (see docs/deploy.md).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    if importlib.util.find_spec("redis") is None:
        raise ImproperlyConfigured(
            "REDIS_URL is set but the redis package is not installed; install "
            "redis (pip install redis) or unset REDIS_URL"
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "buurtwijs"),
        }
    }
