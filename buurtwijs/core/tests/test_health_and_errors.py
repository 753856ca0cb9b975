"""Probes and failures: /healthz, the error pages and start-up with bad settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from buurtwijs.core.views import server_error

BASE_DIR = Path(__file__).resolve().parents[3]
UNREACHABLE_DB = "postgres://postgres@127.0.0.1:1/buurtwijs_unreachable"

# Run a request in a fresh process whose DATABASE_URL points at a closed port: the
# database is really unreachable there, while this process keeps its test database.
_PROBE = """
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
out = {}
for path in ("/healthz", "/", "/initiatieven/", "/api/v1/initiatives"):
    response = client.get(path)
    out[path] = {
        "status": response.status_code,
        "body": response.content.decode(),
        "retry_after": response.get("Retry-After"),
    }
print(json.dumps(out))
"""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **env}
    environment.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(  # noqa: S603 - fixed arguments
        args, cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.django_db
def test_healthz_reports_ok_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture(scope="module")
def without_database() -> dict:
    result = _run(
        [sys.executable, "-c", _PROBE],
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=UNREACHABLE_DB,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_healthz_answers_503_when_the_database_is_unreachable(
    without_database: dict,
) -> None:
    health = without_database["/healthz"]
    assert health["status"] == 503
    assert json.loads(health["body"]) == {"status": "error", "database": "error"}


@pytest.mark.parametrize("path", ["/", "/initiatieven/"])
def test_database_outage_gives_a_dutch_503_page_without_trace(
    without_database: dict, path: str
) -> None:
    page = without_database[path]
    assert page["status"] == 503
    assert page["retry_after"] == "10"
    assert 'lang="nl"' in page["body"]
    assert "Even niet beschikbaar" in page["body"]
    assert "misschien niet opgeslagen" in page["body"]
    assert "Traceback" not in page["body"]
    assert "OperationalError" not in page["body"]


def test_database_outage_gives_the_api_a_json_503(without_database: dict) -> None:
    answer = without_database["/api/v1/initiatives"]
    assert answer["status"] == 503
    assert answer["retry_after"] == "10"
    assert "temporarily unavailable" in json.loads(answer["body"])["detail"]


def test_other_failures_keep_the_dutch_500_page_without_trace() -> None:
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug, not the database")
    except ValueError:
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "a bug" not in html


@pytest.mark.django_db
def test_unknown_url_gives_a_dutch_404_page_in_the_site_style(client: Client) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert "utrecht-skip-link" in html
    assert "/privacy/" in html


@pytest.mark.django_db
def test_django_admin_is_not_exposed(client: Client) -> None:
    assert client.get("/admin/").status_code == 404
    assert client.get("/django-admin/").status_code == 404


@pytest.mark.parametrize(
    ("database_url", "message"),
    [
        ("mysql://root@localhost/buurtwijs", "unsupported database"),
        ("nonsense", "DATABASE_URL"),
        ("", "DATABASE_URL is empty"),
    ],
)
def test_bad_database_url_stops_start_up_with_one_clear_line(
    database_url: str, message: str
) -> None:
    result = _run(
        [sys.executable, "manage.py", "check"],
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Buurtwijs cannot start:")
    assert message in lines[0]


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _run(
        [sys.executable, "manage.py", "check"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="",
        ALLOWED_HOSTS="buurtwijs.example.nl",
    )
    assert result.returncode == 1
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_deploy_check_is_clean_with_production_settings(tmp_path: Path) -> None:
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k3J9-vQp2#Lm8zXr5tW0yBn7cD4fGh6JsA1eU9oPiZ2qRw5TxV",
        ALLOWED_HOSTS="buurtwijs.example.nl",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DEBUG="false",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
