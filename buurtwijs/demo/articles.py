"""News articles for the demo network, with a few approved comments.

Seven articles retell the network's own source pages (/work/shared/seeds/): their
titles, dates and what they say, credited to who wrote them. Where a source page
gives no date of its own, the date is that of the event it announces (the book and
congress of 19 September 2019) or, for the LSA exploration, the start of 2021, and
the source line says the date is not in the source. The other articles are written
for the demo, by the demo's generated (fictional) public profiles, and name no real
person.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from buurtwijs.accounts.models import Profile, User
from buurtwijs.articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticleRelatedPage,
    Comment,
)
from buurtwijs.articles.selectors import article_index
from buurtwijs.articles.services import comment_html
from buurtwijs.core.models import Theme
from buurtwijs.demo.real import BOOK_SLUG, CONGRESS_SLUG

Log = Callable[[str], None]


@dataclass(frozen=True)
class DemoArticle:
    """One article: its text, and who wrote it (a byline, or a generated profile)."""

    slug: str
    title: str
    date: datetime.date
    intro: str
    body: str
    themes: tuple[str, ...]
    tags: tuple[str, ...]
    byline: str = ""
    source_label: str = ""
    source_url: str = ""
    # Index into the public generated profiles, for the articles written for the demo.
    author_index: int | None = None
    related_slugs: tuple[str, ...] = ()
    comments: tuple[tuple[str, str], ...] = field(default=())


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


SEED_ARTICLES = (
    DemoArticle(
        slug="plekken-van-hoop-en-verandering-elf-lectoraten",
        title="Plekken van hoop en verandering",
        date=datetime.date(2019, 9, 19),
        byline="Platform Stad en Wijk",
        source_label="Platform Stad en Wijk",
        intro=(
            "Steden en wijken staan voor taaie opgaven rond armoede, duurzaamheid, "
            "veiligheid, welzijn en zorg. Op steeds meer plekken bundelen bewoners, "
            "organisaties en gemeenten hun krachten in nieuwe samenwerkingsverbanden "
            "om lokaal het verschil te maken."
        ),
        body=_p(
            "Deze complexe vraagstukken kunnen veelal niet door één of twee partijen "
            "van bovenaf worden opgelost. Groepen van diverse personen en "
            "organisaties bouwen samen aan iets nieuws, ondanks verschillende "
            "achtergronden, belangen, denk- en werkwijzen. Daarmee zijn het plekken "
            "van hoop en verandering.",
            "Die samenwerkingsverbanden zorgen voor verschuivende rollen, taken en "
            "(machts)verhoudingen. Hoe verhouden burger en professional zich tot "
            "elkaar? Heeft iedereen een gelijkwaardige stem? Tegen welke knelpunten "
            "lopen deze samenwerkingen op, en wat zijn de leerpunten?",
            "In het boek ‘Plekken van hoop en verandering’ zoeken elf lectoraten van "
            "acht hogescholen naar antwoorden, met praktijkgericht onderzoek, tien "
            "casestudies, een discussiemiddag en interviews. Het boek verscheen op "
            "19 september 2019 tijdens het gelijknamige congres.",
            "Er wordt nagedacht over een vervolg: een community of practice die "
            "onderzoekers en professionals uit praktijk en beleid aan elkaar koppelt "
            "voor verdere kennisuitwisseling en kennisontwikkeling.",
        ),
        themes=("participatie-en-samenwerking", "kennis-en-leren"),
        tags=("samenwerkingsverbanden", "praktijkgericht onderzoek", "hogescholen"),
        related_slugs=(BOOK_SLUG, CONGRESS_SLUG),
        comments=(
            (
                "Demo-lid",
                "Herkenbaar: in onze buurtcoöperatie zoeken we ook steeds opnieuw "
                "naar wie wat doet. Fijn dat de casussen de valkuilen niet "
                "overslaan.",
            ),
        ),
    ),
    DemoArticle(
        slug="samenwerkingsverbanden-die-lokaal-verschil-maken",
        title=(
            "Plekken van hoop en verandering: samenwerkingsverbanden die lokaal "
            "verschil maken"
        ),
        date=datetime.date(2019, 9, 19),
        byline="Wim Vierling",
        source_label="Recensie door Wim Vierling (datum niet in de bron)",
        intro=(
            "Een bespreking van de publicatie van Platform Stad en Wijk: 32 "
            "onderzoekers laten zien hoe nieuwe samenwerkingsverbanden op lokaal "
            "niveau kansen of urgente kwesties oppakken."
        ),
        body=_p(
            "Begrippen als burgerkracht, co-creatie, doe-democratie en vitale "
            "coalities kent iedereen, maar werkt het ook? De onderzoekers kijken met "
            "een optimistische blik: de wijk of buurt als plek voor innovatie en "
            "integraal werken, waar systeem- en leefwereld samenwerken.",
            "De rode draad is de verschuivende rol- en machtsverhouding tussen "
            "burgers, maatschappelijke organisaties, marktpartijen en overheden. De "
            "tien casussen laten zien welke drijfveren partijen hebben, wat er van "
            "de initiatieven terechtkwam, welke valkuilen er zijn en welke lessen "
            "eruit te trekken zijn. Het beeld: de burger wil en kan niet meer "
            "buitenspel staan.",
            "Een klein punt van kritiek is de eenzijdige focus op de stad; de "
            "casussen spelen vooral in de vier grote steden. Een van de conclusies: "
            "er bestaan geen blauwdrukken. Daarom is de publicatie praktisch voor "
            "professionals en bewoners die bij (nieuwe) initiatieven betrokken zijn.",
        ),
        themes=("participatie-en-samenwerking", "kennis-en-leren"),
        tags=("samenwerkingsverbanden", "recensie"),
        related_slugs=(BOOK_SLUG,),
    ),
    DemoArticle(
        slug="congres-plekken-van-hoop-en-verandering",
        title="Congres Plekken van Hoop en Verandering",
        date=datetime.date(2019, 9, 19),
        byline="Platform Stad en Wijk",
        source_label="Platform Stad en Wijk",
        intro=(
            "Het Platform Stad en Wijk organiseert op 19 september een congres over "
            "het van onderop bundelen van krachten in nieuwe samenwerkingsverbanden "
            "om zo het verschil te maken."
        ),
        body=_p(
            "Op steeds meer plekken in Nederland pakken burgers, ondernemers, "
            "maatschappelijke instellingen en gemeenten samen belangrijke vraagstukken "
            "op. In plaats van één dominante actor gaat het om een netwerk van "
            "diverse partijen die werken aan creatieve oplossingen.",
            "Het congres is bedoeld voor bewoners, stadsmakers en professionals in "
            "beleid, praktijk en hoger onderwijs. Er is aandacht voor de sterke en "
            "zwakke kanten van begrippen als burgerkracht, co-creatie en veerkracht.",
            "Tijdens het congres wordt het boek ‘Plekken van hoop en verandering’ "
            "gepresenteerd en gerecenseerd, met praktijkvoorbeelden uit Amsterdam "
            "(Buurtvoorziening De Evenaar), Arnhem (De Blauwe Wijkeconomie), "
            "Rotterdam (De Voedseltuin en Zorgvrijstaat) en Utrecht (Wijkacademies "
            "Opvoeden). Het boek kwam mede tot stand door een financiële bijdrage "
            "van Regieorgaan SIA en het Ministerie van Binnenlandse Zaken en "
            "Koninkrijksrelaties.",
        ),
        themes=("participatie-en-samenwerking",),
        tags=("congres", "samenwerkingsverbanden"),
        related_slugs=(CONGRESS_SLUG, BOOK_SLUG),
    ),
    DemoArticle(
        slug="kennisnetwerk-samen030",
        title="Kennisnetwerk SAMEN030",
        date=datetime.date(2019, 9, 19),
        byline="SAMEN030",
        source_label="SAMEN030 (datum van de bronpagina)",
        intro=(
            "De leden van SAMEN030, de stadscoöperatie van Utrechtse buurtbewoner-, "
            "buurtondernemer- en buurtorganisaties, vormen met elkaar een dynamisch "
            "kennisnetwerk."
        ),
        body=_p(
            "Binnen dat netwerk worden ideeën voor pilots en initiatieven "
            "uitgewisseld, projectplannen voor bewonersdiensten, statuten voor buurt- "
            "en wijkcoöperaties en subsidie- en investeringsmogelijkheden.",
            "SAMEN030 verenigt BBBO's en andere bewonersinitiatieven die zich "
            "inzetten voor een gezonde en actieve stad zonder tweedeling.",
        ),
        themes=("organiseren-en-financieren", "kennis-en-leren"),
        tags=("buurtcoöperaties", "Utrecht"),
    ),
    DemoArticle(
        slug="oproep-wat-wil-jij-leren-over-leefbaarheid",
        title="Oproep: wat wil jij leren over leefbaarheid?",
        date=datetime.date(2020, 12, 3),
        byline="Daan de Bruijn",
        source_label="Platform voor buurtontwikkeling",
        intro=(
            "Het gaat goed met onze leefbaarheid en veiligheid, althans in een groot "
            "deel van Nederland. Door onze kennis te verbinden kunnen we ook buurten "
            "waar het minder goed gaat een duurzame duw in de rug geven. Doe jij mee?"
        ),
        body=_p(
            "Veel Nederlandse steden worden steeds veiliger en welvarender. Toch "
            "blijven er wijken waar het voor bewoners hard werken is om het hoofd te "
            "bieden aan werkloosheid, armoede en criminaliteit. Problemen rond wonen, "
            "gezondheid en veiligheid stapelen zich op en versterken elkaar: "
            "onderzoekers spreken van taaie stedelijke vraagstukken.",
            "Vanuit de Rijksoverheid wordt gewerkt aan een programma Leefbaarheid en "
            "Veiligheid in stedelijke gebieden. Movisie, Platform31, LSA Bewoners en "
            "de LPB werken daarin samen. Een belangrijk onderdeel is een leernetwerk "
            "en een leeragenda, met de blik en inbreng van buurtmakers, "
            "community-builders en wijkprofessionals.",
            "De eerste stap is inzicht in de expertise, kennisbehoefte en leervragen "
            "van de buurtmakers in deze gebieden. Wat zijn de meest urgente of taaie "
            "vraagstukken in jouw gemeente? Hoe vergaar jij kennis en inspiratie? "
            "Wat zou jij nog meer willen leren?",
        ),
        themes=("veiligheid", "wonen", "kennis-en-leren"),
        tags=("leefbaarheid", "leeragenda", "taaie stedelijke vraagstukken"),
        comments=(
            (
                "Marieke",
                "Bij ons in de wijk is de grootste vraag hoe je bewoners betrokken "
                "houdt als de projecttijd voorbij is.",
            ),
            (
                "Demo-lid",
                "Wij willen graag leren hoe andere buurten een buurtbudget "
                "verdelen zonder dat het steeds dezelfde mensen zijn.",
            ),
        ),
    ),
    DemoArticle(
        slug="abcd-naar-veerkrachtige-gemeenschappen",
        title="ABCD: naar veerkrachtige gemeenschappen",
        date=datetime.date(2021, 1, 1),
        byline="LSA Bewoners",
        source_label="LSA Bewoners (datum niet in de bron)",
        intro=(
            "“Whatever the problem, community is the answer.” Hoe kunnen gemeenten "
            "bijdragen aan veerkrachtige gemeenschappen? Een verkenning over "
            "gemeenschappen, impact en handelingsperspectieven voor gemeenten."
        ),
        body=_p(
            "Na een periode met weinig aandacht vanuit de rijksoverheid staan de "
            "buurt en de wijk weer op de agenda, onder meer doordat een vijftiental "
            "burgemeesters aan de bel trok en omdat opgaven in de zorg en de "
            "energietransitie alleen op wijkniveau succesvol aangepakt kunnen worden.",
            "In een programma met het Ministerie van Binnenlandse Zaken en "
            "Koninkrijksrelaties, Platform31, Movisie en het LPB verkent LSA wat "
            "nodig is voor veerkrachtige wijken. Twee praktijkgerichte onderzoekers, "
            "Astrid Huygen en Kees Fortuin, doken in de literatuur over gemeenschappen "
            "en Asset Based Community Development (ABCD).",
            "De verkenning is een startpunt om te zoeken naar mogelijkheden voor "
            "gemeenten om de rijkdom van gemeenschappen te koesteren. Ze nodigt uit "
            "tot een goed gesprek met collega's, raadsleden, partners, bestuurders en "
            "bewoners, en onderbouwt beleid dat in de gemeenschap investeert.",
        ),
        themes=("participatie-en-samenwerking", "ontmoeting-en-eenzaamheid"),
        tags=("ABCD", "community building", "gemeenten"),
    ),
    DemoArticle(
        slug="meer-van-onze-leden",
        title="Meer van onze leden",
        date=datetime.date(2021, 1, 1),
        byline="LSA Bewoners",
        source_label="LSA Bewoners (datum niet in de bron)",
        intro=(
            "Drie bewonerscollectieven uit het netwerk: de Delfshaven Coöperatie in "
            "Rotterdam, Dorpshuis Fort Vreeswijk in Nieuwegein en In De Boomtak in "
            "Tilburg."
        ),
        body=_p(
            "De Delfshaven Coöperatie werkt als lijm tussen de voegen, in "
            "verschillende rollen en samen met wijkpartners.",
            "In een oud fort voeren de wijkbewoners van het Nieuwegeinse Vreeswijk "
            "het dagelijks beheer over Dorpshuis Fort Vreeswijk.",
            "In Tilburg wist Wijkcentrum In De Boomtak op bijzondere wijze geld in "
            "te zamelen: bewoners kochten voor een minimumbedrag een deel.",
        ),
        themes=("organiseren-en-financieren", "ontmoeting-en-eenzaamheid"),
        tags=("bewonerscollectieven", "maatschappelijk vastgoed"),
    ),
)

WRITTEN_FOR_THE_DEMO = (
    DemoArticle(
        slug="vijf-lessen-over-een-buurtbudget",
        title="Vijf lessen over een buurtbudget",
        date=datetime.date(2024, 2, 12),
        author_index=0,
        intro=(
            "Bewoners die zelf over geld voor hun buurt beslissen: het klinkt "
            "eenvoudig. Vijf lessen uit praktijkvoorbeelden in het netwerk."
        ),
        body=_p(
            "Begin klein en maak zichtbaar wat er met het geld gebeurt. Spreek af "
            "wie beslist en hoe je nieuwe mensen betrekt. Houd de administratie "
            "licht, maar wel controleerbaar.",
            "En vooral: vier wat lukt, en deel wat niet lukte.",
        ),
        themes=("organiseren-en-financieren", "participatie-en-samenwerking"),
        tags=("buurtbudget", "zeggenschap"),
        comments=(
            (
                "Demo-lid",
                "Les drie is voor ons de belangrijkste gebleken. Zie ook "
                "https://voorbeeld.nl/buurtbudget voor ons stappenplan.",
            ),
        ),
    ),
    DemoArticle(
        slug="vrijwilligers-vasthouden-als-de-subsidie-stopt",
        title="Vrijwilligers vasthouden als de subsidie stopt",
        date=datetime.date(2024, 4, 3),
        author_index=1,
        intro=(
            "Een leervraag die in het netwerk steeds terugkomt. Wat doen initiatieven "
            "die het zonder projectgeld redden anders?"
        ),
        body=_p(
            "Ze maken taken klein en overdraagbaar, zorgen dat niemand alles alleen "
            "doet en vragen vrijwilligers wat zij er zelf uit willen halen.",
        ),
        themes=("organiseren-en-financieren", "ontmoeting-en-eenzaamheid"),
        tags=("vrijwilligers", "financiering"),
    ),
    DemoArticle(
        slug="de-huiskamer-van-de-wijk",
        title="De huiskamer van de wijk",
        date=datetime.date(2024, 6, 20),
        author_index=2,
        intro=(
            "Een plek waar je zonder afspraak binnenloopt: voor veel buurten begint "
            "ontmoeting daar."
        ),
        body=_p(
            "Buurthuiskamers draaien vaak op vrijwilligers en een kleine "
            "huurbijdrage. Wat ze gemeen hebben: een vaste gastvrouw of gastheer en "
            "koffie die klaarstaat.",
        ),
        themes=("ontmoeting-en-eenzaamheid", "ouder-worden"),
        tags=("buurthuiskamer", "eenzaamheid"),
    ),
    DemoArticle(
        slug="energie-van-de-buurt",
        title="Energie van de buurt: waar begin je?",
        date=datetime.date(2024, 9, 9),
        author_index=3,
        intro=(
            "Steeds meer buurten willen samen energie besparen of opwekken. De eerste "
            "stappen, van keukentafelgesprek tot coöperatie."
        ),
        body=_p(
            "Begin bij de vragen die bewoners zelf hebben over hun energierekening. "
            "Een energiecoach uit de buurt wordt sneller vertrouwd dan een folder.",
        ),
        themes=("duurzaamheid-en-energie", "organiseren-en-financieren"),
        tags=("energiecoöperatie", "energiearmoede"),
    ),
    DemoArticle(
        slug="zorgen-voor-elkaar-in-de-buurt",
        title="Zorgen voor elkaar in de buurt",
        date=datetime.date(2024, 11, 14),
        author_index=4,
        intro=(
            "Zorgcoöperaties en buurtnetwerken vangen op wat formele zorg laat "
            "liggen. Hoe verhouden ze zich tot wijkteams?"
        ),
        body=_p(
            "Goede afspraken met het wijkteam voorkomen dat vrijwilligers taken "
            "krijgen die bij professionals horen, en andersom.",
        ),
        themes=("zorg-en-gezondheid", "participatie-en-samenwerking"),
        tags=("zorgcoöperatie", "wijkteam"),
    ),
    DemoArticle(
        slug="jongeren-aan-tafel",
        title="Jongeren aan tafel bij de buurtagenda",
        date=datetime.date(2025, 2, 5),
        author_index=5,
        intro=(
            "Jongeren zijn zelden bij bewonersoverleg, maar hebben wel een mening "
            "over hun buurt. Drie manieren om ze te bereiken."
        ),
        body=_p(
            "Ga naar de plekken waar ze al zijn, maak het kort en laat zien wat er "
            "met hun inbreng gebeurt.",
        ),
        themes=("jeugd-en-opvoeden", "participatie-en-samenwerking"),
        tags=("jongerenparticipatie",),
    ),
    DemoArticle(
        slug="een-moestuin-op-het-pleintje",
        title="Een moestuin op het pleintje",
        date=datetime.date(2025, 4, 22),
        author_index=6,
        intro=(
            "Een stuk openbare ruimte in beheer van bewoners: wat regel je met de "
            "gemeente, en wat met elkaar?"
        ),
        body=_p(
            "Een beheerafspraak op één A4 met de gemeente, een rooster voor het "
            "water geven en een bord met wie je kunt aanspreken.",
        ),
        themes=("openbare-ruimte", "duurzaamheid-en-energie"),
        tags=("buurtmoestuin", "bewonersbeheer"),
    ),
    DemoArticle(
        slug="wat-we-leerden-van-de-eerste-leeragenda",
        title="Wat we leerden van de eerste leeragenda",
        date=datetime.date(2025, 6, 30),
        author_index=7,
        intro=(
            "Honderden leervragen van buurtmakers, wijkprofessionals en "
            "beleidsmakers: wat vroegen ze, en wat doet het netwerk ermee?"
        ),
        body=_p(
            "De meeste vragen gingen over geld en continuïteit, over samenwerken "
            "met de gemeente en over het bereiken van bewoners die je nog niet kent.",
        ),
        themes=("kennis-en-leren", "participatie-en-samenwerking"),
        tags=("leeragenda", "leervragen"),
    ),
)

DEMO_ARTICLES = (*SEED_ARTICLES, *WRITTEN_FOR_THE_DEMO)
# Visitors' comments in the demo use addresses of the reserved .test domain.
DEMO_VISITOR_DOMAIN = "buurtwijs.test"


def _public_authors() -> list[Profile]:
    return list(
        Profile.objects.filter(is_public=True)
        .exclude(expertise="")
        .order_by("slug")[:10]
    )


def _add_comments(article: ArticlePage, spec: DemoArticle) -> int:
    if not spec.comments or article.comments.exists():
        return 0
    member = User.objects.filter(email__iexact="lid@buurtwijs.test").first()
    now = timezone.now()
    for number, (name, body) in enumerate(spec.comments):
        as_member = name == "Demo-lid" and member is not None
        Comment.objects.create(
            article=article,
            user=member if as_member else None,
            name=name,
            email="" if as_member else f"reactie{number}@{DEMO_VISITOR_DOMAIN}",
            body=body,
            body_html=comment_html(body),
            status=Comment.Status.PUBLISHED,
            language="nl",
            created_at=now,
            confirmed_at=now,
        )
    return len(spec.comments)


def _publish(
    index: ArticleIndexPage, spec: DemoArticle, authors: list[Profile]
) -> ArticlePage:
    author = None
    if spec.author_index is not None and authors:
        author = authors[spec.author_index % len(authors)]
    article = ArticlePage(
        title=spec.title,
        slug=spec.slug,
        date=spec.date,
        intro=spec.intro,
        body=spec.body,
        author=author,
        byline=spec.byline if author is None else "",
        source_label=spec.source_label,
        source_url=spec.source_url,
        themes=list(Theme.objects.filter(slug__in=spec.themes)),
        live=False,
    )
    if author is None and not spec.byline:
        article.byline = "Redactie Buurtwijs"
    index.add_child(instance=article)
    article.tags.add(*spec.tags)
    related = Page.objects.live().filter(slug__in=spec.related_slugs)
    article.related_links = [ArticleRelatedPage(page=page) for page in related]
    article.save_revision().publish()
    return article


def load_demo_articles(log: Log) -> int:
    """Add the demo articles and their comments that are missing; return how many."""
    index = article_index()
    if index is None:
        log("  no news list (/nieuws/) found; run the migrations first")
        return 0
    authors = _public_authors()
    added = 0
    for spec in DEMO_ARTICLES:
        with transaction.atomic():
            article = ArticlePage.objects.filter(slug=spec.slug).first()
            if article is None:
                article = _publish(index, spec, authors)
                added += 1
                log(f"  article {spec.title}")
            added += _add_comments(article, spec)
    return added
