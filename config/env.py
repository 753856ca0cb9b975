"""Read settings from the environment, failing with one clear line on bad values."""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return the variable as a string, or the default when unset."""
    return os.environ.get(name, default)


def env_secret(name: str, default: str = "") -> str:
    """Return the variable, or the contents of the file named by NAME_FILE."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE points to {file_name!r}, which cannot be read: {exc}"
            ) from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable as a boolean (1/0, true/false, yes/no, on/off)."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be true or false (1/0, yes/no, on/off), not {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    """Return the variable as an integer."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}"
        ) from exc


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list of stripped strings."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


_SUPPORTED_DATABASES = {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}


def env_database(name: str, default: str) -> dict[str, Any]:
    """Parse a database URL (sqlite:/// or postgres://) into Django's format."""
    raw = os.environ.get(name)
    url = default if raw is None else raw.strip()
    if not url:
        raise ImproperlyConfigured(
            f"{name} is empty; set it to e.g. sqlite:///var/buurtwijs.sqlite3 "
            "or postgres://user@host:5432/name"
        )
    try:
        config = dict(dj_database_url.parse(url))
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured(
            f"{name} is not a valid database URL ({exc}); expected e.g. "
            "sqlite:///var/buurtwijs.sqlite3 or postgres://user@host:5432/name"
        ) from exc
    if config.get("ENGINE") not in _SUPPORTED_DATABASES:
        raise ImproperlyConfigured(
            f"{name} uses an unsupported database ({config.get('ENGINE')}); "
            "Buurtwijs runs on SQLite (sqlite:///…) or PostgreSQL (postgres://…)"
        )
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database: {url!r}")
    return config
