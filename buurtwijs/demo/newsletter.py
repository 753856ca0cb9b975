"""Demo newsletter: a few confirmed subscribers, one sent issue and one draft.

The sent issue is recorded as sent (a delivery per subscriber) without mailing
anyone; the draft is there for an editor to preview, test and send. Addresses are
fictional (example.org, voorbeeld.nl). A second run adds nothing.
"""

from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from buurtwijs.core.models import Theme
from buurtwijs.newsletter.models import Delivery, Issue, IssueItem, Subscriber
from buurtwijs.newsletter.selectors import content_pages

CONSENT = (
    "Ik wil de nieuwsbrief van Buurtwijs per e-mail ontvangen. Buurtwijs gebruikt "
    "mijn adres, naam en thema's alleen voor deze nieuwsbrief en geeft ze nooit "
    "door. Ik kan me altijd afmelden met de link in elke nieuwsbrief."
)
SUBSCRIBERS = [
    ("fatima.elamrani@voorbeeld.nl", "Fatima el Amrani", "nl", 2),
    ("joost.debruijn@voorbeeld.nl", "Joost de Bruijn", "nl", 0),
    ("sanne.visser@example.org", "Sanne Visser", "nl", 1),
    ("pieter.hoekstra@voorbeeld.nl", "", "nl", 0),
    ("maria.santos@example.org", "Maria Santos", "en", 1),
    ("wijkteam.noord@voorbeeld.nl", "Wijkteam Noord", "nl", 3),
]
SENT_SUBJECT = "Nieuws uit het netwerk: leren van elkaar in de wijk"
SENT_INTRO = (
    "Beste lezer,\n\nIn deze nieuwsbrief: wat bewoners en professionals de "
    "afgelopen maanden van elkaar leerden, en waar je elkaar binnenkort ontmoet."
)
DRAFT_SUBJECT = "Concept: nieuwsbrief voor de volgende maand"
DRAFT_INTRO = (
    "Beste lezer,\n\nDe leeragenda is bijna klaar. Lees hieronder de nieuwste "
    "artikelen, praktijkvoorbeelden en bijeenkomsten."
)


def load_demo_newsletter(log: Callable[[str], None]) -> int:
    """Add the demo subscribers and issues that are missing; returns how many."""
    added = 0
    now = timezone.now()
    themes = list(Theme.objects.order_by("position")[:4])
    with transaction.atomic():
        for position, (email, name, language, theme_count) in enumerate(SUBSCRIBERS):
            subscriber, created = Subscriber.objects.get_or_create(
                email=email,
                defaults={
                    "name": name,
                    "language": language,
                    "status": Subscriber.Status.CONFIRMED,
                    "consent_text": CONSENT,
                    "requested_at": now - timedelta(days=60 - position, minutes=5),
                    "confirmation_sent_at": now - timedelta(days=60 - position),
                    "confirmed_at": now - timedelta(days=60 - position),
                },
            )
            if created:
                subscriber.themes.set(themes[:theme_count])
                added += 1
        pages = list(content_pages()[:8])
        if not Issue.objects.filter(subject=SENT_SUBJECT).exists():
            sent_at = now - timedelta(days=14)
            issue = Issue.objects.create(
                subject=SENT_SUBJECT,
                subject_en="News from the network: learning from each other",
                intro=SENT_INTRO,
                status=Issue.Status.SENT,
                send_started_at=sent_at,
                sent_at=sent_at,
            )
            IssueItem.objects.bulk_create(
                IssueItem(issue=issue, page=page, position=n)
                for n, page in enumerate(pages[3:7])
            )
            subscribers = Subscriber.objects.filter(
                email__in=[row[0] for row in SUBSCRIBERS]
            )
            Delivery.objects.bulk_create(
                Delivery(
                    issue=issue,
                    subscriber=subscriber,
                    status=Delivery.Status.SENT,
                    claimed_at=sent_at,
                    sent_at=sent_at,
                )
                for subscriber in subscribers
            )
            added += 1
        if not Issue.objects.filter(subject=DRAFT_SUBJECT).exists():
            issue = Issue.objects.create(subject=DRAFT_SUBJECT, intro=DRAFT_INTRO)
            IssueItem.objects.bulk_create(
                IssueItem(issue=issue, page=page, position=n)
                for n, page in enumerate(pages[:4])
            )
            added += 1
    log(f"Newsletter: {added} subscribers and issues added")
    return added
