"""Load the whole demo network: accounts, real content, then generated records."""

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils import timezone

from buurtwijs.demo import load, real
from buurtwijs.demo.accounts import load_demo_accounts
from buurtwijs.demo.agenda import load_demo_agenda
from buurtwijs.demo.articles import load_demo_articles
from buurtwijs.demo.calls import load_demo_calls
from buurtwijs.demo.cases import generate_cases, load_cases, load_real_cases
from buurtwijs.demo.documents import generate_documents
from buurtwijs.demo.events import load_demo_events
from buurtwijs.demo.generate import generate_initiatives, generate_people
from buurtwijs.demo.matching import load_demo_matching
from buurtwijs.demo.networks import load_demo_networks
from buurtwijs.demo.newsletter import load_demo_newsletter


@dataclass(frozen=True)
class Sizes:
    """How many generated initiatives, people and documents a run aims for."""

    initiatives: int
    people: int
    documents: int
    cases: int = 0
    learning_questions: int = 0
    events: int = 0
    articles: int = 0
    networks: int = 0
    newsletter: int = 0


SCALES: dict[str, Sizes] = {
    "demo": Sizes(initiatives=300, people=1_000, documents=300, cases=60),
    "national": Sizes(
        initiatives=10_000, people=100_000, documents=50_000, cases=2_000
    ),
}


# National scale also adds a round of 100,000 learning questions.
SCALES["national"] = replace(SCALES["national"], learning_questions=100_000)


@dataclass(frozen=True)
class SeedReport:
    """What one run added; zero everywhere when everything was already there."""

    accounts: int
    pages: int
    real_initiatives: int
    initiatives: int
    people: int
    documents: int
    seconds: float
    cases: int = 0
    learning_questions: int = 0
    events: int = 0
    articles: int = 0
    networks: int = 0
    newsletter: int = 0


def seed_demo(*, sizes: Sizes, seed: int, log: Callable[[str], None]) -> SeedReport:
    """Add whatever of the demo network is missing; safe to run again."""
    started = time.monotonic()
    log("Demo accounts")
    accounts = load_demo_accounts(log)
    log("Real pages")
    pages = real.load_real_pages(log)

    places = load.load_places()
    log(f"Generating {sizes.initiatives:,} initiatives (seed {seed})")
    initiative_specs = generate_initiatives(places, seed=seed, count=sizes.initiatives)
    initiatives = load.load_initiatives(initiative_specs, log)
    log(f"Generating {sizes.people:,} people (seed {seed})")
    people = load.load_people(
        generate_people(places, seed=seed, count=sizes.people), log
    )
    log(f"Generating {sizes.documents:,} documents (seed {seed})")
    documents = load.load_documents(
        generate_documents(
            places, seed=seed, count=sizes.documents, today=timezone.localdate()
        ),
        log,
    )
    # The named initiatives go last so they are the newest on the home page.
    log("Real initiatives")
    real_initiatives = real.load_real_initiatives(log)
    log(f"Generating {sizes.cases:,} cases (seed {seed})")
    cases = load_cases(
        generate_cases(initiative_specs, places, seed=seed, count=sizes.cases), log
    )
    cases += load_real_cases(log)
    log("Events")
    events = load_demo_events(log)
    log("Articles and comments")
    articles = load_demo_articles(log)
    log(f"Calls, responses and {sizes.learning_questions:,} extra learning questions")
    learning_questions = load_demo_calls(
        places, seed=seed, national_questions=sizes.learning_questions, log=log
    )
    log("Learning agenda")
    load_demo_agenda(log)
    log("Matches of learning questions (knowledge gaps)")
    load_demo_matching(log)
    log("Learning networks")
    networks = load_demo_networks(log)
    log("Newsletter")
    newsletter = load_demo_newsletter(log)
    return SeedReport(
        accounts=accounts,
        pages=pages,
        real_initiatives=real_initiatives,
        initiatives=initiatives,
        people=people,
        documents=documents,
        seconds=time.monotonic() - started,
        cases=cases,
        learning_questions=learning_questions,
        events=events,
        articles=articles,
        networks=networks,
        newsletter=newsletter,
    )
