"""bench_report: checks its options and replaces only its own table in the docs."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from buurtwijs.demo.management.commands.bench_report import replace_section


def test_a_table_is_appended_once_then_replaced_in_place() -> None:
    text = "# Performance\n\nIntro.\n"
    first = replace_section(text, "SQLite", "| a |\n")
    assert first.startswith("# Performance\n\nIntro.\n\n<!-- bench:sqlite:start -->")
    both = replace_section(first + "\nAfter.\n", "PostgreSQL", "| pg |\n")
    again = replace_section(both, "SQLite", "| b |\n")
    assert "| a |" not in again
    assert again.count("<!-- bench:sqlite:start -->") == 1
    assert "| b |" in again and "| pg |" in again and "After." in again


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"requests": 0}, "--requests must be at least 1"),
        ({"questions": -1}, "cannot be negative"),
        ({"write": "/nonexistent/performance.md"}, "does not exist"),
    ],
)
@pytest.mark.django_db
def test_bad_options_are_refused(options: dict, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("bench_report", **options)


@pytest.mark.django_db
def test_a_run_writes_every_page_kind_beside_healthz(tmp_path: Path) -> None:
    docs = tmp_path / "performance.md"
    docs.write_text("# Performance\n")
    out = StringIO()
    call_command(
        "bench_report",
        label="SQLite",
        requests=1,
        warmup=0,
        questions=30,
        write=str(docs),
        stdout=out,
    )
    text = docs.read_text()
    for kind in ("baseline", "home", "list", "detail", "search", "match", "api list"):
        assert f"| {kind} |" in text
    assert "| baseline | `/healthz` | 200 |" in text
    assert "30 generated learning questions" in text
    assert "Written to the SQLite section" in out.getvalue()
