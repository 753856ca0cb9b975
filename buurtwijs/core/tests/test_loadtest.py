"""scripts/loadtest.py: its options are checked, and its visitors fill real forms."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from django.test import Client

from buurtwijs.newsletter.models import Subscriber

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "loadtest.py"


@pytest.fixture(scope="module")
def loadtest() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loadtest", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["loadtest"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_options_default_to_the_national_run_and_read_the_environment(
    loadtest: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("SCALE", "SECONDS", "CLIENTS", "OUTAGE", "WORKERS"):
        monkeypatch.delenv(f"LOADTEST_{name}", raising=False)
    args = loadtest.parse_args([])
    assert (args.scale, args.seconds, args.clients, args.outage, args.workers) == (
        "national",
        60,
        50,
        10,
        4,
    )
    monkeypatch.setenv("LOADTEST_SCALE", "demo")
    monkeypatch.setenv("LOADTEST_SECONDS", "15")
    monkeypatch.setenv("LOADTEST_CLIENTS", "10")
    args = loadtest.parse_args([])
    assert (args.scale, args.seconds, args.clients) == ("demo", 15, 10)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--scale", "huge"], "--scale must be one of demo, national"),
        (["--seconds", "2"], "--seconds must be at least 5"),
        (["--clients", "0"], "--clients must be between 1 and 500"),
        (["--outage", "0"], "--outage must be between 1 and 300"),
        (["--workers", "99"], "--workers must be between 1 and 32"),
        (["--seconds", "soon"], "invalid int value"),
    ],
)
def test_bad_options_stop_with_a_clear_message(
    loadtest: ModuleType,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    with pytest.raises(SystemExit) as stop:
        loadtest.parse_args(argv)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_percentile_is_the_nearest_rank(loadtest: ModuleType) -> None:
    values = [float(n) for n in range(1, 101)]
    assert loadtest.percentile(values, 95) == 95.0
    assert loadtest.percentile([], 95) == 0.0


@pytest.mark.django_db
def test_a_visitor_fills_the_real_newsletter_form_and_it_is_stored(
    loadtest: ModuleType, client: Client, settings: pytest.FixtureRequest
) -> None:
    settings.FORM_MIN_SECONDS = 0  # type: ignore[attr-defined]
    page = client.get("/nieuwsbrief/")
    action, data = loadtest.fill_form(page.content.decode(), "", "load@voorbeeld.nl")
    assert "website_url" not in dict(data)  # the honeypot stays empty
    response = client.post(action or "/nieuwsbrief/", dict(data))
    assert response.status_code == 302
    assert "controleer-je-mail" in response["Location"]
    assert Subscriber.objects.filter(email="load@voorbeeld.nl").exists()
