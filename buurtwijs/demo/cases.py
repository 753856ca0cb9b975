"""Practice cases for the demo: the book's named cases, and generated ones in bulk.

The named cases are the practice examples the network's sources mention from the book
"Plekken van hoop en verandering" (2019). The sources name them and the questions the
book asks of every case, not what each case found, so their pages say only that and
point to the book; nothing about their drivers or results is made up.

Generated case n is written about a generated initiative (every fourth published one,
so the demo and national runs start with the same cases) and takes over its place,
themes and partners; what drove each partner, the results, pitfalls and lessons come
from the phrase lists below. Cases are Wagtail pages: they are written in bulk with
their tree paths computed here, as treebeard would, and the case list's child count
updated afterwards.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from buurtwijs.core.models import Theme
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.demo import vocab
from buurtwijs.demo.generate import (
    InitiativeSpec,
    Place,
    Placement,
    capitalise,
    generate_initiative,
    hogeschool_for,
    item_rng,
    join_nl,
    lectoraat_for,
    lower_first,
)
from buurtwijs.demo.load import insert_rows, municipality_ids, theme_ids
from buurtwijs.demo.real import BOOK_SLUG
from buurtwijs.directory.models import Initiative
from buurtwijs.knowledge.models import (
    CaseIndexPage,
    CasePage,
    CasePartner,
    PublicationPage,
)

Log = Callable[[str], None]
# Case n is about published generated initiative n × STRIDE: 60 demo cases use the
# first 240 of about 290 published initiatives, 2,000 national ones the first 8,000.
STRIDE = 4


@dataclass(frozen=True)
class CasePartnerSpec:
    """A party in a case and what drove it."""

    name: str
    role: str
    drivers: str


@dataclass(frozen=True)
class CaseSpec:
    """A case page as plain values; the HTML fields are ready to store."""

    slug: str
    title: str
    initiative_slug: str | None
    municipality_code: str
    year: int
    summary: str
    context: str
    results: str
    pitfalls: str
    lessons: str
    themes: tuple[str, ...]
    partners: tuple[CasePartnerSpec, ...]
    source_label: str
    published: datetime.datetime


# --- The named cases from the sources ---------------------------------------------

BOOK_SOURCE = (
    "Platform Stad en Wijk (2019). Plekken van hoop en verandering. Eburon. "
    "Een van de tien casestudies."
)
BOOK_PITFALLS = (
    "<p>Het boek stelt bij elke casus dezelfde vragen: hoe verhouden burger en "
    "professional zich tot elkaar, welke afhankelijkheden zijn er tussen de partijen, "
    "heeft iedereen een gelijkwaardige stem en tegen welke knelpunten loopt de "
    "samenwerking op? De antwoorden voor deze casus staan in het boek.</p>"
)
BOOK_LESSONS = (
    "<p>Een conclusie van het boek over alle tien casussen: er bestaan geen "
    "blauwdrukken. De spelregels worden steeds opnieuw en in samenwerking tussen de "
    "partijen bepaald, met ruimte voor discussie, botsende belangen en het "
    "ontwikkelen van nieuwe kennis.</p>"
)


@dataclass(frozen=True)
class RealCase:
    """A case the sources name, about one of the named initiatives."""

    slug: str
    title: str
    initiative_slug: str
    municipality_code: str
    summary: str
    context: str
    themes: tuple[str, ...]


REAL_CASES = (
    RealCase(
        slug="buurtvoorziening-de-evenaar-amsterdam",
        title="Buurtvoorziening De Evenaar, Amsterdam",
        initiative_slug="buurtvoorziening-de-evenaar",
        municipality_code="GM0363",
        summary=(
            "Een buurtvoorziening in Amsterdam die bewoners, vrijwilligers en "
            "professionals samen dragen."
        ),
        context=(
            "<p>Buurtvoorziening De Evenaar in Amsterdam is een van de "
            "praktijkvoorbeelden uit het boek <i>Plekken van hoop en verandering</i>. "
            "Het boek onderzoekt samenwerkingsverbanden waarin burgers, ondernemers, "
            "maatschappelijke instellingen en gemeenten samen een vraagstuk in de "
            "buurt oppakken, en hoe daarbij rollen, taken en verhoudingen "
            "verschuiven. Onderwerpen van de casussen zijn onder meer "
            "ontmoetingsplekken in de buurt en maatschappelijk vastgoed.</p>"
        ),
        themes=("ontmoeting-en-eenzaamheid", "wonen", "participatie-en-samenwerking"),
    ),
    RealCase(
        slug="de-blauwe-wijkeconomie-arnhem",
        title="De Blauwe Wijkeconomie, Arnhem",
        initiative_slug="de-blauwe-wijkeconomie",
        municipality_code="GM0202",
        summary=(
            "Een Arnhemse aanpak voor nieuwe bedrijvigheid in de wijk, beschreven "
            "in het boek Plekken van hoop en verandering."
        ),
        context=(
            "<p>De Blauwe Wijkeconomie in Arnhem is een van de praktijkvoorbeelden "
            "uit het boek <i>Plekken van hoop en verandering</i>. Onder de "
            "onderwerpen van de casussen in het boek zijn winkelleegstand en "
            "circulaire economie. Het boek laat per casus zien welke drijfveren de "
            "partijen hadden, wat er van het initiatief terechtkwam, welke "
            "valkuilen er waren en welke lessen eruit te trekken zijn.</p>"
        ),
        themes=(
            "werk-en-economie",
            "duurzaamheid-en-energie",
            "participatie-en-samenwerking",
        ),
    ),
    RealCase(
        slug="de-voedseltuin-rotterdam",
        title="De Voedseltuin, Rotterdam",
        initiative_slug="de-voedseltuin",
        municipality_code="GM0599",
        summary=(
            "Een Rotterdamse stadstuin, een van de praktijkvoorbeelden in het boek "
            "Plekken van hoop en verandering."
        ),
        context=(
            "<p>De Voedseltuin in Rotterdam is een van de praktijkvoorbeelden uit "
            "het boek <i>Plekken van hoop en verandering</i>, waarin armoede een "
            "van de onderwerpen van de casussen is. Het boek onderzoekt hoe zulke "
            "samenwerkingsverbanden ontstaan en georganiseerd zijn, en wat de "
            "reikwijdte en de grenzen ervan zijn.</p>"
        ),
        themes=("armoede-en-schulden", "werk-en-economie", "openbare-ruimte"),
    ),
    RealCase(
        slug="zorgvrijstaat-rotterdam",
        title="Zorgvrijstaat, Rotterdam",
        initiative_slug="zorgvrijstaat",
        municipality_code="GM0599",
        summary=(
            "Een Rotterdams initiatief rond zorg in de wijk, beschreven in het boek "
            "Plekken van hoop en verandering."
        ),
        context=(
            "<p>Zorgvrijstaat in Rotterdam is een van de praktijkvoorbeelden uit het "
            "boek <i>Plekken van hoop en verandering</i>, waarin zorg in de wijk een "
            "van de onderwerpen van de casussen is. Rode draad van het boek: niet "
            "langer één dominante partij die het voor het zeggen heeft, maar een "
            "netwerk van partijen die samen werken aan oplossingen op individueel, "
            "buurt- of wijkniveau.</p>"
        ),
        themes=(
            "zorg-en-gezondheid",
            "participatie-en-samenwerking",
            "ontmoeting-en-eenzaamheid",
        ),
    ),
    RealCase(
        slug="wijkacademies-opvoeden-utrecht",
        title="Wijkacademies Opvoeden, Utrecht",
        initiative_slug="wijkacademies-opvoeden",
        municipality_code="GM0344",
        summary=(
            "Utrechtse wijkacademies over opvoeden, een van de praktijkvoorbeelden "
            "in het boek Plekken van hoop en verandering."
        ),
        context=(
            "<p>De Wijkacademies Opvoeden in Utrecht zijn een van de "
            "praktijkvoorbeelden uit het boek <i>Plekken van hoop en "
            "verandering</i>, waarin opvoeden een van de onderwerpen van de "
            "casussen is. Het boek vraagt onder meer hoe de burger en de "
            "professional zich tot elkaar verhouden in zulke nieuwe "
            "samenwerkingsverbanden.</p>"
        ),
        themes=("jeugd-en-opvoeden", "kennis-en-leren", "participatie-en-samenwerking"),
    ),
)


@transaction.atomic
def load_real_cases(log: Log) -> int:
    """The named cases, published through Wagtail, linked to book and initiative."""
    index = _case_index()
    existing = set(index.get_children().values_list("slug", flat=True))
    todo = [item for item in REAL_CASES if item.slug not in existing]
    if not todo:
        return 0
    places = municipality_ids()
    initiatives = dict(
        Initiative.objects.filter(
            slug__in=[item.initiative_slug for item in todo]
        ).values_list("slug", "id")
    )
    book = PublicationPage.objects.filter(slug=BOOK_SLUG).first()
    published = datetime.datetime(2019, 9, 19, 12, 0, tzinfo=datetime.UTC)
    for item in todo:
        case = CasePage(
            title=item.title,
            slug=item.slug,
            summary=item.summary,
            context=item.context,
            pitfalls=BOOK_PITFALLS,
            lessons=BOOK_LESSONS,
            year=2019,
            municipality_id=places[item.municipality_code],
            initiative_id=initiatives.get(item.initiative_slug),
            source_publication=book,
            source_label=BOOK_SOURCE,
            themes=list(Theme.objects.filter(slug__in=item.themes)),
            first_published_at=published,
        )
        index.add_child(instance=case)
        case.save_revision().publish()
        log(f"  case {item.title}")
    return len(todo)


# --- Generated cases ----------------------------------------------------------------

DRIVERS: dict[str, tuple[str, ...]] = {
    "residents": (
        "Bewoners wilden zelf iets doen aan {topic}, in plaats van te wachten op "
        "plannen van anderen.",
        "Buurtgenoten zagen dat {challenge} en wilden dat hun buurt daar zelf een "
        "antwoord op vond.",
        "Zeggenschap over wat er in de eigen straat gebeurt, en elkaar beter leren "
        "kennen.",
        "De wens om van betekenis te zijn voor de buren, zeker voor wie er alleen "
        "voor staat.",
    ),
    "entrepreneurs": (
        "Een levendige buurt is goed voor de zaak; ondernemers wilden bijdragen aan "
        "{topic}.",
        "Maatschappelijk ondernemen zonder meteen winst te hoeven maken, en nieuwe "
        "klanten uit de wijk.",
        "Lege plekken in de straat weer gevuld zien, met bedrijvigheid van de buurt "
        "zelf.",
    ),
    "social_institution": (
        "Bewoners eerder bereiken, voordat kleine zorgen grote problemen worden.",
        "De opdracht om dichter bij de leefwereld van bewoners te werken en minder "
        "vanachter het bureau.",
        "Vrijwilligers en professionals laten samenwerken rond {subject}.",
    ),
    "municipality": (
        "Beleid rond {subject} dat echt aansluit bij wat er in de wijk speelt.",
        "Verwachting dat bewoners zelf meer kunnen dragen, en dat dit op termijn "
        "kosten bespaart.",
        "Ruimte geven aan initiatief van onderop, passend bij de omgevingsvisie en "
        "het wijkprogramma.",
    ),
    "housing_corporation": (
        "Leefbare complexen en huurders die zich thuis voelen in hun buurt.",
        "Maatschappelijk vastgoed dat leeg stond weer een functie geven.",
        "Huurders betrekken bij de plannen rond {subject}.",
    ),
    "knowledge_institution": (
        "Praktijkgericht onderzoek naar {subject}, met studenten die in de wijk leren.",
        "Kennis ontwikkelen die ook andere buurten verder helpt.",
        "Onderzoeken wat de samenwerking oplevert en waar ze knelt.",
    ),
    "funder": (
        "Investeren in initiatieven die bewoners zelf dragen en die blijven bestaan.",
        "Een fonds dat wil leren wat werkt rond {subject}.",
        "Kleine bedragen die veel in beweging zetten in de buurt.",
    ),
}
RESULTS = (
    "Na {years} jaar doen er zo'n {people} buurtbewoners mee aan {topic}.",
    "Er is een vaste groep van {volunteers} vrijwilligers die het werk draagt.",
    "Bewoners die eerder buiten beeld bleven, weten nu de weg naar {topic}.",
    "De gemeente heeft de aanpak opgenomen in haar wijkprogramma.",
    "Het initiatief kreeg navolging in {others} andere wijken.",
    "Professionals werken anders: ze sluiten aan bij wat bewoners al doen.",
    "De activiteit draait inmiddels grotendeels zonder subsidie.",
    "Er is een plek in de buurt bijgekomen waar mensen elkaar ontmoeten.",
)
THEME_RESULTS: dict[str, str] = {
    "armoede-en-schulden": "Meer gezinnen kwamen vroeg in beeld bij schuldhulp.",
    "werk-en-economie": "{people} bewoners deden werkervaring op in de wijk.",
    "wonen": "Het buurthuis bleef open, nu in beheer van bewoners.",
    "zorg-en-gezondheid": "Ouderen kregen hulp dichtbij en minder vaak te laat.",
    "ouder-worden": "Ouderen konden langer en prettiger thuis blijven wonen.",
    "jeugd-en-opvoeden": "Ouders vinden elkaar nu makkelijker met hun vragen.",
    "veiligheid": "Bewoners voelen zich veiliger en melden overlast sneller.",
    "duurzaamheid-en-energie": "Honderden woningen werden geïsoleerd of kregen "
    "zonnepanelen.",
    "ontmoeting-en-eenzaamheid": "Minder mensen in de buurt zeggen zich eenzaam "
    "te voelen.",
    "integratie-en-inclusie": "Nieuwkomers doen mee als vrijwilliger en buurtgenoot.",
    "openbare-ruimte": "Een verwaarloosd stuk grond werd een groene plek van de buurt.",
    "participatie-en-samenwerking": "Bewoners praten nu vanaf het begin mee over "
    "plannen voor hun wijk.",
    "organiseren-en-financieren": "Het initiatief werd een coöperatie met een eigen "
    "begroting.",
    "kennis-en-leren": "De opgedane kennis is gedeeld in een handreiking voor "
    "andere buurten.",
}
PITFALLS = (
    "Vrijwilligers raakten overbelast toen het werk groeide en de taken bij "
    "dezelfde paar mensen bleven liggen.",
    "Subsidie voor één of twee jaar paste slecht bij een samenwerking die tijd "
    "nodig heeft om vertrouwen op te bouwen.",
    "Wisselende contactpersonen bij de gemeente maakten afspraken steeds opnieuw "
    "onzeker.",
    "Professionals namen ongemerkt het stuur over, waardoor bewoners afhaakten.",
    "Niet iedereen had een gelijkwaardige stem: wie de taal van beleid sprak, kreeg "
    "meer gedaan.",
    "Regels voor aanbesteding en verantwoording waren niet gemaakt voor een "
    "bewonerscollectief.",
    "Succes trok nieuwe partijen aan, maar verwaterde ook het oorspronkelijke doel.",
    "Het bleef lastig om te laten zien wat de aanpak opleverde, terwijl financiers "
    "daar wel om vroegen.",
)
ROLE_PITFALLS: dict[str, str] = {
    "housing_corporation": "De corporatie wilde snelheid, bewoners wilden eerst "
    "praten: twee ritmes die botsten.",
    "funder": "Het fonds vroeg om een plan vooraf, terwijl de aanpak al doende "
    "ontstond.",
    "entrepreneurs": "Ondernemers en vrijwilligers hadden verschillende ideeën over "
    "geld verdienen aan de activiteit.",
}
LESSONS = (
    "Maak vroeg afspraken over wie waarover beslist, en leg ze vast.",
    "Geef het tijd: de opbrengsten werden pas na een paar jaar zichtbaar.",
    "Een vast aanspreekpunt bij de gemeente is goud waard.",
    "Verdeel het werk over meer schouders voordat de trekkers opbranden.",
    "Professionals doen er goed aan te ondersteunen in plaats van te sturen.",
    "Vier kleine successen: ze houden vrijwilligers betrokken.",
    "Zoek financiering die past bij de tijd die de samenwerking nodig heeft.",
    "Houd bij wat het oplevert, ook in verhalen van bewoners, niet alleen in cijfers.",
    "Er bestaat geen blauwdruk: de spelregels ontstaan in de samenwerking zelf.",
)
TITLES = (
    "{Topic} in {where}",
    "{initiative}: {topic}",
    "Samen werken aan {topic} in {place}",
    "Van zorg om de buurt naar {topic}: {initiative}",
)


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _basis(
    index: int,
    published: Sequence[InitiativeSpec],
    placement: Placement,
    seed: int,
) -> tuple[InitiativeSpec, bool]:
    """The initiative case `index` is about, and whether it is in the directory."""
    position = index * STRIDE
    if position < len(published):
        return published[position], True
    # More cases than initiatives: a case about an initiative of its own.
    return generate_initiative(seed, 1_000_000 + index, placement), False


def generate_case(
    seed: int,
    index: int,
    published: Sequence[InitiativeSpec],
    placement: Placement,
    places: dict[str, Place],
) -> CaseSpec:
    """Case number `index` of the run with this seed."""
    rng = item_rng(seed, "case", index)
    basis, linked = _basis(index, published, placement, seed)
    place = places[basis.municipality_code]
    main = vocab.THEMES[basis.themes[0]]
    topic = rng.choice(main.topics)
    subject = rng.choice(main.subjects)
    challenge = rng.choice(main.challenges)
    where = (
        f"{basis.neighbourhood}, {place.name}" if basis.neighbourhood else place.name
    )
    title = (
        rng.choice(TITLES)
        .format(
            Topic=capitalise(topic),
            topic=topic,
            where=where,
            place=place.name,
            initiative=basis.name,
        )
        .strip()
    )
    start = basis.founded_year or rng.randint(2008, 2020)
    year = min(2025, start + rng.randint(1, 6))
    years = max(1, year - start)

    partners = tuple(
        CasePartnerSpec(
            name=partner.name,
            role=partner.role,
            drivers=rng.choice(DRIVERS[partner.role]).format(
                topic=topic, subject=subject, challenge=challenge
            ),
        )
        for partner in basis.partners
    )
    others = [p.name for p in partners if p.role != "residents"]
    numbers = {
        "years": years,
        "people": rng.randrange(20, 400, 10),
        "volunteers": rng.randint(6, 60),
        "others": rng.randint(2, 9),
        "topic": topic,
    }
    results = [
        *(line.format(**numbers) for line in rng.sample(RESULTS, rng.randint(1, 2))),
        THEME_RESULTS[basis.themes[0]].format(**numbers),
    ]
    pitfall_pool = list(PITFALLS) + [
        ROLE_PITFALLS[p.role] for p in partners if p.role in ROLE_PITFALLS
    ]
    pitfalls = rng.sample(pitfall_pool, 2)
    lessons = rng.sample(LESSONS, 3)

    summary = f"Hoe {basis.name} in {place.name} werkte aan {topic}" + (
        f", samen met {join_nl(others[:3])}." if others else "."
    )
    context = _paragraphs(
        f"In {where} merkten bewoners dat {challenge}. Dat was de aanleiding voor "
        f"{basis.name} om aan de slag te gaan met {topic}.",
        f"De vraag was hoe je {lower_first(subject)} zo organiseert dat bewoners er "
        "zelf zeggenschap over houden, en wat dat vraagt van de partijen om hen heen.",
    )
    institute = hogeschool_for(rng, place)
    published_at = datetime.datetime(
        year, 1, 1, 9, 0, tzinfo=datetime.UTC
    ) + datetime.timedelta(days=rng.randint(0, 364), minutes=index % 600)
    return CaseSpec(
        slug=f"{slugify(title)[:80].strip('-') or 'praktijkvoorbeeld'}-{index + 1}",
        title=title[:250],
        initiative_slug=basis.slug if linked else None,
        municipality_code=place.code,
        year=year,
        summary=summary,
        context=context,
        results=_list(results),
        pitfalls=_list(pitfalls),
        lessons=_list(lessons),
        themes=basis.themes,
        partners=partners,
        source_label=(
            f"Praktijkbeschrijving van {institute}, lectoraat "
            f"{lectoraat_for(rng, basis.themes)} ({year})"
        ),
        published=min(published_at, timezone.now()),
    )


def generate_cases(
    initiatives: Sequence[InitiativeSpec],
    places: Sequence[Place],
    *,
    seed: int,
    count: int,
) -> list[CaseSpec]:
    """The first `count` generated cases of the run with this seed."""
    published = [spec for spec in initiatives if spec.status == "published"]
    placement = Placement(places, seed=seed, salt="case")
    by_code = {place.code: place for place in places}
    return [
        generate_case(seed, index, published, placement, by_code)
        for index in range(count)
    ]


# --- Writing pages in bulk ------------------------------------------------------------


def _case_index() -> CaseIndexPage:
    index = CaseIndexPage.objects.first()
    if index is None:
        raise LookupError("No case list page; run `manage.py migrate` first.")
    return index


@transaction.atomic
def load_cases(specs: Sequence[CaseSpec], log: Log) -> int:
    """Write the cases not yet under the case list, as live pages, in bulk."""
    index = _case_index()
    children = Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
    existing = set(children.values_list("slug", flat=True))
    todo = [spec for spec in specs if spec.slug not in existing]
    if not todo:
        return 0
    last = children.order_by("-path").values_list("path", flat=True).first()
    position = Page._str2int(last[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(CasePage)
    paths = {}
    pages = []
    for spec in todo:
        position += 1
        # treebeard's step: four base-36 digits under the parent's path.
        step = Page._int2str(position).rjust(Page.steplen, Page.alphabet[0])
        paths[spec.slug] = index.path + step
        pages.append(
            Page(
                content_type=content_type,
                path=paths[spec.slug],
                depth=index.depth + 1,
                numchild=0,
                title=spec.title,
                draft_title=spec.title,
                slug=spec.slug,
                url_path=f"{index.url_path}{spec.slug}/",
                locale_id=index.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=spec.published,
                last_published_at=spec.published,
                show_in_menus=False,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    log(f"  case pages: {len(pages):,}")
    ids = dict(
        Page.objects.filter(path__in=list(paths.values())).values_list("path", "id")
    )
    page_ids = {slug: ids[path] for slug, path in paths.items()}
    places = municipality_ids()
    themes = theme_ids()
    initiatives = dict(
        Initiative.objects.filter(
            slug__in=[spec.initiative_slug for spec in todo if spec.initiative_slug]
        ).values_list("slug", "id")
    )
    insert_rows(
        CasePage,
        (
            "page_ptr",
            "initiative",
            "municipality",
            "year",
            "sort_title",
            "summary",
            "context",
            "results",
            "pitfalls",
            "lessons",
            "source_url",
            "source_label",
        ),
        (
            (
                page_ids[spec.slug],
                initiatives.get(spec.initiative_slug or ""),
                places[spec.municipality_code],
                spec.year,
                dutch_sort_key(spec.title),
                spec.summary,
                spec.context,
                spec.results,
                spec.pitfalls,
                spec.lessons,
                "",
                spec.source_label,
            )
            for spec in todo
        ),
        "cases",
        log,
    )
    insert_rows(
        CasePartner,
        ("case", "sort_order", "name", "role", "drivers"),
        (
            (page_ids[spec.slug], order, partner.name, partner.role, partner.drivers)
            for spec in todo
            for order, partner in enumerate(spec.partners)
        ),
        "case partners",
        log,
    )
    insert_rows(
        CasePage.themes.through,
        ("casepage", "theme"),
        ((page_ids[spec.slug], themes[slug]) for spec in todo for slug in spec.themes),
        "case themes",
        log,
    )
    Page.objects.filter(pk=index.pk).update(numchild=children.count())
    return len(todo)
