"""The page benchmark prints each page beside the /healthz baseline."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db
def test_bench_pages_prints_timings_beside_the_healthz_baseline() -> None:
    out = StringIO()
    call_command("bench_pages", "/", "/bestaat-niet/", requests=3, warmup=0, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == [
        "path",
        "status",
        "p50",
        "ms",
        "p95",
        "ms",
        "x",
        "healthz",
        "queries",
        "cached",
        "p50",
        "cached",
        "p95",
        "x",
        "healthz",
    ]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["/healthz"][1] == "200"
    assert rows["/healthz"][4] == "1.0"
    assert rows["/"][1] == "200"
    assert rows["/bestaat-niet/"][1] == "404"
    assert float(rows["/"][2]) > 0
    # Both figures per path: the page made, and the page as visitors get it.
    assert len(rows["/"]) == 9
    assert float(rows["/"][6]) > 0


@pytest.mark.django_db
def test_bench_pages_refuses_zero_requests() -> None:
    with pytest.raises(CommandError, match="at least 1"):
        call_command("bench_pages", requests=0)
