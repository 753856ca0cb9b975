"""Demo calls for input: the 2020 call of the seed with its responses, an open call,
and (at national scale) a large round of learning questions.

Response n always comes from its own random generator (seed, kind, n), so a second
run finds everything in place and adds nothing; a larger run adds only the rest.
"""

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import accumulate

from django.db import transaction
from django.utils import timezone, translation

from buurtwijs.accounts.models import PersonKind
from buurtwijs.calls.models import (
    Answer,
    Call,
    LearningQuestion,
    Question,
    Response,
)
from buurtwijs.core.models import Municipality
from buurtwijs.demo import vocab
from buurtwijs.demo.generate import Place, capitalise, item_rng, lower_first

Log = Callable[[str], None]

SEED_CALL_SLUG = "wat-wil-jij-leren-over-leefbaarheid"
OPEN_CALL_SLUG = "leren-van-elkaar-in-de-wijk"
NATIONAL_CALL_SLUG = "landelijke-leervragenronde"
RESPONSES = 400
BATCH = 5_000

CONSENT = (
    "Ik geef toestemming om mijn antwoorden te gebruiken voor het leernetwerk en de "
    "leeragenda Leefbaarheid en Veiligheid. Mijn antwoorden worden zonder naam "
    "getoond en gebruikt, en na twee jaar verwijderd."
)

SEED_INTRO = (
    "<p>Het gaat goed met de leefbaarheid en veiligheid in een groot deel van "
    "Nederland. Toch blijven er wijken waar het minder goed gaat, waar werkloosheid, "
    "armoede en criminaliteit zich opstapelen. Om een leernetwerk en een leeragenda "
    "op te zetten die aansluiten bij wat écht nodig is, vragen we buurtmakers, "
    "community builders, wijkprofessionals en beleidsmakers om hun inbreng.</p>"
    "<p>Het kost je ongeveer vijf minuten.</p>"
)

OPEN_INTRO = (
    "<p>Wat wil jij leren over samenwerken in de wijk: met bewoners, de gemeente, "
    "de woningcorporatie of ondernemers? Je leervraag komt op de leeragenda van het "
    "netwerk. Je hebt geen account nodig.</p>"
)

ROLE_WEIGHTS = {
    "resident": 40,
    "professional": 32,
    "policy_maker": 14,
    "researcher": 7,
    "entrepreneur": 7,
}

THEME_WEIGHTS = {
    "armoede-en-schulden": 12,
    "veiligheid": 11,
    "wonen": 10,
    "zorg-en-gezondheid": 9,
    "ontmoeting-en-eenzaamheid": 10,
    "participatie-en-samenwerking": 10,
    "organiseren-en-financieren": 9,
    "jeugd-en-opvoeden": 7,
    "integratie-en-inclusie": 6,
    "werk-en-economie": 5,
    "duurzaamheid-en-energie": 5,
    "openbare-ruimte": 4,
    "ouder-worden": 4,
    "kennis-en-leren": 3,
}

URGENT_OPENINGS = (
    "In onze wijk merken we dat {challenge}.",
    "Het grootste probleem is dat {challenge}.",
    "{Challenge}, en dat stapelt zich op met andere problemen.",
    "Taai vraagstuk bij ons: {challenge}.",
    "eerlijk gezegd: {challenge}. daar lopen we steeds op vast",
    "Wat mij zorgen baart is dat {challenge}, zeker sinds corona.",
)

SOURCES = (
    "collega's in het wijkteam",
    "de nieuwsbrief van Movisie",
    "bijeenkomsten van LSA",
    "Platform31",
    "gewoon googlen",
    "intervisie met andere buurtmakers",
    "werkbezoeken bij andere buurtcoöperaties",
    "gesprekken met bewoners aan de keukentafel",
    "webinars",
    "vakliteratuur en onderzoek van de hogeschool",
    "LinkedIn",
    "de gemeente",
    "een leernetwerk in de regio",
    "podcasts",
)

SOURCE_TEMPLATES = (
    "Vooral via {a} en {b}.",
    "Via {a}. Soms {b}.",
    "{A}, en af en toe {b}.",
    "ik haal veel uit {a} maar mis een plek waar alles bij elkaar staat",
    "Meestal {a}; {b} vind ik ook waardevol.",
)

NEEDS = (
    "voorbeelden uit andere gemeenten",
    "een leernetwerk met collega's uit het land",
    "tijd en budget",
    "een praktische training",
    "intervisie met andere buurtmakers",
    "meer steun van de gemeente",
    "een handreiking die je echt kunt gebruiken",
    "een manier om onze impact te meten",
    "iemand die meedenkt",
    "geld voor een coördinator",
)

GROUPS = (
    "jongeren",
    "ouderen",
    "nieuwe bewoners",
    "statushouders",
    "bewoners die niet snel naar een bijeenkomst komen",
    "ondernemers",
    "vrijwilligers",
)

PARTNERS = (
    "de gemeente",
    "de woningcorporatie",
    "het wijkteam",
    "de huisarts en de wijkverpleging",
    "scholen",
    "de politie",
    "andere bewonersgroepen",
)

LEARN_TEMPLATES = (
    "Hoe kunnen we {subject} beter aanpakken samen met {partner}? Daarvoor heb ik "
    "{need} nodig.",
    "Ik wil leren hoe je {subject} organiseert zonder dat alles op een paar "
    "vrijwilligers neerkomt. Wat ik nodig heb: {need}.",
    "hoe krijg je {group} mee bij {subject}?? tips welkom, en {need}",
    "Wat werkt nu echt bij {subject}? Ik zou graag {need} willen.",
    "Meer kennis over {subject} en hoe je {group} bereikt. Ik heb vooral {need} nodig.",
    "Hoe zorg je dat {partner} ons serieus neemt als het gaat om {subject}?",
    "Ik wil leren hoe je laat zien wat {subject} oplevert, zodat {partner} blijft "
    "investeren.",
    "Hoe houden we {subject} vol als de subsidie stopt? {Need} zou helpen.",
    "wat kunnen we leren van andere wijken over {subject}? graag {need}",
    "Hoe combineer je {subject} met {second}? Bij ons hangt dat samen.",
)

OPEN_CALL_QUESTIONS = (
    ("text", "Wat wil jij leren over samenwerken in de wijk?", True, True),
    ("municipality", "In welke gemeente ben je actief?", True, False),
    ("role", "Wat is je rol?", False, False),
    ("themes", "Over welke thema's gaat je vraag?", False, False),
)


@dataclass(frozen=True)
class ResponseSpec:
    """One generated response with its answers in the question order."""

    token: uuid.UUID
    municipality_code: str
    role: str
    urgent: str
    sources: str
    learn: str
    urgency: int
    submitted_at: datetime


@cache
def _cumulative(weights: tuple[tuple[str, int], ...]) -> tuple[list[str], list[int]]:
    return [key for key, _ in weights], list(accumulate(w for _, w in weights))


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys, cumulative = _cumulative(tuple(weights.items()))
    return rng.choices(keys, cum_weights=cumulative)[0]


def _slip(rng: random.Random, text: str) -> str:
    """The slips of quick typing: no capital, no diaeresis, a double space."""
    roll = rng.random()
    if roll < 0.15:
        text = lower_first(text)
    elif roll < 0.22:
        text = text.replace("ö", "o").replace("ë", "e")
    elif roll < 0.27:
        text = text.replace(" ", "  ", 1)
    return text


def _fill(template: str, values: dict[str, str]) -> str:
    capitalised = {key.capitalize(): capitalise(value) for key, value in values.items()}
    return template.format(**values, **capitalised)


def learning_text(rng: random.Random) -> str:
    """A learning question the way people write one."""
    theme = _weighted(rng, THEME_WEIGHTS)
    second_theme = _weighted(rng, THEME_WEIGHTS)
    words = vocab.THEMES[theme]
    text = _fill(
        rng.choice(LEARN_TEMPLATES),
        {
            "subject": rng.choice(words.subjects),
            "second": rng.choice(vocab.THEMES[second_theme].subjects),
            "partner": rng.choice(PARTNERS),
            "group": rng.choice(GROUPS),
            "need": rng.choice(NEEDS),
        },
    )
    return _slip(rng, text)


def _place_for(rng: random.Random, index: int, places: Sequence[Place]) -> Place:
    # The first responses cover every province; the rest follow the population.
    provinces = sorted({place.province_code for place in places})
    if index < len(provinces):
        return rng.choice([p for p in places if p.province_code == provinces[index]])
    return rng.choices(places, weights=[max(p.population, 1) for p in places])[0]


def generate_response(
    seed: int, index: int, places: Sequence[Place], *, start: datetime
) -> ResponseSpec:
    """Response number `index` of the seed's call."""
    rng = item_rng(seed, "call-response", index)
    place = _place_for(rng, index, places)
    theme = _weighted(rng, THEME_WEIGHTS)
    challenge = rng.choice(vocab.THEMES[theme].challenges)
    a, b = rng.sample(SOURCES, 2)
    return ResponseSpec(
        token=uuid.UUID(int=rng.getrandbits(128), version=4),
        municipality_code=place.code,
        role=_weighted(rng, ROLE_WEIGHTS),
        urgent=_slip(rng, _fill(rng.choice(URGENT_OPENINGS), {"challenge": challenge})),
        sources=_fill(rng.choice(SOURCE_TEMPLATES), {"a": a, "b": b}),
        learn=learning_text(rng),
        urgency=rng.choices([2, 3, 4, 5], weights=[1, 3, 4, 3])[0],
        submitted_at=start + timedelta(minutes=rng.randrange(0, 60 * 24 * 55)),
    )


def _seed_call() -> tuple[Call, bool]:
    existing = Call.objects.filter(slug=SEED_CALL_SLUG).first()
    if existing is not None:
        return existing, False
    call = Call.objects.create(
        title="Oproep: wat wil jij leren over leefbaarheid?",
        slug=SEED_CALL_SLUG,
        intro=SEED_INTRO,
        opens_at=datetime(2020, 12, 3, 9, 0, tzinfo=UTC),
        closes_at=datetime(2021, 2, 1, 0, 0, tzinfo=UTC),
        status=Call.Status.PUBLISHED,
        consent_text=CONSENT,
        thank_you_text="Dank je wel! We nemen je inbreng mee in de leeragenda.",
    )
    questions = (
        ("text", "Wat zijn de meest urgente of taaie vraagstukken in jouw gemeente?"),
        (
            "text",
            "Op welke manier vergaar jij kennis en inspiratie om om te gaan met "
            "leefbaarheidsvraagstukken?",
        ),
        ("text", "Wat zou jij nog meer willen leren en wat heb je daarvoor nodig?"),
        ("municipality", "In welke gemeente ben je actief?"),
        ("role", "Wat is je rol?"),
        ("scale", "Hoe urgent zijn deze vraagstukken in jouw gemeente?"),
    )
    Question.objects.bulk_create(
        Question(
            call=call,
            sort_order=order,
            kind=kind,
            label=label,
            required=kind in ("text", "municipality") and order != 1,
            yields_learning_questions=order == 2,
        )
        for order, (kind, label) in enumerate(questions)
    )
    return call, True


def _open_call() -> int:
    if Call.objects.filter(slug=OPEN_CALL_SLUG).exists():
        return 0
    now = timezone.now()
    call = Call.objects.create(
        title="Leren van elkaar: samenwerken in de wijk",
        slug=OPEN_CALL_SLUG,
        intro=OPEN_INTRO,
        opens_at=now - timedelta(days=7),
        closes_at=now + timedelta(days=90),
        status=Call.Status.PUBLISHED,
        consent_text=CONSENT,
    )
    Question.objects.bulk_create(
        Question(
            call=call,
            sort_order=order,
            kind=kind,
            label=label,
            required=required,
            yields_learning_questions=marked,
        )
        for order, (kind, label, required, marked) in enumerate(OPEN_CALL_QUESTIONS)
    )
    return 1


def load_seed_responses(
    call: Call, places: Sequence[Place], *, seed: int, count: int, log: Log
) -> int:
    """Add the generated responses the call does not have yet."""
    have = set(call.responses.values_list("token", flat=True))
    start = call.opens_at
    specs = [
        spec
        for spec in (
            generate_response(seed, index, places, start=start)
            for index in range(count)
        )
        if spec.token not in have
    ]
    if not specs:
        return 0
    questions = list(call.questions.order_by("sort_order"))
    municipalities = dict(Municipality.objects.values_list("code", "pk"))
    names = dict(Municipality.objects.values_list("code", "display_name"))
    with translation.override("nl"):
        role_labels = {kind.value: str(kind.label) for kind in PersonKind}
    with transaction.atomic():
        for spec in specs:
            municipality_id = municipalities[spec.municipality_code]
            response = Response.objects.create(
                call=call,
                token=spec.token,
                municipality_id=municipality_id,
                role=spec.role,
                consent_text=call.consent_text,
                consent_given_at=spec.submitted_at,
                retain_until=(
                    spec.submitted_at + timedelta(days=call.retention_days)
                ).date(),
            )
            values: tuple[tuple[str, list[str]], ...] = (
                (spec.urgent, []),
                (spec.sources, []),
                (spec.learn, []),
                (names[spec.municipality_code], [spec.municipality_code]),
                (role_labels[spec.role], [spec.role]),
                (str(spec.urgency), [str(spec.urgency)]),
            )
            Answer.objects.bulk_create(
                Answer(
                    response=response,
                    question=question,
                    question_label=question.label,
                    kind=question.kind,
                    text=text,
                    values=chosen,
                    municipality_id=municipality_id
                    if question.kind == "municipality"
                    else None,
                    position=position,
                )
                for position, (question, (text, chosen)) in enumerate(
                    zip(questions, values, strict=True)
                )
            )
            LearningQuestion.objects.create(
                text=spec.learn,
                call=call,
                response=response,
                source_question=questions[2],
                municipality_id=municipality_id,
                role=spec.role,
                urgency=spec.urgency,
            )
        # The generated moments, not the moment of loading.
        for spec in specs:
            Response.objects.filter(call=call, token=spec.token).update(
                submitted_at=spec.submitted_at
            )
            LearningQuestion.objects.filter(
                response__call=call, response__token=spec.token
            ).update(created_at=spec.submitted_at)
    log(f"  {len(specs):,} responses")
    return len(specs)


def load_national_questions(
    places: Sequence[Place], *, seed: int, count: int, log: Log
) -> int:
    """A national round of `count` learning questions, inserted in bulk."""
    if count <= 0:
        return 0
    call = Call.objects.filter(slug=NATIONAL_CALL_SLUG).first()
    if call is None:
        call = Call.objects.create(
            title="Landelijke leervragenronde",
            slug=NATIONAL_CALL_SLUG,
            intro="<p>Een landelijke ronde langs alle gemeenten.</p>",
            opens_at=datetime(2024, 3, 1, 9, 0, tzinfo=UTC),
            closes_at=datetime(2024, 6, 1, 0, 0, tzinfo=UTC),
            status=Call.Status.PUBLISHED,
            consent_text=CONSENT,
        )
        Question.objects.create(
            call=call,
            kind="text",
            label="Wat zou jij willen leren, en wat heb je daarvoor nodig?",
            yields_learning_questions=True,
        )
    have = LearningQuestion.objects.filter(call=call).count()
    if have >= count:
        return 0
    source = call.questions.first()
    municipalities = dict(Municipality.objects.values_list("code", "pk"))
    # Cumulative weights once, not per draw (342 municipalities, 100,000 draws).
    cumulative = list(accumulate(max(place.population, 1) for place in places))
    added = 0
    for start in range(have, count, BATCH):
        batch = []
        for index in range(start, min(start + BATCH, count)):
            rng = item_rng(seed, "national-question", index)
            place = rng.choices(places, cum_weights=cumulative)[0]
            batch.append(
                LearningQuestion(
                    text=learning_text(rng),
                    call=call,
                    source_question=source,
                    municipality_id=municipalities[place.code],
                    role=_weighted(rng, ROLE_WEIGHTS),
                    urgency=rng.choices([2, 3, 4, 5], weights=[1, 3, 4, 3])[0],
                )
            )
        with transaction.atomic():
            LearningQuestion.objects.bulk_create(batch, batch_size=1_000)
        added += len(batch)
        log(f"  {have + added:,} of {count:,} national learning questions")
    return added


def load_demo_calls(
    places: Sequence[Place], *, seed: int, national_questions: int, log: Log
) -> int:
    """The seed's closed call with its responses, an open call, a national round.

    Returns how many responses and learning questions were added.
    """
    call, _created = _seed_call()
    added = load_seed_responses(call, places, seed=seed, count=RESPONSES, log=log)
    added += _open_call()
    added += load_national_questions(
        places, seed=seed, count=national_questions, log=log
    )
    return added
