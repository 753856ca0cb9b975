"""Calls as editors build them, and responses as the form sends them."""

import time
import uuid
from datetime import timedelta
from typing import Any

from django.utils import timezone

from buurtwijs.calls.models import Call, Question
from buurtwijs.core.antispam import form_started_token

CONSENT = (
    "Ik geef toestemming om mijn antwoorden te gebruiken voor de leeragenda. "
    "Mijn antwoorden worden twee jaar bewaard."
)


def make_call(
    *,
    slug: str = "wat-wil-jij-leren",
    opens_in: timedelta = timedelta(days=-1),
    closes_in: timedelta | None = timedelta(days=30),
    **fields: Any,
) -> Call:
    """A published call with the seed's three questions, place, role and urgency."""
    now = timezone.now()
    call = Call.objects.create(
        title=fields.pop("title", "Wat wil jij leren over leefbaarheid?"),
        slug=slug,
        intro="<p>Deel je ervaring met taaie vraagstukken in je wijk.</p>",
        opens_at=now + opens_in,
        closes_at=now + closes_in if closes_in is not None else None,
        status=fields.pop("status", Call.Status.PUBLISHED),
        consent_text=fields.pop("consent_text", CONSENT),
        **fields,
    )
    questions = [
        Question(
            kind="text",
            label="Wat zijn de meest urgente of taaie vraagstukken in jouw gemeente?",
        ),
        Question(
            kind="text",
            label="Hoe vergaar jij kennis en inspiratie?",
            required=False,
        ),
        Question(
            kind="text",
            label="Wat zou jij nog meer willen leren en wat heb je daarvoor nodig?",
            yields_learning_questions=True,
        ),
        Question(kind="municipality", label="In welke gemeente werk of woon je?"),
        Question(kind="role", label="Wat is je rol?", required=False),
        Question(kind="themes", label="Welke thema's spelen?", required=False),
        Question(kind="scale", label="Hoe urgent is dit?", required=False),
        Question(
            kind="multiple",
            label="Waar haal je kennis vandaan?",
            choices="Collega's\nInternet\nBijeenkomsten",
            required=False,
        ),
        Question(
            kind="single",
            label="Wil je meedoen aan een leernetwerk?",
            choices="Ja\nNee\nMisschien",
            required=False,
        ),
    ]
    for order, question in enumerate(questions):
        question.call = call
        question.sort_order = order
        question.save()
    return call


def question(call: Call, kind: str, *, marked: bool | None = None) -> Question:
    """The call's first question of a kind (marked: with learning questions)."""
    questions = call.questions.filter(kind=kind)
    if marked is not None:
        questions = questions.filter(yields_learning_questions=marked)
    return questions.order_by("sort_order").first()  # type: ignore[return-value]


TEXT_ANSWERS = (
    "Armoede en eenzaamheid stapelen zich op in onze wijk.",
    "Via collega's en de nieuwsbrief van het platform.",
    "Hoe houden we vrijwilligers vast als de subsidie stopt?",
)
OTHER_ANSWERS: dict[str, Any] = {
    "municipality": "Utrecht",
    "role": "professional",
    "themes": ["armoede-en-schulden", "ontmoeting-en-eenzaamheid"],
    "scale": "4",
    "multiple": ["Collega's", "Internet"],
    "single": "Ja",
}


def response_data(call: Call, **overrides: Any) -> dict[str, Any]:
    """A complete, genuine POST of the call's form (started a minute ago)."""
    data: dict[str, Any] = {
        "token": str(uuid.uuid4()),
        "started": form_started_token(time.time() - 60),
        "website_url": "",
        "consent": "on",
    }
    texts = iter(TEXT_ANSWERS)
    for q in call.questions.order_by("sort_order"):
        if q.kind == "text":
            data[f"vraag_{q.pk}"] = next(texts, "Nog een antwoord.")
        else:
            data[f"vraag_{q.pk}"] = OTHER_ANSWERS[q.kind]
    data.update(overrides)
    return data
