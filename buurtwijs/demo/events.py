"""Demo events: learning sessions, werkplaatsen and webinars, coming and past.

Dates are relative to the day the demo is loaded, so there is always something to
register for. One event is full with people on the waiting list and one has two
places left; their registrations are written as rows, without mails, since the
people are made up.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from buurtwijs.demo.real import events_section
from buurtwijs.directory.models import Initiative
from buurtwijs.events.models import EventPage, Registration

AMSTERDAM_TZ = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class DemoEvent:
    """An event `days` from today (negative: in the past), at `start` local time."""

    slug: str
    title: str
    days: int
    start: time
    hours: float
    intro: str
    audience: str
    programme: tuple[str, ...]
    location: str = ""
    online_url: str = ""
    capacity: int | None = None
    initiative: str = ""
    # (confirmed, waiting) registrations the demo adds.
    taken: tuple[int, int] = (0, 0)


DEMO_EVENTS = (
    DemoEvent(
        slug="leersessie-buurtbudgetten",
        title="Leersessie: bewoners beslissen over het buurtbudget",
        days=9,
        start=time(19, 30),
        hours=2,
        location="Buurthuis De Evenaar, Amsterdam",
        capacity=30,
        initiative="buurtvoorziening-de-evenaar",
        taken=(12, 0),
        intro=(
            "Hoe verdeel je een buurtbudget zo dat niet alleen de vaste gezichten "
            "meebeslissen? Drie buurten vertellen hoe zij het aanpakten."
        ),
        audience="Bewonersinitiatieven, buurtmakers en wijkprofessionals.",
        programme=(
            "Ontvangst met koffie en thee",
            "Drie buurten over hun buurtbudget: wat werkte en wat niet",
            "In kleine groepen: wie beslist er in jouw buurt mee?",
        ),
    ),
    DemoEvent(
        slug="werkplaats-buurtcooperatie-starten",
        title="Werkplaats: een buurtcoöperatie starten",
        days=16,
        start=time(13, 0),
        hours=4,
        location="Delfshaven Coöperatie, Rotterdam",
        capacity=20,
        initiative="delfshaven-cooperatie",
        taken=(20, 3),
        intro=(
            "Een middag werken aan je eigen plan: statuten, ledenwerving en de "
            "eerste opdracht van de gemeente. Met mensen die het al deden."
        ),
        audience="Bewonersgroepen die een coöperatie overwegen of net gestart zijn.",
        programme=(
            "Wat een coöperatie wel en niet is",
            "Aan de slag met je eigen statuten en verdienmodel",
            "Gesprek met leden van de Delfshaven Coöperatie",
        ),
    ),
    DemoEvent(
        slug="webinar-energiecooperatie-in-de-wijk",
        title="Webinar: de energiecoöperatie in de wijk",
        days=5,
        start=time(12, 0),
        hours=1,
        online_url="https://meet.example.org/buurtwijs-energie",
        intro=(
            "Een lunchwebinar over warmtenetten, zonnedaken en de rol van bewoners "
            "in de energietransitie van hun buurt."
        ),
        audience="Iedereen die in de buurt met energie aan de slag wil.",
        programme=(
            "Inleiding: wat kan een energiecoöperatie in de wijk?",
            "Praktijkvoorbeeld uit Utrecht",
            "Vragen uit de chat",
        ),
    ),
    DemoEvent(
        slug="leernetwerk-wijkgericht-werken-bijeenkomst",
        title="Bijeenkomst leernetwerk wijkgericht werken",
        days=23,
        start=time(15, 0),
        hours=2.5,
        location="Stadskantoor Utrecht",
        online_url="https://meet.example.org/buurtwijs-wijkgericht",
        capacity=40,
        initiative="samen030",
        taken=(38, 0),
        intro=(
            "Het leernetwerk komt samen rond de vraag hoe gemeente en bewoners "
            "samen de wijkagenda maken. Ook online te volgen."
        ),
        audience="Deelnemers van het leernetwerk en andere belangstellenden.",
        programme=(
            "Terugblik op de vorige bijeenkomst",
            "Casus: de wijkagenda van Overvecht",
            "Wat nemen we mee naar de leeragenda?",
        ),
    ),
    DemoEvent(
        slug="voedseltuin-oogstdag",
        title="Oogstdag en rondleiding in de voedseltuin",
        days=30,
        start=time(10, 0),
        hours=3,
        location="De Voedseltuin, Rotterdam",
        capacity=25,
        initiative="de-voedseltuin",
        intro=(
            "Oogsten, koken en praten over voedsel, werk en meedoen. Met een "
            "rondleiding langs de tuin en het werkleerbedrijf."
        ),
        audience="Buurtbewoners, vrijwilligers en professionals in zorg en welzijn.",
        programme=(
            "Rondleiding door de tuin",
            "Samen oogsten en koken",
            "Gesprek: werk en meedoen via de tuin",
        ),
    ),
    DemoEvent(
        slug="webinar-vrijwilligers-vasthouden",
        title="Webinar: vrijwilligers vinden en vasthouden",
        days=40,
        start=time(20, 0),
        hours=1.5,
        online_url="https://meet.example.org/buurtwijs-vrijwilligers",
        capacity=100,
        intro=(
            "Wat doe je als de subsidie stopt en de vaste kern moe wordt? Over "
            "nieuwe mensen bereiken en het werk lichter maken."
        ),
        audience="Besturen en kernteams van bewonersinitiatieven.",
        programme=(
            "Vijf lessen uit de leeragenda",
            "Twee initiatieven over hun aanpak",
            "Vragen en uitwisseling",
        ),
    ),
    DemoEvent(
        slug="werkplaats-maatschappelijk-vastgoed",
        title="Werkplaats: het buurthuis in bewonershanden",
        days=54,
        start=time(14, 0),
        hours=3,
        location="Dorpshuis Fort Vreeswijk, Nieuwegein",
        capacity=24,
        initiative="dorpshuis-fort-vreeswijk",
        intro=(
            "Over beheer, huur, verzekering en onderhoud: wat komt erbij kijken als "
            "bewoners een gebouw overnemen?"
        ),
        audience="Bewonersgroepen met of zonder eigen gebouw, gemeenten.",
        programme=(
            "Rondleiding door het dorpshuis",
            "Werkvormen: de begroting van een buurthuis",
            "Afspraken met gemeente en woningcorporatie",
        ),
    ),
    DemoEvent(
        slug="leersessie-opvoeden-in-de-wijk",
        title="Leersessie: samen opvoeden in de wijk",
        days=-12,
        start=time(19, 0),
        hours=2,
        location="Wijkcentrum Feijenoord, Rotterdam",
        capacity=30,
        initiative="wijkacademies-opvoeden",
        intro="Ouders, scholen en wijkteams over elkaar leren kennen en steunen.",
        audience="Ouders, leerkrachten en wijkprofessionals.",
        programme=("Ervaringen uit de wijkacademies", "Gesprek in kleine groepen"),
    ),
    DemoEvent(
        slug="webinar-zorgcooperaties",
        title="Webinar: zorg dichtbij, van en voor bewoners",
        days=-30,
        start=time(12, 0),
        hours=1,
        online_url="https://meet.example.org/buurtwijs-zorg",
        initiative="zorgvrijstaat",
        intro="Hoe bewoners zelf zorg en ondersteuning in de buurt organiseren.",
        audience="Zorgcoöperaties, wijkteams en gemeenten.",
        programme=("Praktijk van Zorgvrijstaat", "Vragen uit de chat"),
    ),
    DemoEvent(
        slug="netwerkdag-buurtontwikkeling-najaar",
        title="Netwerkdag buurtontwikkeling",
        days=-75,
        start=time(10, 0),
        hours=6,
        location="Jaarbeurs, Utrecht",
        capacity=150,
        intro=(
            "Een dag met het hele netwerk: werkplaatsen, een markt van initiatieven "
            "en de eerste versie van de leeragenda."
        ),
        audience="Iedereen in het netwerk.",
        programme=(
            "Opening en de leeragenda in vogelvlucht",
            "Werkplaatsen in de ochtend en middag",
            "Markt van initiatieven",
        ),
    ),
    DemoEvent(
        slug="leersessie-blauwe-wijkeconomie",
        title="Leersessie: de blauwe wijkeconomie",
        days=-120,
        start=time(16, 0),
        hours=2,
        location="Buurtwinkel, Utrecht",
        initiative="de-blauwe-wijkeconomie",
        intro="Over een eigen munt en ruilen in de wijk: wat levert het op?",
        audience="Buurtmakers en ondernemers in de wijk.",
        programme=("Zo werkt de blauwe wijkeconomie", "Wat kan jouw wijk ermee?"),
    ),
    DemoEvent(
        slug="werkplaats-in-de-boomtak",
        title="Werkplaats: ontmoeten in een buurtkamer",
        days=-200,
        start=time(14, 0),
        hours=2.5,
        location="In de Boomtak, Amsterdam",
        capacity=18,
        initiative="in-de-boomtak",
        intro="Hoe een buurtkamer een plek wordt waar iedereen binnenloopt.",
        audience="Vrijwilligers en beheerders van buurtkamers en buurthuizen.",
        programme=("Rondleiding", "Werkvorm: de drempel omlaag"),
    ),
)

_DEMO_NAMES = (
    "Sanne de Vries",
    "Mohammed Bouzid",
    "Ingrid Bakker",
    "Kees van Dijk",
    "Yasmina Tahiri",
    "Joost Mulder",
    "Priya Ramdin",
    "Henk de Groot",
    "Lotte Smit",
    "Emre Yilmaz",
)


def _starts_at(item: DemoEvent, today: datetime) -> datetime:
    day = (today + timedelta(days=item.days)).date()
    return datetime.combine(day, item.start, tzinfo=AMSTERDAM_TZ)


def _registrations(event: EventPage, taken: tuple[int, int]) -> list[Registration]:
    confirmed, waiting = taken
    rows = []
    for number in range(confirmed + waiting):
        name = _DEMO_NAMES[number % len(_DEMO_NAMES)]
        rows.append(
            Registration(
                event=event,
                name=name,
                email=f"deelnemer{number + 1}@voorbeeld.nl",
                status=(
                    Registration.Status.CONFIRMED
                    if number < confirmed
                    else Registration.Status.WAITING
                ),
                nonce=secrets.token_hex(16),
            )
        )
    return rows


@transaction.atomic
def load_demo_events(log: Callable[[str], None]) -> int:
    """The demo events under /evenementen/; adds only those that are missing."""
    section = events_section()
    existing = set(EventPage.objects.values_list("slug", flat=True))
    initiatives = dict(
        Initiative.objects.filter(
            slug__in=[item.initiative for item in DEMO_EVENTS if item.initiative]
        ).values_list("slug", "pk")
    )
    today = timezone.localtime(timezone.now(), AMSTERDAM_TZ)
    added = 0
    for item in DEMO_EVENTS:
        if item.slug in existing:
            continue
        starts_at = _starts_at(item, today)
        event = EventPage(
            title=item.title,
            slug=item.slug,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=item.hours),
            location=item.location,
            online_url=item.online_url,
            capacity=item.capacity,
            audience=item.audience,
            intro=item.intro,
            programme="<ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in item.programme)
            + "</ul>",
            initiative_id=initiatives.get(item.initiative),
        )
        section.add_child(instance=event)
        event.save_revision().publish()
        Registration.objects.bulk_create(_registrations(event, item.taken))
        added += 1
        log(f"  event /evenementen/{item.slug}/")
    return added
