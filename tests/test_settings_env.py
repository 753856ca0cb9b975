"""Settings read from the environment fail loudly and clearly on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_database, env_int, env_list, env_secret


def test_env_bool_accepts_common_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEATURE", "Yes")
    assert env_bool("FEATURE") is True
    monkeypatch.setenv("FEATURE", "0")
    assert env_bool("FEATURE", True) is False


def test_env_bool_names_the_variable_on_a_bad_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG")


def test_env_int_rejects_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EMAIL_PORT", "vijfentwintig")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        env_int("EMAIL_PORT", 25)


def test_env_list_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOWED_HOSTS", "buurtwijs.nl, www.buurtwijs.nl,")
    assert env_list("ALLOWED_HOSTS", []) == ["buurtwijs.nl", "www.buurtwijs.nl"]


def test_env_secret_reads_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret"
    secret.write_text("geheim-uit-bestand\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(secret))
    assert env_secret("SECRET_KEY") == "geheim-uit-bestand"


def test_database_url_for_postgresql_and_sqlite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://bw:pw@db.example.nl:5433/buurtwijs")
    config = env_database("DATABASE_URL", "")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == (
        "db.example.nl",
        5433,
        "buurtwijs",
    )
    monkeypatch.delenv("DATABASE_URL")
    assert env_database("DATABASE_URL", "sqlite:///var/x.sqlite3")["ENGINE"].endswith(
        "sqlite3"
    )
