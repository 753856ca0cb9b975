"""Writes to the directory: registering, editing, moderating, claiming, contacting."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import ADMINISTRATOR, EDITOR
from buurtwijs.core.mail import build_mail, send_templated_mail
from buurtwijs.core.slugs import unique_slug
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.models import ContactMessage, Initiative, InitiativeClaim
from buurtwijs.search.services import index_later

CONTACT_LIMIT_PER_HOUR = 5


class ContactRefused(Exception):
    """The message was not relayed; the text says why, for the sender."""


def initiative_can_edit(*, user: Any, initiative: Initiative) -> bool:
    """Owners edit their own initiative; editors edit every initiative."""
    if not user.is_authenticated:
        return False
    return initiative.owner_id == user.pk or user.has_perm(
        "directory.change_initiative"
    )


def unique_initiative_slug(name: str, exclude_pk: int | None = None) -> str:
    """A web address for an initiative, numbered when the name is taken."""
    taken = Initiative.objects.all()
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    return unique_slug(taken, name, fallback="initiatief", max_length=200)


def _editors() -> list[User]:
    groups = Group.objects.filter(name__in=[EDITOR, ADMINISTRATOR])
    return list(
        User.objects.filter(groups__in=groups, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def _notify_editors(
    subject: Callable[[], str], template: str, context: dict[str, Any]
) -> None:
    """One mail to each editor, in their own language."""
    for editor in _editors():
        send_templated_mail(
            to=[editor.email],
            subject=subject,
            template=template,
            context=context,
            language=editor.language,
        )


@transaction.atomic
def initiative_register(*, user: User, form: Any, partners: Any) -> Initiative:
    """Store a member's new initiative, owned by them, waiting for an editor."""
    initiative = form.save(commit=False)
    initiative.slug = unique_initiative_slug(initiative.name)
    initiative.sort_name = dutch_sort_key(initiative.name)
    initiative.owner = user
    initiative.status = Initiative.Status.PENDING
    initiative.save()
    form.save_m2m()
    partners.instance = initiative
    partners.save()
    # Pending, so not searchable yet; the task keeps it out of the index.
    index_later(kind="initiative", object_id=initiative.pk)
    transaction.on_commit(
        lambda: _notify_editors(
            lambda: _("New initiative to review: %(name)s") % {"name": initiative.name},
            "directory/mail/initiative_registered",
            {"initiative": initiative, "user": user},
        )
    )
    return initiative


@transaction.atomic
def initiative_update(
    *, initiative: Initiative, form: Any, partners: Any
) -> Initiative:
    """Save the owner's or an editor's changes to an initiative and its partners."""
    initiative = form.save(commit=False)
    initiative.sort_name = dutch_sort_key(initiative.name)
    initiative.save()
    form.save_m2m()
    partners.save()
    index_later(kind="initiative", object_id=initiative.pk)
    return initiative


@transaction.atomic
def initiative_moderate(*, initiative: Initiative, approve: bool) -> Initiative:
    """Publish or reject an initiative waiting for moderation."""
    initiative.status = (
        Initiative.Status.PUBLISHED if approve else Initiative.Status.REJECTED
    )
    initiative.save(update_fields=["status", "updated_at"])
    index_later(kind="initiative", object_id=initiative.pk)
    owner = initiative.owner
    if owner is not None:
        template = (
            "directory/mail/initiative_approved"
            if approve
            else "directory/mail/initiative_rejected"
        )
        transaction.on_commit(
            lambda: send_templated_mail(
                to=[owner.email],
                subject=lambda: (
                    _("Your initiative %(name)s") % {"name": initiative.name}
                ),
                template=template,
                context={"initiative": initiative},
                language=owner.language,
            )
        )
    return initiative


@transaction.atomic
def claim_submit(
    *, initiative: Initiative, user: User, message: str
) -> InitiativeClaim:
    """Record that a member says the initiative is theirs; one open claim each."""
    claim = InitiativeClaim.objects.filter(
        initiative=initiative, user=user, status=InitiativeClaim.Status.PENDING
    ).first()
    if claim is not None:
        return claim
    claim = InitiativeClaim.objects.create(
        initiative=initiative, user=user, message=message
    )
    transaction.on_commit(
        lambda: _notify_editors(
            lambda: _("Claim to review: %(name)s") % {"name": initiative.name},
            "directory/mail/claim_submitted",
            {"claim": claim},
        )
    )
    return claim


@transaction.atomic
def claim_decide(*, claim: InitiativeClaim, editor: User, approve: bool) -> None:
    """Approve (the member becomes owner) or reject a claim."""
    claim.status = (
        InitiativeClaim.Status.APPROVED if approve else InitiativeClaim.Status.REJECTED
    )
    claim.decided_at = timezone.now()
    claim.decided_by = editor
    claim.save(update_fields=["status", "decided_at", "decided_by"])
    if approve:
        # The owner is not shown publicly nor indexed: no search update needed.
        initiative = claim.initiative
        initiative.owner = claim.user
        initiative.save(update_fields=["owner", "updated_at"])
        InitiativeClaim.objects.filter(
            initiative=initiative, status=InitiativeClaim.Status.PENDING
        ).update(
            status=InitiativeClaim.Status.REJECTED,
            decided_at=claim.decided_at,
            decided_by=editor,
        )
    user = claim.user
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[user.email],
            subject=lambda: (
                _("Your claim of %(name)s") % {"name": claim.initiative.name}
            ),
            template="directory/mail/claim_decided",
            context={"claim": claim, "approve": approve},
            language=user.language,
        )
    )


def _contact_address(initiative: Initiative) -> str:
    if initiative.contact_email:
        return initiative.contact_email
    if initiative.owner is not None:
        return initiative.owner.email
    return ""


@transaction.atomic
def contact_relay(
    *,
    initiative: Initiative,
    sender_name: str,
    sender_email: str,
    body: str,
    client_key: str,
) -> ContactMessage:
    """Relay a visitor's message to the initiative without showing either address.

    The recipient sees the sender's address only as the Reply-To of the mail, so
    answering is their choice. Limits: five messages an hour per sender address
    and per browser or network address.
    """
    recipient = _contact_address(initiative)
    if not recipient:
        raise ContactRefused(
            _("This initiative has no contact address yet; your message was not sent.")
        )
    since = timezone.now() - timedelta(hours=1)
    recent = ContactMessage.objects.filter(sent_at__gte=since).filter(
        Q(sender_email__iexact=sender_email) | Q(client_key=client_key)
    )
    if recent.count() >= CONTACT_LIMIT_PER_HOUR:
        raise ContactRefused(
            _(
                "You have sent several messages in the past hour. Your message was "
                "not sent; please try again later."
            )
        )
    message = ContactMessage.objects.create(
        initiative=initiative,
        sender_name=sender_name,
        sender_email=sender_email,
        body=body,
        client_key=client_key,
    )
    owner = initiative.owner
    mail = build_mail(
        to=[recipient],
        subject=lambda: (
            _("Message via Buurtwijs for %(name)s") % {"name": initiative.name}
        ),
        template="directory/mail/contact_relay",
        context={"message": message, "initiative": initiative},
        language=owner.language if owner is not None else None,
        reply_to=[f"{sender_name} <{sender_email}>"],
    )
    transaction.on_commit(mail.send)
    return message
