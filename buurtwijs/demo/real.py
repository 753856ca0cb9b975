"""The real initiatives, book and congress the network's source pages name.

Descriptions are written for Buurtwijs, not copied. Founding years are left empty
where they are not known for certain; partners are plausible roles, not a verified
list, and are described in general terms for that reason.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

from buurtwijs.cms.models import HomePage, IndexPage
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.demo.pdf import text_pdf
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.events.models import EventIndexPage, EventPage
from buurtwijs.knowledge.models import PublicationPage

AMSTERDAM_TZ = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class RealInitiative:
    """A named initiative from the sources, with its partners as (name, role, what)."""

    slug: str
    name: str
    kind: str
    municipality_code: str
    neighbourhood: str
    summary: str
    description: str
    themes: tuple[str, ...]
    partners: tuple[tuple[str, str, str], ...]
    founded_year: int | None = None


REAL_INITIATIVES = (
    RealInitiative(
        slug="delfshaven-cooperatie",
        name="Delfshaven Coöperatie",
        kind="buurtcooperatie",
        municipality_code="GM0599",
        neighbourhood="Delfshaven",
        summary=(
            "Coöperatie van bewoners in Rotterdam-Delfshaven die buurtgenoten, "
            "ondernemers en wijkpartners met elkaar verbindt rond wat de wijk "
            "nodig heeft."
        ),
        description=(
            "De Delfshaven Coöperatie is een coöperatie van en voor mensen uit het "
            "Rotterdamse stadsdeel Delfshaven. Ze ziet zichzelf als verbindende "
            "schakel: waar bewoners, ondernemers, instellingen en de gemeente langs "
            "elkaar heen werken, brengt de coöperatie hen bij elkaar rond concrete "
            "vragen uit de buurt.\n\n"
            "Daarbij wisselt ze van rol. Soms zet ze zelf iets op met buurtgenoten, "
            "soms ondersteunt ze een groep bewoners met een goed idee, en soms "
            "organiseert ze de afstemming tussen wijkpartners.\n\n"
            "Voor het netwerk is de coöperatie een voorbeeld van een "
            "bewonerscollectief dat een eigen plek inneemt naast professionele "
            "organisaties, met alle vragen over zeggenschap, geld en continuïteit "
            "die daarbij horen."
        ),
        themes=(
            "participatie-en-samenwerking",
            "werk-en-economie",
            "organiseren-en-financieren",
            "ontmoeting-en-eenzaamheid",
        ),
        partners=(
            (
                "Bewoners van Delfshaven",
                "residents",
                "Leden die de koers bepalen en activiteiten dragen.",
            ),
            (
                "Ondernemers in Delfshaven",
                "entrepreneurs",
                "Denken mee over werk en diensten in de wijk.",
            ),
            (
                "Welzijns- en zorgorganisaties in de wijk",
                "social_institution",
                "Werken samen met de coöperatie rond bewoners die hulp zoeken.",
            ),
            (
                "Gemeente Rotterdam",
                "municipality",
                "Gesprekspartner en opdrachtgever voor wijkgerichte taken.",
            ),
        ),
    ),
    RealInitiative(
        slug="dorpshuis-fort-vreeswijk",
        name="Dorpshuis Fort Vreeswijk",
        kind="dorpshuis",
        municipality_code="GM0356",
        neighbourhood="Vreeswijk",
        summary=(
            "Dorpshuis in een historisch fort in Nieuwegein-Vreeswijk, dat "
            "buurtbewoners zelf dagelijks beheren."
        ),
        description=(
            "In Vreeswijk, de oude dorpskern van Nieuwegein, is een fort van de "
            "Nieuwe Hollandse Waterlinie het dorpshuis geworden. Bewoners uit de wijk "
            "houden het dagelijks beheer zelf in handen: zij zorgen dat de ruimtes "
            "open zijn, dat verenigingen en buurtgenoten er terechtkunnen en dat er "
            "iets te doen is.\n\n"
            "Het dorpshuis laat zien hoe maatschappelijk vastgoed een plek van de "
            "buurt kan worden als bewoners er verantwoordelijkheid voor nemen. Dat "
            "vraagt om vrijwilligers die jarenlang blijven, om heldere afspraken "
            "met de gemeente en om een begroting die rond moet komen uit verhuur en "
            "activiteiten."
        ),
        themes=("wonen", "ontmoeting-en-eenzaamheid", "organiseren-en-financieren"),
        partners=(
            (
                "Bewoners en vrijwilligers uit Vreeswijk",
                "residents",
                "Het dagelijks beheer, de bar en de activiteiten.",
            ),
            (
                "Verenigingen die het fort gebruiken",
                "social_institution",
                "Vaste gebruikers die met hun huur het dorpshuis mee dragen.",
            ),
            (
                "Gemeente Nieuwegein",
                "municipality",
                "Afspraken over het gebruik en onderhoud van het gebouw.",
            ),
        ),
    ),
    RealInitiative(
        slug="in-de-boomtak",
        name="In De Boomtak",
        kind="wijkcentrum",
        municipality_code="GM0855",
        neighbourhood="",
        summary=(
            "Wijkcentrum in Tilburg dat op een bijzondere manier geld bijeenbracht: "
            "buurtbewoners legden zelf in."
        ),
        description=(
            "Wijkcentrum In De Boomtak in Tilburg is een ontmoetingsplek die "
            "buurtbewoners als de hunne beschouwen, en dat is letterlijk te nemen. "
            "Toen er geld nodig was, brachten bewoners het zelf bijeen: ieder kocht "
            "voor een vast minimumbedrag een deel, zodat een grote groep buurtgenoten "
            "samen het verschil maakte.\n\n"
            "Het wijkcentrum is daarmee een voorbeeld van financiering van onderop. "
            "Het laat ook zien welke vragen dat oproept: wie beslist er als veel "
            "mensen een klein deel bezitten, en hoe houd je hen betrokken als het "
            "geld eenmaal binnen is?"
        ),
        themes=("organiseren-en-financieren", "wonen", "ontmoeting-en-eenzaamheid"),
        partners=(
            (
                "Buurtbewoners die meebetaalden",
                "residents",
                "Eigen geld en betrokkenheid bij het wijkcentrum.",
            ),
            (
                "Lokale ondernemers",
                "entrepreneurs",
                "Steun bij de inzameling en bij activiteiten.",
            ),
            (
                "Gemeente Tilburg",
                "municipality",
                "Gesprekspartner over het gebouw en de functie voor de wijk.",
            ),
        ),
    ),
    RealInitiative(
        slug="buurtvoorziening-de-evenaar",
        name="Buurtvoorziening De Evenaar",
        kind="wijkcentrum",
        municipality_code="GM0363",
        neighbourhood="",
        summary=(
            "Buurtvoorziening in Amsterdam waar bewoners en professionals samen een "
            "plek voor ontmoeting en ondersteuning dragen."
        ),
        description=(
            "Buurtvoorziening De Evenaar in Amsterdam is een van de "
            "praktijkvoorbeelden in het boek 'Plekken van hoop en verandering'. "
            "Het is een plek in de buurt waar bewoners, vrijwilligers en "
            "professionals samen activiteiten en ondersteuning organiseren.\n\n"
            "Wat De Evenaar interessant maakt voor het netwerk, is de verdeling van "
            "rollen: wat doen bewoners zelf, waar zijn professionals nodig, en hoe "
            "verhoudt de voorziening zich tot de organisaties die haar financieren?"
        ),
        themes=("ontmoeting-en-eenzaamheid", "wonen", "participatie-en-samenwerking"),
        partners=(
            (
                "Bewoners en vrijwilligers uit de buurt",
                "residents",
                "Organiseren activiteiten en praten mee over de koers.",
            ),
            (
                "Welzijnsorganisatie in de buurt",
                "social_institution",
                "Professionele ondersteuning van vrijwilligers en bezoekers.",
            ),
            ("Gemeente Amsterdam", "municipality", "Financiering van de voorziening."),
            (
                "Hogeschool van Amsterdam",
                "knowledge_institution",
                "Onderzoek naar de samenwerking voor het boek.",
            ),
        ),
    ),
    RealInitiative(
        slug="de-blauwe-wijkeconomie",
        name="De Blauwe Wijkeconomie",
        kind="netwerk",
        municipality_code="GM0202",
        neighbourhood="",
        summary=(
            "Aanpak in Arnhem die van wat in de wijk overblijft, zoals reststromen, "
            "leegstand en onbenut talent, nieuw lokaal werk maakt."
        ),
        description=(
            "De Blauwe Wijkeconomie in Arnhem is geïnspireerd op het idee van de "
            "blauwe economie: wat ergens als afval of overschot geldt, is elders een "
            "grondstof. Toegepast op de wijk betekent dat: reststromen, lege ruimtes "
            "en talenten van bewoners die nu niet worden benut, verbinden tot "
            "nieuwe bedrijvigheid dicht bij huis.\n\n"
            "Bewoners, ondernemers, organisaties en de gemeente zoeken daarbij samen "
            "naar kansen. Het is een van de praktijkvoorbeelden in het boek "
            "'Plekken van hoop en verandering', waarin onder meer circulaire "
            "economie en winkelleegstand aan bod komen."
        ),
        themes=(
            "werk-en-economie",
            "duurzaamheid-en-energie",
            "participatie-en-samenwerking",
        ),
        partners=(
            ("Bewoners van Arnhemse wijken", "residents", "Ideeën, talenten en tijd."),
            (
                "Lokale ondernemers",
                "entrepreneurs",
                "Reststromen, ruimte en werkplekken.",
            ),
            (
                "Gemeente Arnhem",
                "municipality",
                "Ruimte om te experimenteren en een aanspreekpunt.",
            ),
            (
                "Hogeschool van Arnhem en Nijmegen",
                "knowledge_institution",
                "Onderzoek en studenten die meewerken.",
            ),
        ),
    ),
    RealInitiative(
        slug="de-voedseltuin",
        name="De Voedseltuin",
        kind="voedseltuin",
        municipality_code="GM0599",
        neighbourhood="",
        summary=(
            "Stadstuin in Rotterdam waar vrijwilligers groente en fruit telen voor "
            "mensen die van de voedselbank afhankelijk zijn."
        ),
        description=(
            "De Voedseltuin in Rotterdam teelt verse groente en fruit voor mensen "
            "die het met weinig moeten doen. De oogst gaat naar de voedselbank, "
            "zodat in de pakketten ook iets vers zit.\n\n"
            "De tuin is tegelijk een werkplek. Vrijwilligers, onder wie mensen die "
            "(tijdelijk) niet aan het werk zijn, doen er ritme, ervaring en contacten "
            "op. Zo raakt het initiatief aan armoede, aan werk en aan de vraag hoe "
            "je braakliggende grond in de stad zinvol gebruikt."
        ),
        themes=("armoede-en-schulden", "werk-en-economie", "openbare-ruimte"),
        partners=(
            ("Vrijwilligers van de tuin", "residents", "Zaaien, wieden en oogsten."),
            (
                "Voedselbank Rotterdam",
                "social_institution",
                "Verdeelt de oogst onder huishoudens die het nodig hebben.",
            ),
            (
                "Gemeente Rotterdam",
                "municipality",
                "Afspraken over het gebruik van de grond.",
            ),
            (
                "Bedrijven en fondsen",
                "funder",
                "Bijdragen in geld, materiaal en gereedschap.",
            ),
        ),
    ),
    RealInitiative(
        slug="zorgvrijstaat",
        name="Zorgvrijstaat",
        kind="zorgcooperatie",
        municipality_code="GM0599",
        neighbourhood="",
        summary=(
            "Rotterdams initiatief waarin bewoners en zorgprofessionals samen zoeken "
            "naar zorg en ondersteuning dicht bij huis."
        ),
        description=(
            "Zorgvrijstaat is een van de Rotterdamse praktijkvoorbeelden in het boek "
            "'Plekken van hoop en verandering'. Het initiatief gaat over zorg in de "
            "wijk: hoe bewoners, vrijwilligers en professionals samen ondersteuning "
            "organiseren die aansluit bij wat mensen zelf willen en kunnen.\n\n"
            "Daarbij schuiven de rollen: bewoners nemen taken op zich die eerder bij "
            "instellingen lagen, en professionals zoeken een nieuwe verhouding tot "
            "die bewoners. Precies die verschuiving is wat het netwerk wil begrijpen."
        ),
        themes=(
            "zorg-en-gezondheid",
            "participatie-en-samenwerking",
            "ontmoeting-en-eenzaamheid",
        ),
        partners=(
            (
                "Bewoners en vrijwilligers",
                "residents",
                "Onderlinge hulp en eigen ideeën over zorg.",
            ),
            (
                "Zorg- en welzijnsprofessionals",
                "social_institution",
                "Professionele zorg en ondersteuning van vrijwilligers.",
            ),
            ("Gemeente Rotterdam", "municipality", "Gesprekspartner en financier."),
            (
                "Hogeschool Rotterdam",
                "knowledge_institution",
                "Onderzoek naar de samenwerking.",
            ),
        ),
    ),
    RealInitiative(
        slug="wijkacademies-opvoeden",
        name="Wijkacademies Opvoeden",
        kind="netwerk",
        municipality_code="GM0344",
        neighbourhood="",
        summary=(
            "Utrechtse wijkacademies waar ouders, opvoeders en professionals van "
            "elkaar leren over opvoeden."
        ),
        description=(
            "In de Wijkacademies Opvoeden in Utrecht komen ouders, andere opvoeders "
            "en professionals in de wijk samen om te leren over opvoeden. Ouders "
            "brengen hun eigen vragen en ervaringen in; professionals en onderzoekers "
            "schuiven aan als gesprekspartner, niet als degene die het beter weet.\n\n"
            "Het idee: kennis over opgroeien zit niet alleen bij instellingen, maar "
            "ook in de buurt zelf. De wijkacademies zijn een van de "
            "praktijkvoorbeelden in het boek 'Plekken van hoop en verandering'."
        ),
        themes=("jeugd-en-opvoeden", "kennis-en-leren", "participatie-en-samenwerking"),
        partners=(
            (
                "Ouders uit Utrechtse wijken",
                "residents",
                "Eigen vragen, ervaringen en kennis over opvoeden.",
            ),
            (
                "Buurtteams en jeugdprofessionals",
                "social_institution",
                "Sluiten aan bij de bijeenkomsten en denken mee.",
            ),
            ("Gemeente Utrecht", "municipality", "Steun voor de opzet in de wijken."),
            (
                "Hogeschool Utrecht",
                "knowledge_institution",
                "Onderzoek en begeleiding van het leerproces.",
            ),
        ),
    ),
    RealInitiative(
        slug="samen030",
        name="SAMEN030",
        kind="stadscooperatie",
        municipality_code="GM0344",
        neighbourhood="",
        summary=(
            "Stadscoöperatie van Utrechtse buurtorganisaties en bewonersinitiatieven "
            "die samen een kennisnetwerk vormen."
        ),
        description=(
            "SAMEN030 bundelt Utrechtse organisaties van buurtbewoners, "
            "buurtondernemers en buurtorganisaties (BBBO's) en andere "
            "bewonersinitiatieven. Wat hen verbindt, is de inzet voor een gezonde en "
            "actieve stad waarin niemand aan de kant staat.\n\n"
            "De leden vormen samen een kennisnetwerk. Ze delen ideeën voor pilots, "
            "projectplannen voor diensten door en voor bewoners, statuten voor buurt- "
            "en wijkcoöperaties, en wat ze weten over subsidies en investeerders. Zo "
            "hoeft niet elk initiatief het wiel opnieuw uit te vinden."
        ),
        themes=(
            "participatie-en-samenwerking",
            "organiseren-en-financieren",
            "kennis-en-leren",
        ),
        partners=(
            (
                "Aangesloten buurtorganisaties en bewonersinitiatieven",
                "residents",
                "De leden: hun kennis, plannen en ervaring.",
            ),
            (
                "Buurtondernemers",
                "entrepreneurs",
                "Ondernemerschap in en voor de wijk.",
            ),
            ("Gemeente Utrecht", "municipality", "Gesprekspartner over de stad."),
            (
                "Fondsen en sociale investeerders",
                "funder",
                "Financiering van plannen van leden.",
            ),
        ),
    ),
)

BOOK_SLUG = "plekken-van-hoop-en-verandering"
BOOK_SUMMARY = (
    "<p>Burgers, ondernemers, maatschappelijke instellingen en gemeenten pakken op "
    "steeds meer plekken samen vraagstukken aan die geen van hen alleen kan oplossen, "
    "van armoede en zorg tot duurzaamheid en veiligheid. Daarbij verschuiven rollen, "
    "taken en machtsverhoudingen. Dit boek onderzoekt wat dat betekent.</p>"
    "<p>Elf lectoraten van acht hogescholen, verenigd in Platform Stad en Wijk, "
    "bestudeerden tien van zulke samenwerkingsverbanden, onder meer in Amsterdam, "
    "Arnhem, Rotterdam en Utrecht. Ze laten zien wat partijen drijft, wat er van de "
    "initiatieven terechtkwam, waar ze vastliepen en wat anderen ervan kunnen leren. "
    "Een kant-en-klaar model levert dat niet op: de spelregels ontstaan steeds "
    "opnieuw, in de samenwerking zelf.</p>"
    "<p>Het boek verscheen in 2019 bij uitgeverij Eburon en werd gepresenteerd op "
    "het gelijknamige congres in Den Haag.</p>"
)
BOOK_ORDER_URL = "https://www.eburon.nl/"
BOOK_DOWNLOAD_NOTE = (
    "Dit is een samenvatting voor de demonstratie van Buurtwijs. Het boek zelf is te "
    "bestellen bij uitgeverij Eburon en te downloaden via de website van Platform "
    "Stad en Wijk."
)
CONGRESS_SLUG = "congres-plekken-van-hoop-en-verandering-2019"
CONGRESS_INTRO = (
    "Een middag over samenwerkingsverbanden die van onderop ontstaan: bewoners, "
    "ondernemers, instellingen en gemeenten die samen een vraagstuk in hun buurt "
    "oppakken, en wat dat vraagt van ieders rol."
)
CONGRESS_AUDIENCE = (
    "Bewoners, stadsmakers en professionals in beleid, praktijk en hoger onderwijs."
)
CONGRESS_PROGRAMME = (
    "<p>Platform Stad en Wijk bracht onderzoekers, bewoners en professionals bij "
    "elkaar rond nieuwe lokale samenwerkingsverbanden.</p>"
    "<ul>"
    '<li>Presentatie van het boek <a linktype="page" id="{book_id}">'
    "<i>Plekken van hoop en verandering</i></a> en een eerste bespreking ervan</li>"
    "<li>Praktijkvoorbeelden uit Amsterdam, Arnhem, Rotterdam en Utrecht</li>"
    "<li>Gesprek over de kracht en de grenzen van begrippen als burgerkracht, "
    "co-creatie en veerkracht</li>"
    "</ul>"
    "<p>Het boek kwam mede tot stand met een bijdrage van Regieorgaan SIA en het "
    "ministerie van Binnenlandse Zaken en Koninkrijksrelaties.</p>"
)


def _book_download() -> AbstractDocument:
    """A PDF with the book's summary, as the demo's download."""
    paragraphs = [
        strip_tags(part) for part in BOOK_SUMMARY.split("</p>") if strip_tags(part)
    ]
    data = text_pdf(
        "Plekken van hoop en verandering (samenvatting, demo)",
        [*paragraphs, BOOK_DOWNLOAD_NOTE],
    )
    document = get_document_model()(
        title="Plekken van hoop en verandering (samenvatting)"
    )
    document.file.save(f"{BOOK_SLUG}-samenvatting.pdf", ContentFile(data), save=False)
    document.save()
    return document


def section(slug: str, title: str) -> Page:
    """The section page under the home page, created when it is missing."""
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("No home page; run `manage.py migrate` first.")
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing
    return home.add_child(instance=IndexPage(title=title, slug=slug, live=True))


def publish_child(parent: Page, page: Page) -> bool:
    """Add a page under `parent` and publish it, unless its slug is already taken."""
    if parent.get_children().filter(slug=page.slug).exists():
        return False
    parent.add_child(instance=page)
    page.save_revision().publish()
    return True


@transaction.atomic
def load_real_pages(log: Callable[[str], None]) -> int:
    """The book under 'publicaties' and the 2019 congress under 'evenementen'."""
    created = 0
    book_exists = PublicationPage.objects.filter(slug=BOOK_SLUG).exists()
    book = PublicationPage(
        title="Plekken van hoop en verandering",
        slug=BOOK_SLUG,
        authors="Platform Stad en Wijk: elf lectoraten van acht hogescholen",
        publisher="Eburon",
        year=2019,
        summary=BOOK_SUMMARY,
        order_url=BOOK_ORDER_URL,
        download=None if book_exists else _book_download(),
        search_description=(
            "Tien lokale samenwerkingsverbanden onderzocht door elf lectoraten."
        ),
        first_published_at=datetime.datetime(2019, 9, 19, 12, 0, tzinfo=AMSTERDAM_TZ),
    )
    if publish_child(section("publicaties", "Publicaties"), book):
        created += 1
        log(f"  page /publicaties/{BOOK_SLUG}/")
    book_id = PublicationPage.objects.filter(slug=BOOK_SLUG).values_list(
        "pk", flat=True
    )[0]
    events = events_section()
    congress = EventPage(
        title="Congres Plekken van hoop en verandering",
        slug=CONGRESS_SLUG,
        starts_at=datetime.datetime(2019, 9, 19, 12, 30, tzinfo=AMSTERDAM_TZ),
        ends_at=datetime.datetime(2019, 9, 19, 17, 30, tzinfo=AMSTERDAM_TZ),
        location="Den Haag",
        audience=CONGRESS_AUDIENCE,
        intro=CONGRESS_INTRO,
        # The programme links the book presentation to the book's page.
        programme=CONGRESS_PROGRAMME.replace("{book_id}", str(book_id)),
        registration_open=False,
        first_published_at=datetime.datetime(2019, 6, 1, 9, 0, tzinfo=AMSTERDAM_TZ),
    )
    existing = EventPage.objects.filter(slug=CONGRESS_SLUG).first()
    if existing is not None and existing.get_parent().pk != events.pk:
        # Databases from before the events section kept it under /agenda/.
        existing.move(events, pos="last-child")
        log(f"  moved to /evenementen/{CONGRESS_SLUG}/")
    elif publish_child(events, congress):
        created += 1
        log(f"  page /evenementen/{CONGRESS_SLUG}/")
    return created


def events_section() -> EventIndexPage:
    """The events section /evenementen/, created when it is missing."""
    existing = EventIndexPage.objects.first()
    if existing is not None:
        return existing
    home = HomePage.objects.first()
    if home is None:
        raise LookupError("No home page; run `manage.py migrate` first.")
    return home.add_child(
        instance=EventIndexPage(title="Evenementen", slug="evenementen", live=True)
    )


@transaction.atomic
def load_real_initiatives(log: Callable[[str], None]) -> int:
    """The named initiatives, published, with their partners and themes."""
    existing = set(
        Initiative.objects.filter(
            slug__in=[item.slug for item in REAL_INITIATIVES]
        ).values_list("slug", flat=True)
    )
    todo = [item for item in REAL_INITIATIVES if item.slug not in existing]
    if not todo:
        return 0
    municipalities = dict(Municipality.objects.values_list("code", "id"))
    themes = dict(Theme.objects.values_list("slug", "id"))
    places = {
        m.code: m
        for m in Municipality.objects.filter(
            code__in=[item.municipality_code for item in todo]
        )
    }
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            slug=item.slug,
            name=item.name,
            sort_name=dutch_sort_key(item.name),
            kind=item.kind,
            municipality_id=municipalities[item.municipality_code],
            neighbourhood=item.neighbourhood,
            latitude=places[item.municipality_code].latitude,
            longitude=places[item.municipality_code].longitude,
            founded_year=item.founded_year,
            summary=item.summary,
            description=item.description,
            status=Initiative.Status.PUBLISHED,
        )
        for item in todo
    )
    Partner.objects.bulk_create(
        Partner(
            initiative=initiative,
            name=name,
            role=role,
            contribution=contribution,
            position=position,
        )
        for initiative, item in zip(initiatives, todo, strict=True)
        for position, (name, role, contribution) in enumerate(item.partners)
    )
    Initiative.themes.through.objects.bulk_create(
        Initiative.themes.through(initiative_id=initiative.pk, theme_id=themes[slug])
        for initiative, item in zip(initiatives, todo, strict=True)
        for slug in item.themes
    )
    for item in todo:
        log(f"  initiative {item.name} ({places[item.municipality_code]})")
    return len(todo)
