"""Generate plausible Dutch documents (statutes, plans, research …) with body text."""

import dataclasses
import datetime
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from buurtwijs.demo import names, vocab
from buurtwijs.demo.generate import (
    Place,
    Placement,
    hogeschool_for,
    initiative_name,
    item_rng,
    join_nl,
    keywords_for,
    name_context,
    neighbourhood_for,
    pick_themes,
    topics_for,
    weighted,
)


@dataclass(frozen=True)
class DocumentSpec:
    """A generated document without a file: its text stands in for the extraction."""

    title: str
    kind: str
    description: str
    extracted_text: str
    themes: tuple[str, ...]
    municipality_code: str | None
    licence: str
    deadline: datetime.date | None


@dataclass(frozen=True)
class DocumentContext:
    """What one generated document is about."""

    rng: random.Random
    place: Place
    local: bool
    neighbourhood: str
    organisation: str
    themes: tuple[str, ...]
    subject: str
    topics: list[str]
    challenge: str
    keywords: list[str]
    year: int

    @property
    def where(self) -> str:
        """The neighbourhood and municipality, or just the municipality."""
        return f"{self.neighbourhood} in {self.place.name}"


KIND_WEIGHTS = {
    "projectplan": 20,
    "onderzoek": 18,
    "handreiking": 18,
    "subsidie": 14,
    "pilotidee": 12,
    "statuten": 10,
    "beeldmateriaal": 8,
}
ORGANISATION_KINDS = (
    "buurtcooperatie",
    "zorgcooperatie",
    "energiecooperatie",
    "dorpshuis",
    "wijkcentrum",
    "stadscooperatie",
)
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
STEPS = (
    "een buurtgesprek met bewoners en partners",
    "het werven van vrijwilligers",
    "een proefperiode van drie maanden",
    "het vastleggen van afspraken over beheer en verantwoordelijkheden",
    "een evaluatie met alle deelnemers",
    "het delen van de resultaten met de gemeente en andere initiatieven",
)
GOALS = (
    "dat minstens vijftig buurtbewoners actief meedoen",
    "dat de activiteit zonder subsidie kan blijven bestaan",
    "dat bewoners en professionals elkaar beter weten te vinden",
    "dat de opzet ook in andere wijken bruikbaar is",
)
FINDINGS = (
    "bewoners het verschil maken wanneer ze echt zeggenschap krijgen",
    "de samenwerking staat of valt met een vast aanspreekpunt bij de gemeente",
    "vrijwilligers overbelast raken als de taken niet worden verdeeld",
    "tijdelijke projectsubsidies het opbouwen van vertrouwen in de weg zitten",
    "professionals hun rol moeten herzien: minder sturen, meer ondersteunen",
    "de opbrengsten vaak pas na enkele jaren zichtbaar worden",
)


STEP_PATTERNS = (
    "Begin met {}.",
    "Zorg vervolgens voor {}.",
    "Plan daarna {}.",
    "Sluit af met {}.",
)


def steps_in_order(rng: random.Random, count: int) -> list[str]:
    """A few of the steps, in the order they are listed (and done)."""
    return [STEPS[i] for i in sorted(rng.sample(range(len(STEPS)), count))]


def euro(amount: int) -> str:
    """'€ 12.500', with the Dutch thousands separator."""
    return "€ " + f"{amount:,}".replace(",", ".")


def dutch_date(day: datetime.date) -> str:
    """'1 maart 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def title_and_text(ctx: DocumentContext, kind: str) -> tuple[str, str, str]:
    """The title, a short description and the body text of a document."""
    return WRITERS[kind](ctx)


def write_statutes(ctx: DocumentContext) -> tuple[str, str, str]:
    """Statutes of a cooperative, association or village hall."""
    form = "coöperatie" if "oöperatie" in ctx.organisation else "vereniging"
    board = ctx.rng.choice(("drie", "vijf", "zeven"))
    title = f"Statuten {ctx.organisation}"
    if not ctx.local:
        title = f"Modelstatuten voor een {form} in de buurt"
    description = (
        f"De statuten van {ctx.organisation}: doel, leden, bestuur en geldmiddelen. "
        "Vrij te gebruiken als voorbeeld."
    )
    body = [
        f"Statuten van {ctx.organisation}",
        f"Artikel 1 – Naam en zetel. De {form} draagt de naam {ctx.organisation} en "
        f"is gevestigd in de gemeente {ctx.place.name}.",
        f"Artikel 2 – Doel. De {form} heeft ten doel de leefbaarheid in "
        f"{ctx.neighbourhood} te vergroten, in het bijzonder door "
        f"{join_nl(ctx.topics[:2])}.",
        f"Artikel 3 – Leden. Lid kunnen worden mensen die in {ctx.neighbourhood} "
        "wonen of werken en organisaties die het doel onderschrijven. Het bestuur "
        "beslist over toelating; tegen een weigering staat beroep open bij de "
        "algemene vergadering.",
        f"Artikel 4 – Bestuur. Het bestuur bestaat uit ten minste {board} leden, "
        "die door de algemene vergadering uit de leden worden benoemd voor een "
        "periode van drie jaar. Aftredende bestuurders zijn eenmaal herbenoembaar.",
        "Artikel 5 – Algemene vergadering. Jaarlijks binnen zes maanden na afloop "
        "van het boekjaar legt het bestuur verantwoording af over het beleid en de "
        "financiën.",
        "Artikel 6 – Geldmiddelen. De middelen bestaan uit contributies, subsidies, "
        "giften en de opbrengst van diensten aan buurtbewoners.",
        f"Artikel 7 – Ontbinding. Een batig saldo komt ten goede aan een doel in "
        f"{ctx.neighbourhood} dat zo dicht mogelijk bij het doel van de {form} ligt.",
    ]
    return title, description, "\n\n".join(body)


def write_project_plan(ctx: DocumentContext) -> tuple[str, str, str]:
    """A project plan with reason, goal, approach and budget."""
    steps = steps_in_order(ctx.rng, 3)
    amount = ctx.rng.randrange(2_500, 60_000, 500)
    title = f"Projectplan {ctx.subject} {ctx.neighbourhood}"
    description = f"Plan van {ctx.organisation} voor {ctx.topics[0]} in {ctx.where}."
    body = [
        f"Aanleiding. Bewoners van {ctx.where} merkten dat {ctx.challenge}. Samen "
        "met partners willen ze daar iets aan doen.",
        f"Doel. Met dit project werken we aan {ctx.topics[0]}. Na twee jaar willen "
        f"we {ctx.rng.choice(GOALS)}.",
        f"Aanpak. We beginnen met {steps[0]}. Daarna volgt {steps[1]}. Tot slot "
        f"{steps[2]}.",
        f"Wie doen er mee. {ctx.organisation}, de gemeente {ctx.place.name} en "
        f"partners uit de wijk. Thema's: {join_nl(ctx.keywords)}.",
        f"Begroting. De kosten bedragen naar schatting {euro(amount)}. Een deel "
        "vragen we aan bij fondsen; de rest brengen we in als vrijwillige inzet.",
    ]
    return title, description, "\n\n".join(body)


def write_pilot(ctx: DocumentContext) -> tuple[str, str, str]:
    """A short pilot idea: what, why here, what to learn."""
    title = f"Pilotidee: {ctx.subject} in {ctx.place.name}"
    description = (
        f"Een idee voor een proef met {ctx.topics[0]}, op te pakken in {ctx.year}."
    )
    body = [
        f"Het idee. We willen een half jaar proefdraaien met {ctx.topics[0]} in "
        f"{ctx.where}.",
        f"Waarom hier en nu. We merkten dat {ctx.challenge}, en daar is nog geen "
        "passend antwoord op.",
        f"Wat we willen leren. Of {ctx.topics[-1]} bewoners bereikt die nu buiten "
        "beeld blijven, en wat het vraagt van vrijwilligers en professionals.",
        "Wat we nodig hebben. Een ruimte, een kleine startsubsidie en een "
        "onderzoeker die meekijkt.",
    ]
    return title, description, "\n\n".join(body)


# The share of funding schemes that close within CLOSING_SOON_DAYS of the run's day,
# so that the library's "closing soon" list is never empty in a demo.
CLOSING_SOON_SHARE = 0.1
CLOSING_SOON_DAYS = 35


def write_funding(
    ctx: DocumentContext, today: datetime.date | None = None
) -> tuple[str, str, str, datetime.date]:
    """A funding scheme with its conditions and deadline."""
    if today is not None and ctx.rng.random() < CLOSING_SOON_SHARE:
        deadline = today + datetime.timedelta(
            days=ctx.rng.randint(1, CLOSING_SOON_DAYS)
        )
    else:
        deadline = datetime.date(
            ctx.rng.randint(2025, 2027), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28)
        )
    amount = ctx.rng.choice((2_500, 5_000, 10_000, 25_000))
    if ctx.local:
        title = f"Subsidieregeling {ctx.subject} {ctx.place.name} {deadline.year}"
        giver = f"De gemeente {ctx.place.name}"
    else:
        funder = ctx.rng.choice(names.FUNDERS[:5])
        title = f"{funder}: aanvraagronde {ctx.subject} {deadline.year}"
        giver = funder
    description = (
        f"Bijdrage tot {euro(amount)} voor initiatieven rond het thema "
        f"{ctx.subject}. Aanvragen uiterlijk {dutch_date(deadline)}."
    )
    body = [
        f"Voor wie. {giver} ondersteunt bewonersinitiatieven, buurtcoöperaties en "
        f"stichtingen die werken aan {join_nl(ctx.keywords)}.",
        "Wat wordt vergoed. Kosten voor activiteiten, materiaal en begeleiding, "
        f"tot een maximum van {euro(amount)} per aanvraag. "
        "Vrijwilligersvergoedingen mogen worden meegenomen.",
        "Hoe vraag je aan. Beschrijf in maximaal twee pagina's wat je wilt doen, "
        "wie er meedoen en hoe bewoners zeggenschap hebben. Voeg een begroting toe.",
        f"Deadline. Aanvragen moeten uiterlijk {dutch_date(deadline)} binnen zijn.",
    ]
    return title, description, "\n\n".join(body), deadline


def write_research(ctx: DocumentContext) -> tuple[str, str, str]:
    """A research report: question, method, findings, recommendations."""
    institute = hogeschool_for(ctx.rng, ctx.place)
    findings = ctx.rng.sample(FINDINGS, 2)
    if ctx.local:
        title = ctx.rng.choice(
            (
                f"Onderzoek naar {ctx.subject} in {ctx.place.name}",
                f"Evaluatie {ctx.subject} {ctx.neighbourhood} ({ctx.year})",
            )
        )
    else:
        title = f"Verkenning: {ctx.subject} in dorpen en wijken ({ctx.year})"
    description = f"Praktijkgericht onderzoek van {institute} naar {ctx.subject}."
    body = [
        f"Samenvatting. Dit onderzoek van {institute} gaat over {ctx.subject}. "
        f"Aanleiding was dat {ctx.challenge}.",
        f"Onderzoeksvraag. Wat levert {ctx.topics[0]} op voor bewoners, en wat "
        "vraagt het van de samenwerking tussen bewoners, professionals en gemeente?",
        f"Methode. Interviews met bewoners en professionals, deelnemende observatie "
        f"en een groepsgesprek in {ctx.place.name}.",
        f"Bevindingen. Uit het onderzoek blijkt dat {findings[0]}. Ook zien we dat "
        f"{findings[1]}.",
        f"Aanbevelingen. Investeer in {join_nl(ctx.keywords)} en geef initiatieven "
        "de tijd: duurzame verandering in de wijk kost jaren.",
    ]
    return title, description, "\n\n".join(body)


def write_guide(ctx: DocumentContext) -> tuple[str, str, str]:
    """A step-by-step guide."""
    steps = steps_in_order(ctx.rng, 4)
    title = ctx.rng.choice(
        (
            f"Handreiking {ctx.subject}",
            f"Stappenplan {ctx.subject}",
            f"Tien lessen over {ctx.subject}",
        )
    )
    if ctx.local:
        title = f"{title} ({ctx.place.name})"
    description = (
        "Praktische handreiking voor bewoners en professionals, met lessen over "
        f"{ctx.subject}."
    )
    body = [
        f"Waarom deze handreiking. Steeds meer initiatieven werken aan "
        f"{ctx.topics[0]}. Wat wij in {ctx.place.name} leerden, zetten we hier op "
        "een rij.",
        *(
            f"Stap {number}. {pattern.format(step)}"
            for number, (pattern, step) in enumerate(
                zip(STEP_PATTERNS, steps, strict=True), start=1
            )
        ),
        f"Valkuilen. Let op dat {ctx.rng.choice(FINDINGS)}.",
    ]
    return title, description, "\n\n".join(body)


def write_images(ctx: DocumentContext) -> tuple[str, str, str]:
    """A set of photos or an infographic, described in words."""
    title = ctx.rng.choice(
        (
            f"Fotoverslag {ctx.subject} {ctx.neighbourhood}",
            f"Infographic {ctx.subject} {ctx.place.name}",
            f"Posterset {ctx.subject}",
        )
    )
    description = f"Beeldmateriaal over {ctx.topics[0]}, vrij te gebruiken met naam."
    body = [
        f"Deze beelden laten zien hoe {ctx.organisation} werkt aan {ctx.topics[0]}.",
        f"Ze zijn gemaakt in {ctx.where} in {ctx.year}, met toestemming van de "
        "mensen die erop staan.",
        f"Gebruik ze gerust om het gesprek te voeren over {join_nl(ctx.keywords)}.",
    ]
    return title, description, "\n\n".join(body)


WRITERS: dict[str, Callable[[DocumentContext], tuple[str, str, str]]] = {
    "statuten": write_statutes,
    "projectplan": write_project_plan,
    "pilotidee": write_pilot,
    "onderzoek": write_research,
    "handreiking": write_guide,
    "beeldmateriaal": write_images,
}


def generate_document(
    seed: int, index: int, placement: Placement, today: datetime.date | None = None
) -> DocumentSpec:
    """Document number `index` of the run with this seed (title not yet unique).

    With `today`, some funding schemes close in the weeks after it.
    """
    rng = item_rng(seed, "document", index)
    place = placement.pick(rng, index)
    kind = weighted(rng, KIND_WEIGHTS)
    organisation_kind = rng.choice(ORGANISATION_KINDS)
    themes = pick_themes(rng, organisation_kind)[:2]
    neighbourhood = neighbourhood_for(rng, place)
    context = name_context(rng, place, neighbourhood)
    main = vocab.THEMES[themes[0]]
    ctx = DocumentContext(
        rng=rng,
        place=place,
        local=rng.random() < 0.85,
        neighbourhood=neighbourhood,
        organisation=initiative_name(rng, organisation_kind, themes, context),
        themes=themes,
        subject=rng.choice(main.subjects),
        topics=topics_for(rng, themes, 2),
        challenge=rng.choice(main.challenges),
        keywords=keywords_for(rng, themes, 3),
        year=rng.randint(2015, 2025),
    )
    deadline = None
    if kind == "subsidie":
        title, description, text, deadline = write_funding(ctx, today)
    else:
        title, description, text = title_and_text(ctx, kind)
    licences = [licence for licence, _ in names.LICENCES]
    weights = [weight for _, weight in names.LICENCES]
    return DocumentSpec(
        title=title[:250],
        kind=kind,
        description=description,
        extracted_text=text,
        themes=themes,
        municipality_code=place.code if ctx.local else None,
        licence=rng.choices(licences, weights=weights)[0],
        deadline=deadline,
    )


def generate_documents(
    places: Sequence[Place],
    *,
    seed: int,
    count: int,
    today: datetime.date | None = None,
) -> list[DocumentSpec]:
    """The first `count` generated documents, their titles made unique in order."""
    placement = Placement(places, seed=seed, salt="document")
    documents: list[DocumentSpec] = []
    seen: dict[str, int] = {}
    for index in range(count):
        spec = generate_document(seed, index, placement, today)
        # A title can come up twice; number the later ones so the title can serve
        # as the document's identity when the command runs again.
        number = seen.get(spec.title, 0) + 1
        seen[spec.title] = number
        if number > 1:
            title = f"{spec.title[:240]} ({number})"
            seen[title] = 1
            spec = dataclasses.replace(spec, title=title)
        documents.append(spec)
    return documents
