"""Demo: learning networks with members, conversations, meetings and documents.

Idempotent: a network, person, membership, thread or reply that is already there
(by slug, e-mail address or title) is left alone; only what is missing is added.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from buurtwijs.accounts.models import PersonKind, Profile, User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.accounts.services import member_grant, profile_create
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import Document, Visibility
from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread
from buurtwijs.networks.services import network_create

EDITOR_EMAIL = "redacteur@buurtwijs.test"
MEMBER_EMAIL = "lid@buurtwijs.test"


@dataclass(frozen=True)
class Voice:
    """A demo participant who writes in the networks (no password: cannot log in)."""

    email: str
    name: str
    organisation: str
    kind: str
    municipality: str  # CBS code
    themes: tuple[str, ...]


VOICES = (
    Voice(
        "fatima@buurtwijs.test",
        "Fatima el Amrani",
        "Bewonerscoöperatie De Linde",
        PersonKind.RESIDENT,
        "GM0344",
        ("organiseren-en-financieren", "ontmoeting-en-eenzaamheid"),
    ),
    Voice(
        "kees@buurtwijs.test",
        "Kees Fortuin-de Wit",
        "Buurtmakers Tilburg-Noord",
        PersonKind.PROFESSIONAL,
        "GM0855",
        ("participatie-en-samenwerking", "ontmoeting-en-eenzaamheid"),
    ),
    Voice(
        "sanne@buurtwijs.test",
        "Sanne Bakker",
        "Lectoraat Wijkgericht Werken",
        PersonKind.RESEARCHER,
        "GM0363",
        ("kennis-en-leren", "participatie-en-samenwerking"),
    ),
    Voice(
        "mohamed@buurtwijs.test",
        "Mohamed Yilmaz",
        "Wijkteam Delfshaven",
        PersonKind.PROFESSIONAL,
        "GM0599",
        ("armoede-en-schulden", "jeugd-en-opvoeden"),
    ),
    Voice(
        "ingrid@buurtwijs.test",
        "Ingrid Postma",
        "Gemeente Leeuwarden",
        PersonKind.POLICY_MAKER,
        "GM0080",
        ("armoede-en-schulden", "werk-en-economie"),
    ),
)


@dataclass(frozen=True)
class DemoThread:
    author: str  # e-mail address
    title: str
    body: str
    days_ago: int
    replies: tuple[tuple[str, str], ...]  # (author e-mail, text)


@dataclass(frozen=True)
class DemoNetwork:
    name: str
    slug: str
    description: str
    themes: tuple[str, ...]
    members: tuple[str, ...]  # e-mail addresses; the first is the moderator
    threads: tuple[DemoThread, ...]
    keywords: tuple[str, ...]  # words in titles of meetings to link
    is_open: bool = True


NETWORKS = (
    DemoNetwork(
        name="Leernetwerk buurtcoöperaties",
        slug="leernetwerk-buurtcooperaties",
        description=(
            "Voor bewoners en professionals die een buurt- of wijkcoöperatie "
            "oprichten of draaiende houden. We wisselen statuten, projectplannen "
            "voor bewonersdiensten en ideeën voor pilots uit, en bespreken hoe je "
            "financiering rond krijgt en houdt.\n\n"
            "Eens per kwartaal komen we bij een van de coöperaties op bezoek."
        ),
        themes=("organiseren-en-financieren", "participatie-en-samenwerking", "wonen"),
        members=(
            "fatima@buurtwijs.test",
            MEMBER_EMAIL,
            "kees@buurtwijs.test",
            EDITOR_EMAIL,
        ),
        keywords=("coöperatie", "buurtbudget", "financ"),
        threads=(
            DemoThread(
                author="fatima@buurtwijs.test",
                title="Wie heeft modelstatuten voor een buurtcoöperatie met ledenraad?",
                body=(
                    "We willen onze stichting omzetten in een coöperatie, zodat "
                    "bewoners echt mede-eigenaar worden. De notaris vraagt of we "
                    "een ledenraad willen of een algemene ledenvergadering.\n\n"
                    "Heeft iemand statuten die goed werken met een ledenraad? En "
                    "hoe houd je dan toch iedereen betrokken?"
                ),
                days_ago=9,
                replies=(
                    (
                        MEMBER_EMAIL,
                        "Wij zijn met een algemene ledenvergadering begonnen en "
                        "hebben daar geen spijt van: bij 120 leden is het nog goed "
                        "te doen. Onze statuten staan in de kennisbank, zoek op "
                        "'modelstatuten'.",
                    ),
                    (
                        "kees@buurtwijs.test",
                        "Een ledenraad werkt pas als je echt groot bent. Zorg in "
                        "elk geval dat je in de statuten vastlegt hoe nieuwe "
                        "bewoners lid kunnen worden, dat wordt vaak vergeten.",
                    ),
                ),
            ),
            DemoThread(
                author=MEMBER_EMAIL,
                title="Buurtbudget: hoe laten jullie bewoners zelf beslissen?",
                body=(
                    "Onze gemeente wil een deel van het wijkbudget aan de "
                    "coöperatie overdragen. Hoe organiseren jullie de keuze: een "
                    "stemming, een bewonersjury of iets anders? We zoeken een "
                    "manier die ook mensen bereikt die nooit naar een avond komen."
                ),
                days_ago=3,
                replies=(
                    (
                        "fatima@buurtwijs.test",
                        "Wij stemmen op papier én online, en we gaan langs de deuren "
                        "met een stembus. Dat laatste leverde de meeste stemmen op.",
                    ),
                ),
            ),
        ),
    ),
    DemoNetwork(
        name="Academie voor buurtwerkers",
        slug="academie-voor-buurtwerkers",
        description=(
            "Een kring van community builders, opbouwwerkers en gebiedsgerichte "
            "ambtenaren die werken vanuit wat een buurt al heeft (Asset Based "
            "Community Development). We leren van elkaars praktijk, lezen samen "
            "en maken de kring steeds groter."
        ),
        themes=(
            "participatie-en-samenwerking",
            "ontmoeting-en-eenzaamheid",
            "kennis-en-leren",
        ),
        members=(
            "kees@buurtwijs.test",
            "sanne@buurtwijs.test",
            "mohamed@buurtwijs.test",
            MEMBER_EMAIL,
        ),
        keywords=("community", "ontmoeting", "buurtmakers"),
        threads=(
            DemoThread(
                author="kees@buurtwijs.test",
                title="Hoe leg je aan de gemeente uit wat een community builder doet?",
                body=(
                    "Steeds vaker vraagt de gemeente om 'resultaten' in aantallen. "
                    "Maar het werk is juist: mensen met elkaar verbinden, talenten "
                    "zichtbaar maken, wachten tot bewoners zelf iets oppakken.\n\n"
                    "Hoe verantwoorden jullie dit? Welke verhalen of cijfers "
                    "werken bij wethouders en ambtenaren?"
                ),
                days_ago=6,
                replies=(
                    (
                        "sanne@buurtwijs.test",
                        "In ons onderzoek werkten korte portretten van bewoners het "
                        "best, aangevuld met een paar cijfers over bereik. De "
                        "verkenning 'ABCD naar veerkrachtige gemeenschappen' heeft "
                        "er een mooi hoofdstuk over.",
                    ),
                    (
                        "mohamed@buurtwijs.test",
                        "Neem een ambtenaar een middag mee de wijk in. Dat heeft bij "
                        "ons meer gedaan dan elk rapport.",
                    ),
                ),
            ),
        ),
    ),
    DemoNetwork(
        name="Kennisnetwerk armoede en schulden",
        slug="kennisnetwerk-armoede-en-schulden",
        description=(
            "Voor wijkprofessionals, vrijwilligers en beleidsmakers die met "
            "bewoners werken aan armoede en schulden: vroegsignalering, "
            "schuldhulp dichtbij, voedselbanken en buurtwinkels, en wat werkt om "
            "de schaamte te doorbreken."
        ),
        themes=("armoede-en-schulden", "werk-en-economie"),
        members=(
            "mohamed@buurtwijs.test",
            "ingrid@buurtwijs.test",
            "fatima@buurtwijs.test",
        ),
        keywords=("armoede", "schulden", "voedsel"),
        threads=(
            DemoThread(
                author="ingrid@buurtwijs.test",
                title="Vroegsignalering van betalingsachterstanden: wie werkt samen "
                "met de woningcorporatie?",
                body=(
                    "We willen eerder in beeld krijgen wie huurachterstand heeft, "
                    "voordat de schulden oplopen. De corporatie wil wel, maar "
                    "twijfelt over privacy. Hoe hebben andere gemeenten dat "
                    "afgesproken?"
                ),
                days_ago=4,
                replies=(
                    (
                        "mohamed@buurtwijs.test",
                        "In Rotterdam gaat een medewerker van het wijkteam samen met "
                        "de huismeester langs. De corporatie geeft alleen het adres "
                        "door, met toestemming in het huurcontract.",
                    ),
                ),
            ),
            DemoThread(
                author="fatima@buurtwijs.test",
                title="Tip: spreekuur bij de buurtwinkel in plaats van op het "
                "wijkkantoor",
                body=(
                    "Sinds het schuldhulpspreekuur in onze buurtwinkel zit, komen er "
                    "drie keer zoveel mensen. Het voelt minder als 'naar de "
                    "instantie gaan'. Misschien iets voor jullie wijk?"
                ),
                days_ago=1,
                replies=(),
            ),
        ),
    ),
    DemoNetwork(
        name="Praktijk en onderzoek: plekken van hoop en verandering",
        slug="praktijk-en-onderzoek",
        description=(
            "Onderzoekers van hogescholen en professionals uit praktijk en beleid "
            "die samen kennis ontwikkelen over nieuwe samenwerkingsverbanden in "
            "buurten: wie neemt welke rol, hoe verschuiven de verhoudingen, en "
            "wat leren de casussen ons? Het vervolg op het boek 'Plekken van hoop "
            "en verandering'."
        ),
        themes=("kennis-en-leren", "participatie-en-samenwerking"),
        members=(
            "sanne@buurtwijs.test",
            "ingrid@buurtwijs.test",
            "kees@buurtwijs.test",
            EDITOR_EMAIL,
        ),
        keywords=("onderzoek", "congres", "plekken"),
        threads=(
            DemoThread(
                author="sanne@buurtwijs.test",
                title="Casussen buiten de grote steden gezocht",
                body=(
                    "Een terecht punt van kritiek op het boek: bijna alle casussen "
                    "spelen in de vier grote steden. Voor het vervolgonderzoek "
                    "zoeken we samenwerkingsverbanden op het platteland en in "
                    "krimpgebieden. Kent u er een? Dorpscoöperaties, zorg in het "
                    "dorp, een dorpshuis in eigen beheer?"
                ),
                days_ago=12,
                replies=(
                    (
                        "ingrid@buurtwijs.test",
                        "In Friesland zijn er verschillende dorpen met een eigen "
                        "zorgcoöperatie. Ik breng u graag in contact.",
                    ),
                ),
            ),
        ),
    ),
    DemoNetwork(
        name="Leernetwerk leefbaarheid en veiligheid",
        slug="leernetwerk-leefbaarheid-en-veiligheid",
        description=(
            "Voor buurtmakers, wijkprofessionals en beleidsmakers in wijken waar "
            "problemen rond wonen, gezondheid en veiligheid zich opstapelen. De "
            "eerste groep is vol; in het najaar start een nieuwe ronde."
        ),
        themes=("veiligheid", "wonen", "jeugd-en-opvoeden"),
        members=("mohamed@buurtwijs.test", "ingrid@buurtwijs.test"),
        keywords=("leefbaarheid", "veilig"),
        threads=(),
        is_open=False,
    ),
)


def _voices(log: Callable[[str], None]) -> tuple[dict[str, User], int]:
    """The demo participants by e-mail address, plus the demo accounts."""
    added = 0
    for voice in VOICES:
        user = User.objects.filter(email__iexact=voice.email).first()
        if user is None:
            user = User.objects.create_user(username=voice.email, email=voice.email)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            member_grant(user=user)
            added += 1
            log(f"  demo participant {voice.name}")
        if not Profile.objects.filter(user=user).exists():
            profile_create(
                user=user,
                name=voice.name,
                organisation=voice.organisation,
                municipality=Municipality.objects.filter(
                    code=voice.municipality
                ).first(),
                kind=voice.kind,
                themes=list(Theme.objects.filter(slug__in=voice.themes)),
            )
    emails = [voice.email for voice in VOICES] + [EDITOR_EMAIL, MEMBER_EMAIL]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    # The demo accounts join as members of Buurtwijs, like everyone else.
    group = Group.objects.filter(name=MEMBER).first()
    if group is not None:
        for user in users.values():
            user.groups.add(group)
    return users, added


def _links(network: LearningNetwork, spec: DemoNetwork) -> None:
    if not network.meetings.exists():
        words = Q()
        for word in spec.keywords:
            words |= Q(title__icontains=word)
        meetings = EventPage.objects.live().filter(words).order_by("starts_at")[:3]
        network.meetings.add(*meetings)
    if not network.documents.exists():
        documents = (
            Document.objects.filter(
                status=Document.Status.PUBLISHED,
                visibility=Visibility.PUBLIC,
                themes__slug__in=spec.themes,
            )
            .order_by("-published_at", "id")
            .values_list("pk", flat=True)
            .distinct()[:4]
        )
        network.documents.add(*documents)


@transaction.atomic
def load_demo_networks(log: Callable[[str], None]) -> int:
    """Add the demo learning networks and what is in them; 0 when all is there."""
    users, added = _voices(log)
    editor = users.get(EDITOR_EMAIL)
    now = timezone.now()
    for spec in NETWORKS:
        network = LearningNetwork.objects.filter(slug=spec.slug).first()
        if network is None:
            network = network_create(
                name=spec.name,
                slug=spec.slug,
                description=spec.description,
                created_by=editor,
                themes=Theme.objects.filter(slug__in=spec.themes),
                is_open=spec.is_open,
            )
            added += 1
            log(f"  learning network {spec.name}")
        _links(network, spec)
        for position, email in enumerate(spec.members):
            user = users.get(email)
            if user is None:
                continue
            _membership, created = Membership.objects.get_or_create(
                network=network,
                user=user,
                defaults={
                    "role": (
                        Membership.Role.MODERATOR
                        if position == 0
                        else Membership.Role.MEMBER
                    )
                },
            )
            added += created
        existing = set(network.threads.values_list("title", flat=True))
        for demo in spec.threads:
            if demo.title in existing or demo.author not in users:
                continue
            started = now - timedelta(days=demo.days_ago, hours=3)
            thread = Thread.objects.create(
                network=network,
                author=users[demo.author],
                title=demo.title,
                body=demo.body,
            )
            last = started
            for number, (email, text) in enumerate(demo.replies, start=1):
                reply = Reply.objects.create(
                    thread=thread, author=users.get(email), body=text
                )
                last = started + timedelta(hours=5 * number)
                Reply.objects.filter(pk=reply.pk).update(created_at=last)
            Thread.objects.filter(pk=thread.pk).update(
                created_at=started, last_activity_at=last
            )
            added += 1 + len(demo.replies)
    return added
