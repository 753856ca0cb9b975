# ruff: noqa: T201 - a command-line tool that reports by printing
"""`make loadtest`: many visitors at once against gunicorn on a throw-away PostgreSQL.

1. A PostgreSQL cluster of its own (initdb + pg_ctl in a temporary folder, on a free
   port), migrated and seeded (`seed_demo --scale national` by default). The shared
   server on 5432 is never touched.
2. gunicorn with 4 workers (config.settings.loadtest: no debug, page cache on).
3. The load: CLIENTS visitors for SECONDS, browsing (home, lists, details, search,
   match, API) and submitting (a response to the open call, an event registration,
   a newsletter subscription: form fetched, CSRF cookie and token kept, the bot
   trap's minimum time waited out). Every answer is checked; zero errors expected.
   Then every submission answered with its "thank you" page is looked up in the
   database.
4. The fault: the same, while this PostgreSQL is stopped for OUTAGE seconds and
   started again. During the outage a visitor must get the Dutch 503 page
   ("Even niet beschikbaar") or a page from the page cache, never a trace; after it
   the site must answer again without restarting gunicorn, and again every
   submission that was thanked must be in the database.

Exit status 0 only when both runs had no errors and nothing thanked is missing.
Settings by environment (or the matching option): LOADTEST_SCALE, LOADTEST_SECONDS,
LOADTEST_CLIENTS, LOADTEST_OUTAGE, LOADTEST_WORKERS.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any
from urllib import error as urlerror
from urllib import parse as urlparse
from urllib import request as urlrequest

ROOT = Path(__file__).resolve().parent.parent
SCALES = ("demo", "national")
FRIENDLY_503 = "Even niet beschikbaar"
SEARCH_WORDS = ["voedseltuin", "buurthuis", "eenzaamheid", "wonen", "jongeren", "zorg"]
MATCH_QUESTIONS = [
    "eenzaamheid onder ouderen in de wijk",
    "subsidie aanvragen voor een buurthuis",
    "jongeren en overlast",
]


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Options, defaulting to LOADTEST_* variables; refuses sizes that mean nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", default=os.environ.get("LOADTEST_SCALE") or "national"
    )
    parser.add_argument("--seconds", type=int, default=_env_int("LOADTEST_SECONDS", 60))
    parser.add_argument("--clients", type=int, default=_env_int("LOADTEST_CLIENTS", 50))
    parser.add_argument("--outage", type=int, default=_env_int("LOADTEST_OUTAGE", 10))
    parser.add_argument("--workers", type=int, default=_env_int("LOADTEST_WORKERS", 4))
    parser.add_argument(
        "--keep", action="store_true", help="leave the cluster folder for inspection"
    )
    args = parser.parse_args(argv)
    if args.scale not in SCALES:
        parser.error(f"--scale must be one of {', '.join(SCALES)}, not {args.scale!r}")
    if args.seconds < 5:
        parser.error("--seconds must be at least 5")
    if not 1 <= args.clients <= 500:
        parser.error("--clients must be between 1 and 500")
    if not 1 <= args.outage <= 300:
        parser.error("--outage must be between 1 and 300 seconds")
    if not 1 <= args.workers <= 32:
        parser.error("--workers must be between 1 and 32")
    return args


def percentile(values: Sequence[float], pct: int) -> float:
    """The nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * pct / 100 + 0.5) - 1)]


# --- the throw-away PostgreSQL ---------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def postgres_bindir() -> Path:
    """Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/N/bin."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    sys.exit("loadtest: PostgreSQL's initdb and pg_ctl were not found")


class Cluster:
    """A PostgreSQL cluster in a temporary folder; started, stopped, removed."""

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="buurtwijs-loadtest-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root: then its files belong to `postgres`.
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.folder, user="postgres", group="postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/buurtwijs"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["su", "postgres", "-c", shlex.join(command)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def create(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        self._run(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "buurtwijs",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


# --- the visitors ----------------------------------------------------------------


class _NoRedirect(urlrequest.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class FormParser(HTMLParser):
    """The POST forms of a page with their fields, and the datalists' options."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.datalists: dict[str, list[str]] = {}
        self._form: dict[str, Any] | None = None
        self._select: dict[str, Any] | None = None
        self._datalist: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = {
                "method": a.get("method", "get").lower(),
                "action": a.get("action", ""),
                "fields": [],
            }
            self.forms.append(self._form)
        elif tag == "datalist":
            self._datalist = a.get("id", "")
            self.datalists[self._datalist] = []
        elif tag == "option":
            if self._datalist is not None:
                self.datalists[self._datalist].append(a.get("value", ""))
            elif self._select is not None and a.get("value"):
                self._select["options"].append(a["value"])
        elif self._form is not None and tag in ("input", "textarea", "select"):
            item: dict[str, Any] = {**a, "tag": tag, "options": []}
            item["type"] = a.get("type", "text").lower()
            self._form["fields"].append(item)
            if tag == "select":
                self._select = item

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "datalist":
            self._datalist = None


def fill_form(html: str, marker: str, email: str) -> tuple[str, list[tuple[str, str]]]:
    """The action and the values a person would send for the POST form whose action
    contains `marker` (or the first POST form): every field, the first choice of
    each list, the honeypot left empty."""
    parser = FormParser()
    parser.feed(html)
    forms = [f for f in parser.forms if f["method"] == "post"]
    chosen = [f for f in forms if marker in f["action"]] or forms
    if not chosen:
        raise ValueError("no form on the page")
    form = chosen[0]
    data: list[tuple[str, str]] = []
    seen: set[str] = set()
    for item in form["fields"]:
        name, kind = item.get("name"), item["type"]
        if not name or name == "website_url" or kind in ("submit", "button", "file"):
            continue
        if kind == "hidden":
            data.append((name, item.get("value", "")))
        elif item["tag"] == "select":
            if item["options"]:
                data.append((name, item["options"][0]))
        elif kind in ("checkbox", "radio"):
            if name not in seen or "required" in item:
                data.append((name, item.get("value") or "on"))
            seen.add(name)
        elif kind == "email":
            data.append((name, email))
        elif kind == "number":
            data.append((name, "3"))
        elif item.get("list") and parser.datalists.get(item["list"]):
            data.append((name, parser.datalists[item["list"]][0]))
        elif item["tag"] == "textarea":
            data.append(
                (name, "Hoe betrekken we meer buurtbewoners bij de buurtkamer?")
            )
        else:
            data.append((name, "Femke de Vries" if "name" in name else "buurt"))
    return form["action"], data


@dataclass
class Result:
    kind: str
    status: int
    ms: float
    at: float
    ok: bool
    note: str = ""


@dataclass
class Submission:
    kind: str  # response, registration, subscription
    key: str  # the call response's token, or the e-mail address
    at: float


@dataclass
class Run:
    """What all visitors of one run saw."""

    started: float = field(default_factory=time.monotonic)
    results: list[Result] = field(default_factory=list)
    thanked: list[Submission] = field(default_factory=list)
    outage: tuple[float, float] | None = None  # seconds after start, while 503 is fine
    lock: threading.Lock = field(default_factory=threading.Lock)

    def in_outage(self, at: float) -> bool:
        return self.outage is not None and self.outage[0] <= at <= self.outage[1]


@dataclass(frozen=True)
class Targets:
    calls: list[str]
    events: list[str]
    details: list[str]
    api_details: list[str]


class Visitor:
    """One simulated person with their own cookies."""

    def __init__(
        self,
        base: str,
        targets: Targets,
        run: Run,
        seed: int,
        form_seconds: float,
        submits: bool,
    ) -> None:
        self.base, self.targets, self.run = base, targets, run
        self.rng = random.Random(seed)  # noqa: S311 - not for secrets
        self.form_seconds = form_seconds
        self.submits = submits
        self.opener = urlrequest.build_opener(
            urlrequest.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def request(
        self,
        kind: str,
        path: str,
        data: list[tuple[str, str]] | None = None,
        expect: str = "",
    ) -> tuple[bool, str]:
        """One request, timed and judged; returns (ok, body)."""
        body = urlparse.urlencode(data).encode() if data is not None else None
        req = urlrequest.Request(self.base + path, data=body)  # noqa: S310 - our server
        start = time.monotonic()
        location = ""
        try:
            with self.opener.open(req, timeout=60) as answer:
                status, text = answer.status, answer.read().decode("utf-8", "replace")
        except urlerror.HTTPError as failure:
            status = failure.code
            location = failure.headers.get("Location", "")
            text = failure.read().decode("utf-8", "replace")
        except OSError as failure:
            status, text = 0, str(failure)
        end = time.monotonic()
        at = end - self.run.started
        if expect:
            ok, note = status == 302 and expect in location, f"{status} {location}"
        else:
            ok, note = status == 200, str(status)
        if status == 503 and self.run.in_outage(at):
            friendly = FRIENDLY_503 in text or path.startswith("/api/")
            ok, note = friendly, "503 during the outage"
            if "Traceback" in text:
                ok, note = False, "503 with a trace"
        elif status >= 500 or status == 0:
            note = f"{status}: {text[:120]!r}"
        result = Result(kind, status, (end - start) * 1000, at, ok, note)
        with self.run.lock:
            self.run.results.append(result)
        return ok and status in (200, 302), text

    def browse(self) -> None:
        t, rng = self.targets, self.rng
        choice = rng.random()
        if choice < 0.15:
            self.request("home", "/")
        elif choice < 0.35:
            page = rng.choice(
                [
                    "/initiatieven/",
                    "/mensen/",
                    "/oproepen/",
                    f"/initiatieven/?pagina={rng.randint(1, 50)}",
                ]
            )
            self.request("list", page)
        elif choice < 0.6:
            self.request("detail", rng.choice(t.details))
        elif choice < 0.75:
            q = urlparse.quote(rng.choice(SEARCH_WORDS))
            self.request("search", f"/zoeken/?q={q}")
        elif choice < 0.85:
            q = urlparse.quote(rng.choice(MATCH_QUESTIONS))
            self.request("match", f"/wie-weet-wat/?q={q}")
        else:
            path = rng.choice(
                [
                    "/api/v1/initiatives",
                    "/api/v1/people",
                    f"/api/v1/search?q={rng.choice(SEARCH_WORDS)}",
                    rng.choice(t.api_details),
                ]
            )
            self.request("api", path)

    def submit(self) -> None:
        options: list[tuple[str, str, str, str]] = [
            ("subscription", "/nieuwsbrief/", "", "controleer-je-mail")
        ]
        options += [("response", c, "", "/bedankt/") for c in self.targets.calls]
        options += [
            ("registration", e, "aanmelden", "/aangemeld/") for e in self.targets.events
        ]
        kind, page, marker, expect = self.rng.choice(options)
        email = f"load-{uuid.uuid4().hex[:12]}@voorbeeld.nl"
        ok, html = self.request(f"{kind} form", page)
        if not ok:
            return
        shown = time.monotonic()
        try:
            action, data = fill_form(html, marker, email)
        except ValueError:
            self.run.results.append(Result(kind, 200, 0, 0, False, "no form"))
            return
        # The bot trap refuses forms sent back faster than a person could.
        time.sleep(max(0.0, self.form_seconds + 0.2 - (time.monotonic() - shown)))
        target = urlparse.urljoin(page, action) if action else page
        key = dict(data).get("token", "") if kind == "response" else email
        ok, _text = self.request(kind, target, data=data, expect=expect)
        if ok:
            with self.run.lock:
                self.run.thanked.append(Submission(kind, key, time.monotonic()))

    def loop(self, until: float) -> None:
        while time.monotonic() < until:
            if self.submits and self.rng.random() < 0.3:
                self.submit()
            else:
                self.browse()
            time.sleep(self.rng.uniform(0.2, 1.0))  # a person reads a little


def run_load(
    base: str,
    targets: Targets,
    *,
    clients: int,
    seconds: float,
    form_seconds: float,
    during: Callable[[Run], None] | None = None,
) -> Run:
    """CLIENTS visitors for SECONDS; half of them also send forms."""
    run = Run()
    until = run.started + seconds
    visitors = [
        Visitor(
            base, targets, run, seed=n, form_seconds=form_seconds, submits=n % 2 == 0
        )
        for n in range(clients)
    ]
    threads = [threading.Thread(target=v.loop, args=(until,)) for v in visitors]
    for thread in threads:
        thread.start()
    if during is not None:
        during(run)
    for thread in threads:
        thread.join()
    return run


def report(title: str, run: Run, missing: list[Submission]) -> bool:
    """Print figures per kind; True when there were no errors and nothing is missing."""
    kinds = sorted({r.kind for r in run.results})
    print(f"\n## {title}\n")
    print("| kind | requests | errors | 503 in outage | median ms | p95 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in kinds:
        rows = [r for r in run.results if r.kind == kind]
        errors = [r for r in rows if not r.ok]
        outage = [r for r in rows if r.ok and r.status == 503]
        times = [r.ms for r in rows if r.ok and r.status != 503]
        median = statistics.median(times) if times else 0
        print(
            f"| {kind} | {len(rows)} | {len(errors)} | {len(outage)} | "
            f"{median:.0f} | {percentile(times, 95):.0f} |"
        )
    errors = [r for r in run.results if not r.ok]
    per_kind = {
        k: sum(1 for s in run.thanked if s.kind == k)
        for k in ("response", "registration", "subscription")
    }
    print(
        f"\nrequests: {len(run.results)}, errors: {len(errors)}; thanked: "
        f"{per_kind}; missing from the database: {len(missing)}"
    )
    for result in errors[:15]:
        print(f"  error: {result.kind} at {result.at:.1f}s: {result.note}")
    for submission in missing[:15]:
        print(f"  missing: {submission.kind} {submission.key}")
    return not errors and not missing and bool(run.thanked)


# --- the database side (Django, in this process) ------------------------------


def django_targets() -> Targets:
    from django.utils import timezone

    from buurtwijs.calls.models import Call
    from buurtwijs.calls.services import CallState
    from buurtwijs.directory.models import Initiative
    from buurtwijs.events.models import EventPage

    calls = [
        f"/oproepen/{c.slug}/"
        for c in Call.objects.all()
        if c.state() == CallState.OPEN
    ]
    events = EventPage.objects.live().filter(
        registration_open=True, starts_at__gt=timezone.now()
    )
    slugs = list(
        Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
        .order_by("?")
        .values_list("slug", flat=True)[:300]
    )
    details = [f"/initiatieven/{slug}/" for slug in slugs]
    return Targets(
        calls=calls,
        events=[e.url for e in events[:5] if e.url],
        details=details,
        api_details=[f"/api/v1/initiatives/{slug}" for slug in slugs],
    )


def django_missing(thanked: list[Submission]) -> list[Submission]:
    from django.db import connections

    from buurtwijs.calls.models import Response
    from buurtwijs.events.models import Registration
    from buurtwijs.newsletter.models import Subscriber

    connections.close_all()  # the server may have restarted since the last query
    tokens = set(map(str, Response.objects.values_list("token", flat=True)))
    found = {
        "response": tokens,
        "registration": {
            e.lower() for e in Registration.objects.values_list("email", flat=True)
        },
        "subscription": {
            e.lower() for e in Subscriber.objects.values_list("email", flat=True)
        },
    }
    return [s for s in thanked if s.key.lower() not in found[s.kind]]


def warm_up(base: str, targets: Targets, workers: int) -> float:
    """Each worker builds its caches (the matching index, counts) before the clock
    runs: two visitors per worker request every kind of page once, at the same time.
    Returns the seconds it took (what the first visitors after a start wait)."""
    paths = [
        "/",
        "/initiatieven/",
        "/mensen/",
        targets.details[0],
        "/zoeken/?q=buurthuis",
        f"/wie-weet-wat/?q={MATCH_QUESTIONS[0]}",
        "/api/v1/initiatives",
        "/api/v1/people",
        *targets.calls,
        "/nieuwsbrief/",
    ]

    def visit() -> None:
        for path in paths:
            try:
                url = base + urlparse.quote(path, safe="/?=&")
                with urlrequest.urlopen(url, timeout=300) as answer:  # noqa: S310
                    answer.read()
            except OSError:
                pass

    started = time.monotonic()
    threads = [threading.Thread(target=visit) for _ in range(workers * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def manage(env: dict[str, str], *args: str) -> None:
    command = [sys.executable, "manage.py", *args]
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603


def wait_for(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urlrequest.urlopen(url, timeout=5) as answer:  # noqa: S310 - ours
                if answer.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.monotonic()
    cluster = Cluster()
    server: subprocess.Popen[bytes] | None = None
    form_seconds = 1
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.loadtest",
        "DATABASE_URL": cluster.url,
        "FORM_MIN_SECONDS": str(form_seconds),
    }
    os.environ.update(env)
    try:
        print(
            f"PostgreSQL from {cluster.bindir} in {cluster.folder}, port {cluster.port}"
        )
        cluster.create()
        step = time.monotonic()
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "seed_demo", "--scale", args.scale, "--allow-without-debug")
        print(f"migrated and seeded ({args.scale}) in {time.monotonic() - step:.0f} s")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        targets = django_targets()
        if not targets.calls or not targets.events:
            print(
                "loadtest: the seed has no open call or no event open for registration",
                file=sys.stderr,
            )
            return 1
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = open(cluster.folder / "gunicorn.log", "wb")  # noqa: SIM115
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "60",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        if not wait_for(f"{base}/healthz", 60):
            print("loadtest: gunicorn did not answer /healthz", file=sys.stderr)
            return 1
        print(
            f"warm-up (every page kind, twice per worker): "
            f"{warm_up(base, targets, args.workers):.0f} s"
        )
        load = os.getloadavg()
        print(
            f"gunicorn ({args.workers} workers) on {base}; {args.clients} clients "
            f"for {args.seconds} s; load average before: "
            f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
        )

        plain = run_load(
            base,
            targets,
            clients=args.clients,
            seconds=args.seconds,
            form_seconds=form_seconds,
        )
        passed = report("Load", plain, django_missing(plain.thanked))

        def outage(run: Run) -> None:
            time.sleep(5)
            stopped = time.monotonic() - run.started
            run.outage = (stopped, float("inf"))
            cluster.stop()
            print(f"\nPostgreSQL stopped at {stopped:.1f} s")
            time.sleep(args.outage)
            cluster.start()
            back = time.monotonic() - run.started
            # Requests that were already waiting on the database may still answer 503.
            run.outage = (stopped, back + 2)
            print(f"PostgreSQL started again at {back:.1f} s")

        seconds = max(args.seconds, args.outage + 20)
        faulty = run_load(
            base,
            targets,
            clients=args.clients,
            seconds=seconds,
            form_seconds=form_seconds,
            during=outage,
        )
        end_of_outage = faulty.outage[1] if faulty.outage else 0.0
        after = [r for r in faulty.results if r.at > end_of_outage]
        recovered = bool(after) and all(r.ok for r in after)
        passed = (
            report(
                "Fault: PostgreSQL stopped and started",
                faulty,
                django_missing(faulty.thanked),
            )
            and passed
        )
        print(
            f"after the restart: {len(after)} requests, all answered: {recovered}; "
            f"gunicorn restarted: {server.poll() is not None}"
        )
        load = os.getloadavg()
        print(
            f"load average after: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
            f"total {time.monotonic() - began:.0f} s"
        )
        passed = passed and recovered and server.poll() is None
        print("\nPASSED" if passed else "\nFAILED")
        if not passed:
            print((cluster.folder / "gunicorn.log").read_text()[-3000:])
        return 0 if passed else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"kept {cluster.folder}")
        else:
            cluster.remove()


if __name__ == "__main__":
    sys.exit(main())
