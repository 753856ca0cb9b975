"""Personal data of the newsletter: the subscription of an e-mail address."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, email_matches, register
from buurtwijs.newsletter.models import Delivery, Issue, Subscriber


def _subscribers(user: User) -> QuerySet[Subscriber]:
    return Subscriber.objects.filter(email_matches("email", user))


def _export(user: User) -> list[dict[str, Any]]:
    subscribers = list(_subscribers(user).prefetch_related("themes"))
    deliveries = (
        Delivery.objects.filter(subscriber__in=subscribers)
        .select_related("issue")
        .order_by("pk")
    )
    created = Issue.objects.filter(created_by=user).order_by("pk")
    return [
        *(
            {
                "kind": "subscription",
                "email": s.email,
                "name": s.name,
                "language": s.language,
                "status": s.status,
                "themes": sorted(t.slug for t in s.themes.all()),
                "consent_text": s.consent_text,
                "requested_at": s.requested_at,
                "confirmed_at": s.confirmed_at,
                "unsubscribed_at": s.unsubscribed_at,
            }
            for s in subscribers
        ),
        *(
            {
                "kind": "issue_received",
                "issue": d.issue.subject,
                "status": d.status,
                "sent_at": d.sent_at,
            }
            for d in deliveries
        ),
        *({"kind": "issue_written", "issue": i.subject} for i in created),
    ]


def _erase(user: User) -> None:
    # The subscription with its address goes; the record of what was sent to it
    # (Delivery) goes with it, so the issue's totals count one address fewer.
    _subscribers(user).delete()
    Issue.objects.filter(created_by=user).update(created_by=None)


register(
    Provider(
        category="newsletter",
        label=_("Newsletter subscription"),
        description=_(
            "The e-mail address, name, language and themes you subscribed with, "
            "the consent text and when you confirmed, and which issues were sent "
            "to you (so none is sent twice). Deleted with your account, also a "
            "subscription made with the same address without signing in."
        ),
        fields=(
            "newsletter.Subscriber.email",
            "newsletter.Subscriber.name",
            "newsletter.Issue.created_by",
        ),
        export=_export,
        erase=_erase,
        order=80,
    )
)
