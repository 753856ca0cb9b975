"""Personal data of the directory: initiatives owned, claims, messages sent."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, email_matches, register
from buurtwijs.directory.models import ContactMessage, Initiative, InitiativeClaim


def _initiatives(user: User) -> QuerySet[Initiative]:
    return Initiative.objects.filter(
        Q(owner=user) | email_matches("contact_email", user)
    )


def _initiatives_export(user: User) -> list[dict[str, Any]]:
    claims = (
        InitiativeClaim.objects.filter(user=user)
        .select_related("initiative")
        .order_by("created_at")
    )
    return [
        *(
            {
                "kind": "initiative",
                "name": i.name,
                "status": i.status,
                "owner": i.owner_id == user.pk,
                "contact_email": i.contact_email,
            }
            for i in _initiatives(user).order_by("sort_name", "pk")
        ),
        *(
            {
                "kind": "claim",
                "initiative": c.initiative.name,
                "message": c.message,
                "status": c.status,
                "created_at": c.created_at,
                "decided_at": c.decided_at,
            }
            for c in claims
        ),
    ]


def _initiatives_erase(user: User) -> None:
    # Initiatives are the network's record of what happens where: they stay,
    # without owner. A contact address that is the person's own goes; messages
    # to the initiative then reach the editors instead.
    for initiative in _initiatives(user):
        if initiative.owner_id == user.pk:
            initiative.owner = None
        if initiative.contact_email.lower() == user.email.lower():
            initiative.contact_email = ""
        # save() per initiative, so the page cache learns of the change.
        initiative.save(update_fields=["owner", "contact_email"])
    InitiativeClaim.objects.filter(user=user).delete()
    InitiativeClaim.objects.filter(decided_by=user).update(decided_by=None)


def _messages(user: User) -> QuerySet[ContactMessage]:
    return ContactMessage.objects.filter(email_matches("sender_email", user))


def _messages_export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "initiative": m.initiative.name,
            "sender_name": m.sender_name,
            "sender_email": m.sender_email,
            "body": m.body,
            "sent_at": m.sent_at,
        }
        for m in _messages(user).select_related("initiative").order_by("sent_at")
    ]


def _messages_erase(user: User) -> None:
    _messages(user).delete()


register(
    Provider(
        category="initiatives",
        label=_("Initiatives and claims"),
        description=_(
            "The initiatives you registered or manage, an initiative's contact "
            "address when it is yours (never shown), and your claims that an "
            "initiative is yours with your message. When you delete your account "
            "the initiatives stay without you; your address and claims are "
            "deleted."
        ),
        fields=(
            "directory.Initiative.owner",
            "directory.Initiative.contact_email",
            "directory.InitiativeClaim.user",
            "directory.InitiativeClaim.decided_by",
        ),
        export=_initiatives_export,
        erase=_initiatives_erase,
        order=100,
    )
)

register(
    Provider(
        category="initiative_messages",
        label=_("Messages to initiatives"),
        description=_(
            "Messages you sent to an initiative through the site: your name, "
            "e-mail address and text, relayed by e-mail and kept to limit abuse. "
            "Deleted with your account."
        ),
        fields=(
            "directory.ContactMessage.sender_name",
            "directory.ContactMessage.sender_email",
        ),
        export=_messages_export,
        erase=_messages_erase,
        order=101,
    )
)
