"""Time the analysis engine on generated learning questions and the themes API.

The questions are recombined from the development set (``data/devset.csv``) with
a fixed seed: each is a development question with a random opening ("Ik vraag me
af:"), a random place or ending ("in Zwolle", "bij ons in het dorp"), in about a
third of cases one typing slip (two letters swapped or one dropped), in a fifth
lower-cased, and in a sixth followed by a second development question. So most
generated texts differ, as answers to a real call do, while their themes and
paraphrase groups stay those of the set.
"""

import json
import random
import resource
import statistics
import time
from typing import Any

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandParser
from django.test import Client
from django.test.utils import override_settings

from buurtwijs.analysis.engine import QuestionIn, analyse
from buurtwijs.analysis.tests.devset import devset
from buurtwijs.core.benchmark import percentile, time_path

OPENINGS = [
    "",
    "",
    "",
    "Ik vraag me af: ",
    "Graag zou ik weten: ",
    "Vraag: ",
    "Mijn leervraag is eigenlijk: ",
    "Als buurtmaker wil ik leren: ",
    "Als wijkprofessional: ",
    "Wij als bewonersgroep willen weten: ",
]
PLACES = [
    "",
    "",
    " in Zwolle",
    " in Rotterdam-Zuid",
    " bij ons in het dorp",
    " in onze wijk",
    " in Heerlen",
    " in een kleine gemeente",
    " hier in Groningen",
    " in de Schilderswijk",
    " (vraag vanuit de bewonersraad)",
]


def _slip(text: str, rng: random.Random) -> str:
    words = text.split()
    candidates = [i for i, word in enumerate(words) if len(word) > 5]
    if not candidates:
        return text
    index = rng.choice(candidates)
    word = words[index]
    cut = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:cut] + word[cut + 1] + word[cut] + word[cut + 2 :]
    else:
        word = word[:cut] + word[cut + 1 :]
    words[index] = word
    return " ".join(words)


def generate_questions(count: int, seed: int = 2026) -> list[QuestionIn]:
    """``count`` varied learning questions recombined from the development set."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    source = [question.text for question in devset()]
    questions = []
    for number in range(count):
        text = rng.choice(source).rstrip("?. ")
        text = rng.choice(OPENINGS) + text + rng.choice(PLACES) + "?"
        if rng.random() < 0.33:
            text = _slip(text, rng)
        if rng.random() < 0.2:
            text = text.lower()
        if rng.random() < 0.16:
            text += " En ook: " + rng.choice(source)
        questions.append(
            QuestionIn(
                id=f"q{number}",
                text=text,
                votes=rng.choice([0, 0, 0, 1, 2, 5]),
                urgency=rng.choice([None, 1, 2, 3, 4, 5]),
            )
        )
    return questions


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Time themes and clusters over generated questions, and the themes API."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--questions", type=int, default=50_000)
        parser.add_argument("--requests", type=int, default=50)

    def handle(self, *args: Any, **options: Any) -> None:
        questions = generate_questions(options["questions"])
        distinct = len({question.text for question in questions})
        self.stdout.write(
            f"{len(questions)} generated questions, {distinct} distinct texts"
        )
        before = _peak_mb()
        started = time.perf_counter()

        def progress(stage: str, done: int, total: int) -> None:
            seconds = time.perf_counter() - started
            self.stdout.write(f"  {stage}: {done}/{total} ({seconds:.1f} s)")

        result = analyse(questions, progress=progress)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"analyse: {seconds:.1f} s for {len(result.items)} questions, "
            f"{len(result.clusters)} clusters "
            f"({sum(1 for c in result.clusters if c.size > 1)} with more than one "
            f"question); peak memory {_peak_mb():.0f} MB (process, {before:.0f} MB "
            "before the run)"
        )
        self._api(options["requests"])

    def _api(self, requests: int) -> None:
        healthz = time_path("/healthz", requests=requests, warmup=5)
        client = Client()
        body = json.dumps(
            {"texts": ["Hoe bereik je eenzame ouderen die nooit de deur uit komen?"]}
        )
        timings = []
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            for _ in range(5):
                client.post(
                    "/api/v1/analysis/themes", body, content_type="application/json"
                )
            status = 0
            for _ in range(requests):
                # A fresh cache for each request, as time_path does; it also resets
                # the anonymous rate limit.
                cache.clear()
                start = time.perf_counter()
                response = client.post(
                    "/api/v1/analysis/themes", body, content_type="application/json"
                )
                timings.append((time.perf_counter() - start) * 1000)
                status = response.status_code
        self.stdout.write(
            f"/healthz: p50 {healthz.p50:.1f} ms, p95 {healthz.p95:.1f} ms "
            f"(status {healthz.status})"
        )
        self.stdout.write(
            f"POST /api/v1/analysis/themes, one text: p50 "
            f"{statistics.median(timings):.1f} ms, p95 {percentile(timings, 95):.1f} "
            f"ms (status {status}, {requests} requests)"
        )
