"""Learning questions for agenda tests: a call with questions that group clearly."""

from collections.abc import Sequence

from buurtwijs.calls.models import Call, LearningQuestion
from buurtwijs.calls.tests.factories import make_call
from buurtwijs.core.models import Municipality

LONELINESS = (
    "Hoe bereiken we eenzame ouderen in de wijk?",
    "Hoe vinden we eenzame ouderen die niemand meer zien?",
    "Hoe bereik je eenzame ouderen in onze buurt",
    "Hoe kunnen we eenzame ouderen in de wijk beter bereiken?",
)
ENERGY = (
    "Hoe richten we een energiecoöperatie op met zonnepanelen op het dorpshuis?",
    "Hoe start je een energiecoöperatie voor zonnepanelen in het dorp?",
    "Wat is nodig om een energiecoöperatie met zonnepanelen op te richten?",
)
GREEN = (
    "Hoe maken we van een tegelplein een groen speelplein voor kinderen?",
    "Hoe vergroenen we het schoolplein samen met de kinderen?",
)

PLACES = ("GM0344", "GM0363", "GM0599", "GM0518")
ROLES = ("resident", "professional", "policy_maker", "resident")


def make_questions(
    call: Call | None, texts: Sequence[str], *, start: int = 0
) -> list[LearningQuestion]:
    """Visible learning questions of a call, spread over places and roles."""
    places = {m.code: m for m in Municipality.objects.filter(code__in=PLACES)}
    return [
        LearningQuestion.objects.create(
            call=call,
            text=text,
            municipality=places[PLACES[(start + index) % len(PLACES)]],
            role=ROLES[(start + index) % len(ROLES)],
            urgency=4,
            vote_count=index % 3,
        )
        for index, text in enumerate(texts)
    ]


def make_call_with_questions() -> tuple[Call, list[LearningQuestion]]:
    call = make_call(slug="wat-wil-jij-leren")
    return call, make_questions(call, LONELINESS + ENERGY + GREEN)
