"""Generate plausible Dutch initiatives and people in memory, deterministically.

Item n of a kind always comes from its own random generator seeded with the run's
seed, the kind and n, so a larger run starts with exactly the items of a smaller one:
`--scale national` after `--scale demo` only adds what is missing.
"""

import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from django.utils.text import slugify

from buurtwijs.core.reference_data import read_themes
from buurtwijs.demo import names, vocab


@dataclass(frozen=True)
class Place:
    """A municipality as the generator sees it: plain values, no database row."""

    code: str
    name: str
    province_code: str
    province: str
    population: int
    area_km2: float
    latitude: float
    longitude: float

    @property
    def urban(self) -> bool:
        """Large enough for city neighbourhood names."""
        return self.population >= 60_000


@dataclass(frozen=True)
class PartnerSpec:
    """One partner of a generated initiative."""

    name: str
    role: str
    contribution: str


@dataclass(frozen=True)
class InitiativeSpec:
    """A generated initiative with its partners and theme slugs."""

    slug: str
    name: str
    kind: str
    municipality_code: str
    neighbourhood: str
    latitude: float
    longitude: float
    founded_year: int | None
    summary: str
    description: str
    themes: tuple[str, ...]
    contact_email: str
    status: str
    partners: tuple[PartnerSpec, ...] = field(default=())


@dataclass(frozen=True)
class PersonSpec:
    """A generated person: a profile without an account."""

    slug: str
    name: str
    organisation: str
    municipality_code: str | None
    kind: str
    expertise: str
    themes: tuple[str, ...]
    is_public: bool
    show_organisation: bool
    show_municipality: bool
    show_kind: bool
    show_expertise: bool
    show_themes: bool


class Placement:
    """Chooses municipalities: every other item walks all provinces, the rest by size.

    The walk interleaves provinces, so the first twelve walked items cover all twelve
    and small municipalities appear even in a small run; the other items are drawn
    weighted by population, as initiatives and people are in reality.
    """

    def __init__(self, places: Sequence[Place], *, seed: int, salt: str) -> None:
        self.places = sorted(places, key=lambda place: place.code)
        self.cum_weights = list(
            itertools.accumulate(max(place.population, 1_000) for place in self.places)
        )
        rng = random.Random(f"{seed}:{salt}:coverage")
        groups: dict[str, list[Place]] = {}
        for place in self.places:
            groups.setdefault(place.province_code, []).append(place)
        for group in groups.values():
            rng.shuffle(group)
        ordered = [groups[code] for code in sorted(groups)]
        self.coverage = [
            group[i]
            for i in range(max((len(group) for group in ordered), default=0))
            for group in ordered
            if i < len(group)
        ]

    def pick(self, rng: random.Random, index: int) -> Place:
        """The municipality for item `index`."""
        if index % 2 == 0 and index // 2 < len(self.coverage):
            return self.coverage[index // 2]
        return rng.choices(self.places, cum_weights=self.cum_weights)[0]


@cache
def theme_keywords() -> dict[str, tuple[str, ...]]:
    """The words each theme covers, from the shipped taxonomy file."""
    return {theme["slug"]: tuple(theme["keywords"]) for theme in read_themes()}


def item_rng(seed: int, kind: str, index: int) -> random.Random:
    """The random generator of one generated item."""
    return random.Random(f"{seed}:{kind}:{index}")


def join_nl(items: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def capitalise(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter only."""
    return text[:1].lower() + text[1:]


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    """One key of `weights`, drawn by weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def neighbourhood_for(rng: random.Random, place: Place) -> str:
    """A neighbourhood name that suits the size of the municipality."""
    if place.urban or rng.random() < 0.35:
        return rng.choice(names.URBAN_NEIGHBOURHOODS)
    return rng.choice(names.VILLAGE_NEIGHBOURHOODS)


def jitter(rng: random.Random, place: Place) -> tuple[float, float]:
    """A point near the municipality's centroid, spread by its area."""
    radius = 0.25 * math.sqrt(max(place.area_km2, 4.0)) / 111.0
    latitude = place.latitude + rng.gauss(0, radius)
    longitude = place.longitude + rng.gauss(0, radius) / math.cos(
        math.radians(place.latitude)
    )
    return round(latitude, 5), round(longitude, 5)


def pick_themes(rng: random.Random, kind: str) -> tuple[str, ...]:
    """One to three themes that fit the kind of initiative, the first the main one."""
    required, optional = vocab.KIND_THEMES[kind]
    chosen = list(required)
    pool = [slug for slug in optional if slug not in chosen]
    extra = rng.randint(0 if chosen else 1, 2)
    chosen += rng.sample(pool, min(extra, len(pool)))
    return tuple(chosen)


def name_context(
    rng: random.Random, place: Place, neighbourhood: str
) -> dict[str, str]:
    """Values for the placeholders of name patterns."""
    return {
        "wijk": neighbourhood or place.name,
        "plaats": place.name,
        "provincie": place.province,
        "vogel": rng.choice(names.BIRDS),
        "boom": rng.choice(names.TREES),
        "huis": rng.choice(names.HOUSE_NAMES),
        "achternaam": rng.choice(names.SURNAMES)[1],
    }


def initiative_name(
    rng: random.Random, kind: str, themes: Sequence[str], context: dict[str, str]
) -> str:
    """A name in the style of the kind, or of the main theme for residents' groups."""
    if kind in vocab.KIND_NAMES:
        pattern = rng.choice(vocab.KIND_NAMES[kind])
    else:
        pattern = rng.choice(vocab.THEME_NAMES[themes[0]])
    return pattern.format(**context)


def hogeschool_for(rng: random.Random, place: Place) -> str:
    """A university of applied sciences in or near the province."""
    return rng.choice(names.HOGESCHOLEN.get(place.province_code, ("Movisie",)))


def lectoraat_for(rng: random.Random, themes: Sequence[str]) -> str:
    """A research group, most often one that fits the main theme."""
    if rng.random() < 0.75:
        return rng.choice(names.THEME_LECTORATEN[themes[0]])
    return rng.choice(names.LECTORATEN)


def partner_name(
    rng: random.Random,
    role: str,
    place: Place,
    themes: Sequence[str],
    context: dict[str, str],
) -> str:
    """A plausible name for a partner in a given role."""
    if role == "municipality":
        return f"Gemeente {place.name}"
    if role == "knowledge_institution":
        if rng.random() < 0.2:
            return rng.choice(names.NATIONAL_KNOWLEDGE)
        return f"{hogeschool_for(rng, place)}, lectoraat {lectoraat_for(rng, themes)}"
    if role == "funder":
        special = [names.THEME_FUNDERS[t] for t in themes if t in names.THEME_FUNDERS]
        pattern = rng.choice(special) if special and rng.random() < 0.5 else None
        return (pattern or rng.choice(names.FUNDERS)).format(**context)
    patterns = {
        "residents": names.RESIDENT_PARTNERS,
        "entrepreneurs": names.ENTREPRENEURS,
        "social_institution": names.SOCIAL_INSTITUTIONS,
        "housing_corporation": names.HOUSING_CORPORATIONS,
    }[role]
    return rng.choice(patterns).format(**context)


PARTNER_ROLE_WEIGHTS = {
    "social_institution": 30,
    "entrepreneurs": 18,
    "housing_corporation": 18,
    "funder": 18,
    "knowledge_institution": 10,
}


def make_partners(
    rng: random.Random, place: Place, themes: Sequence[str], context: dict[str, str]
) -> tuple[PartnerSpec, ...]:
    """Two to six partners, mostly residents and the municipality plus others."""
    count = rng.randint(2, 6)
    roles: list[str] = []
    if rng.random() < 0.9:
        roles.append("residents")
    if rng.random() < 0.75:
        roles.append("municipality")
    while len(roles) < count:
        roles.append(weighted(rng, PARTNER_ROLE_WEIGHTS))
    partners: list[PartnerSpec] = []
    seen: set[str] = set()
    for role in roles[:count]:
        name = partner_name(rng, role, place, themes, context)
        if name in seen:
            continue
        seen.add(name)
        contribution = rng.choice(names.CONTRIBUTIONS[role])
        partners.append(PartnerSpec(name=name, role=role, contribution=contribution))
    return tuple(partners)


def topics_for(rng: random.Random, themes: Sequence[str], count: int) -> list[str]:
    """Distinct activity phrases from the given themes, the main theme first."""
    topics: list[str] = []
    for slug in itertools.islice(itertools.cycle(themes), count * 3):
        topic = rng.choice(vocab.THEMES[slug].topics)
        if topic not in topics:
            topics.append(topic)
        if len(topics) == count:
            break
    return topics


def keywords_for(rng: random.Random, themes: Sequence[str], count: int) -> list[str]:
    """Distinct keywords of the given themes."""
    pool = sorted({word for slug in themes for word in theme_keywords()[slug]})
    return rng.sample(pool, min(count, len(pool)))


# Dutch 'het' words take 'dat' as relative pronoun, 'de' words take 'die'.
NEUTER_LABELS = {
    "bewonersinitiatief",
    "dorpshuis",
    "wijkcentrum",
    "netwerk",
    "initiatief",
}


def describe_initiative(
    rng: random.Random,
    *,
    name: str,
    kind: str,
    where: str,
    year: int | None,
    themes: Sequence[str],
    partners: Sequence[PartnerSpec],
) -> tuple[str, str]:
    """A one-sentence summary and a description of a few paragraphs."""
    label = vocab.KIND_LABELS[kind]
    topics = topics_for(rng, themes, 3)
    challenge = rng.choice(vocab.THEMES[themes[0]].challenges)
    relative = "dat" if label in NEUTER_LABELS else "die"
    summary = rng.choice(
        (
            f"{capitalise(label)} in {where} {relative} werkt aan {topics[0]}.",
            f"Bewoners in {where} zetten zich samen in voor {topics[0]}.",
            f"{capitalise(label)} in {where}: {join_nl(topics[:2])}.",
        )
    )
    when = f"in {year}" if year else "een aantal jaar geleden"
    opening = rng.choice(
        (
            f"{name} is {when} opgericht door bewoners van {where} die zagen dat "
            f"{challenge}.",
            f"{name} ontstond {when}, toen buurtgenoten in {where} merkten dat "
            f"{challenge}.",
            f"In {where} merkten bewoners dat {challenge}. Met {name} namen ze het "
            "heft in eigen hand.",
        )
    )
    keywords = keywords_for(rng, themes, 2)
    activities = (
        f"We werken aan {join_nl(topics)}. Onderwerpen die steeds terugkomen zijn "
        f"{join_nl(keywords)}."
    )
    others = [partner for partner in partners if partner.role != "residents"]
    if others:
        verb = "denkt" if len(others) == 1 else "denken"
        example = rng.choice(others)
        collaboration = (
            f"Dat doen we niet alleen: {join_nl([p.name for p in others])} {verb} "
            f"mee. Wat {example.name} bijdraagt: {lower_first(example.contribution)}"
        )
    else:
        collaboration = "Alles draait op de inzet van buurtbewoners zelf."
    closing = rng.choice(names.CLOSINGS)
    return summary, "\n\n".join((opening, activities, collaboration, closing))


def kind_weights(place: Place) -> dict[str, int]:
    """Kinds of initiative by size of place: village halls in villages, and so on."""
    weights = dict(vocab.KIND_WEIGHTS)
    if place.population >= 100_000:
        weights["dorpshuis"] = 2
    elif place.population < 50_000:
        weights.update(dorpshuis=22, wijkcentrum=5, stadscooperatie=0)
    return weights


def generate_initiative(seed: int, index: int, placement: Placement) -> InitiativeSpec:
    """Initiative number `index` of the run with this seed."""
    rng = item_rng(seed, "initiative", index)
    place = placement.pick(rng, index)
    kind = weighted(rng, kind_weights(place))
    themes = pick_themes(rng, kind)
    city_wide = kind in {"stadscooperatie", "netwerk"}
    neighbourhood = "" if city_wide else neighbourhood_for(rng, place)
    context = name_context(rng, place, neighbourhood)
    name = initiative_name(rng, kind, themes, context)
    # A name without the neighbourhood often stands for the whole municipality.
    if neighbourhood and neighbourhood not in name and rng.random() < 0.5:
        neighbourhood = ""
    earliest, latest = vocab.KIND_YEARS[kind]
    year = rng.randint(earliest, latest) if rng.random() < 0.85 else None
    partners = make_partners(rng, place, themes, context)
    where = f"{neighbourhood}, {place.name}" if neighbourhood else place.name
    summary, description = describe_initiative(
        rng,
        name=name,
        kind=kind,
        where=where,
        year=year,
        themes=themes,
        partners=partners,
    )
    latitude, longitude = jitter(rng, place)
    base = slugify(name)[:190] or "initiatief"
    slug = f"{base}-{index + 1}"
    return InitiativeSpec(
        slug=slug,
        name=name,
        kind=kind,
        municipality_code=place.code,
        neighbourhood=neighbourhood,
        latitude=latitude,
        longitude=longitude,
        founded_year=year,
        summary=summary[:300],
        description=description,
        themes=themes,
        contact_email=f"info@{slug}.example",
        status="published" if rng.random() < 0.96 else "pending",
        partners=partners,
    )


def generate_initiatives(
    places: Sequence[Place], *, seed: int, count: int
) -> list[InitiativeSpec]:
    """The first `count` generated initiatives of the run with this seed."""
    placement = Placement(places, seed=seed, salt="initiative")
    return [generate_initiative(seed, index, placement) for index in range(count)]


PERSON_KIND_WEIGHTS = {
    "resident": 38,
    "professional": 27,
    "entrepreneur": 13,
    "policy_maker": 12,
    "researcher": 10,
}
PERSON_THEME_POOL = tuple(vocab.THEMES)


def person_name(rng: random.Random) -> str:
    """A Dutch full name: first name, optional tussenvoegsel, surname."""
    first = rng.choice(names.FIRST_NAMES)
    prefix, surname = rng.choice(names.SURNAMES)
    return " ".join(part for part in (first, prefix, surname) if part)


def person_work(
    rng: random.Random, kind: str, place: Place, themes: Sequence[str]
) -> tuple[str, str]:
    """The organisation of a person and a sentence about what they do there."""
    neighbourhood = neighbourhood_for(rng, place)
    context = name_context(rng, place, neighbourhood)
    subject = rng.choice(vocab.THEMES[themes[0]].subjects)
    topic = rng.choice(vocab.THEMES[themes[0]].topics)
    if kind == "resident":
        if rng.random() < 0.45:
            return "", f"Woont in {neighbourhood} en helpt mee met {topic}."
        initiative_kind = weighted(rng, vocab.KIND_WEIGHTS)
        organisation = initiative_name(
            rng, initiative_kind, pick_themes(rng, initiative_kind), context
        )
        return organisation, rng.choice(
            (
                f"Vrijwilliger bij {organisation}.",
                f"Bestuurslid van {organisation}, met het oog op {subject}.",
                f"Trekker van {topic} bij {organisation}.",
            )
        )
    if kind == "professional":
        job = rng.choice(names.PROFESSIONAL_JOBS)
        pattern = rng.choice(names.SOCIAL_INSTITUTIONS + names.HOUSING_CORPORATIONS)
        organisation = pattern.format(**context)
        return organisation, f"Werkt als {job} in {neighbourhood}, {place.name}."
    if kind == "policy_maker":
        if rng.random() < 0.85:
            organisation = f"Gemeente {place.name}"
        else:
            organisation = rng.choice(
                (f"Provincie {place.province}", "Ministerie van BZK", "VNG")
            )
        return organisation, f"Beleidsadviseur {subject} bij {organisation}."
    if kind == "researcher":
        if rng.random() < 0.8:
            organisation = hogeschool_for(rng, place)
            lectoraat = lectoraat_for(rng, themes)
            return organisation, (
                f"Docent-onderzoeker bij het lectoraat {lectoraat}, met de nadruk "
                f"op {subject}."
            )
        organisation = rng.choice(names.NATIONAL_KNOWLEDGE)
        return organisation, f"Onderzoeker en adviseur op het gebied van {subject}."
    organisation = rng.choice(names.ENTREPRENEURS[1:]).format(**context)
    return organisation, f"Ondernemer in {neighbourhood} en betrokken bij {topic}."


def generate_person(seed: int, index: int, placement: Placement) -> PersonSpec:
    """Person number `index` of the run with this seed."""
    rng = item_rng(seed, "person", index)
    place = placement.pick(rng, index)
    kind = weighted(rng, PERSON_KIND_WEIGHTS)
    name = person_name(rng)
    themes = tuple(rng.sample(PERSON_THEME_POOL, rng.randint(1, 3)))
    organisation, sentence = person_work(rng, kind, place, themes)
    keywords = keywords_for(rng, themes, rng.randint(2, 4))
    expertise = f"O.a. bezig met: {join_nl(keywords)}. {sentence}"
    shown = [rng.random() < 0.85 for _ in range(5)]
    return PersonSpec(
        slug=f"{slugify(name)[:60] or 'persoon'}-{index + 1}",
        name=name,
        organisation=organisation[:200],
        municipality_code=place.code if rng.random() < 0.97 else None,
        kind=kind,
        expertise=expertise[:2000],
        themes=themes,
        is_public=rng.random() < 0.65,
        show_organisation=shown[0],
        show_municipality=shown[1],
        show_kind=shown[2],
        show_expertise=shown[3],
        show_themes=shown[4],
    )


def generate_people(
    places: Sequence[Place], *, seed: int, count: int
) -> list[PersonSpec]:
    """The first `count` generated people of the run with this seed."""
    placement = Placement(places, seed=seed, salt="person")
    return [generate_person(seed, index, placement) for index in range(count)]
