"""Personal data of matching: contact requests sent and received."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, email_matches, register
from buurtwijs.matching.models import ContactRequest


def _sent(user: User) -> QuerySet[ContactRequest]:
    return ContactRequest.objects.filter(
        Q(sender=user) | email_matches("sender_email", user)
    )


def _export(user: User) -> list[dict[str, Any]]:
    sent = _sent(user).select_related("profile").order_by("sent_at")
    received = ContactRequest.objects.filter(profile__user=user).order_by("sent_at")
    return [
        *(
            {
                "kind": "sent",
                "to": r.profile.name,
                "sender_name": r.sender_name,
                "sender_email": r.sender_email,
                "body": r.body,
                "sent_at": r.sent_at,
            }
            for r in sent
        ),
        # What was relayed to you; the sender's address was never shown to you
        # and is not shown here either.
        *(
            {
                "kind": "received",
                "sender_name": r.sender_name,
                "body": r.body,
                "sent_at": r.sent_at,
            }
            for r in received
        ),
    ]


def _erase(user: User) -> None:
    _sent(user).delete()
    ContactRequest.objects.filter(profile__user=user).delete()


register(
    Provider(
        category="contact_requests",
        label=_("Contact requests between people"),
        description=_(
            "Messages you sent to a suggested person (your name, e-mail address "
            "and text, relayed by e-mail and kept to limit abuse) and messages "
            "relayed to you. Deleted with your account."
        ),
        fields=(
            "matching.ContactRequest.profile",
            "matching.ContactRequest.sender",
            "matching.ContactRequest.sender_name",
            "matching.ContactRequest.sender_email",
        ),
        export=_export,
        erase=_erase,
        order=90,
    )
)
