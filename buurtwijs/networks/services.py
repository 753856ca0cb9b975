"""Writes of learning networks: joining, posting, settings, and the mails they cause."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.selectors import user_is_member
from buurtwijs.networks.models import (
    BODY_LIMIT,
    TITLE_LIMIT,
    LearningNetwork,
    MailPreference,
    Membership,
    Reply,
    Thread,
)
from buurtwijs.networks.text import check_length, tidy_line, tidy_text

# More posts than this in an hour is not a conversation any more.
POSTS_PER_HOUR = 30
# A second identical post within this time is the same post sent twice.
DUPLICATE_WINDOW = timedelta(minutes=10)


class NetworkRefused(Exception):
    """A request the network cannot honour; the message says why, for the person."""


def network_join(*, network: LearningNetwork, user: User) -> Membership:
    """Make this person a member; joining twice keeps the first membership."""
    existing = Membership.objects.filter(network=network, user=user).first()
    if existing is not None:
        return existing
    if not user_is_member(user):
        raise NetworkRefused(
            _(
                "Only members of Buurtwijs can join a learning network. Confirm your "
                "e-mail address first."
            )
        )
    if not network.is_open:
        raise NetworkRefused(
            _("This learning network is not taking new members at the moment.")
        )
    try:
        with transaction.atomic():
            return Membership.objects.create(network=network, user=user)
    except IntegrityError:
        # A second click that raced the first: the membership exists now.
        return Membership.objects.get(network=network, user=user)


def network_leave(*, network: LearningNetwork, user: User) -> bool:
    """End this person's membership; says whether there was one."""
    deleted, _count = Membership.objects.filter(network=network, user=user).delete()
    return bool(deleted)


def membership_notify_set(*, membership: Membership, notify: str) -> Membership:
    """Choose how this member hears of new threads and replies."""
    if notify not in Membership.Notify.values:
        raise ValidationError({"notify": _("Choose one of the options.")})
    membership.notify = notify
    membership.save(update_fields=["notify"])
    return membership


def mail_preference_set(*, user: User, weekly_digest: bool) -> MailPreference:
    """Whether this person gets the weekly digest of their themes."""
    preference, _created = MailPreference.objects.update_or_create(
        user=user, defaults={"weekly_digest": weekly_digest}
    )
    return preference


def _check_rate(user: User) -> None:
    since = timezone.now() - timedelta(hours=1)
    posts = (
        Thread.objects.filter(author=user, created_at__gte=since).count()
        + Reply.objects.filter(author=user, created_at__gte=since).count()
    )
    if posts >= POSTS_PER_HOUR:
        raise NetworkRefused(
            _(
                "You have posted a lot in the last hour. Your message was not "
                "saved; please try again later."
            )
        )


def _notify_later(kind: str, post_id: int) -> None:
    from buurtwijs.networks.tasks import post_notify_task

    transaction.on_commit(lambda: post_notify_task.enqueue(kind, post_id))


@transaction.atomic
def thread_create(
    *, network: LearningNetwork, author: User, title: str, body: str
) -> Thread:
    """Start a thread; members who want every post hear of it after the commit."""
    title, body = tidy_line(title), tidy_text(body)
    check_length(title, limit=TITLE_LIMIT, field="title")
    check_length(body, limit=BODY_LIMIT, field="body")
    if not Membership.objects.filter(network=network, user=author).exists():
        raise NetworkRefused(_("Join the learning network to start a thread."))
    duplicate = Thread.objects.filter(
        network=network,
        author=author,
        title=title,
        body=body,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    _check_rate(author)
    thread = Thread.objects.create(
        network=network, author=author, title=title, body=body
    )
    _notify_later("thread", thread.pk)
    return thread


@transaction.atomic
def reply_create(*, thread: Thread, author: User, body: str) -> Reply:
    """Answer in a thread; members who want every post hear of it after the commit."""
    body = tidy_text(body)
    check_length(body, limit=BODY_LIMIT, field="body")
    if not Membership.objects.filter(
        network_id=thread.network_id, user=author
    ).exists():
        raise NetworkRefused(_("Join the learning network to reply."))
    duplicate = Reply.objects.filter(
        thread=thread,
        author=author,
        body=body,
        created_at__gte=timezone.now() - DUPLICATE_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    _check_rate(author)
    reply = Reply.objects.create(thread=thread, author=author, body=body)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=reply.created_at)
    _notify_later("reply", reply.pk)
    return reply


def thread_delete(*, thread: Thread) -> None:
    """Remove a thread with its replies (moderation)."""
    thread.delete()


def reply_delete(*, reply: Reply) -> None:
    """Remove one reply (moderation)."""
    reply.delete()


@transaction.atomic
def network_create(
    *,
    name: str,
    slug: str,
    description: str,
    created_by: User | None = None,
    themes: Any = (),
    is_open: bool = True,
) -> LearningNetwork:
    """A new learning network (editors use the admin; the demo uses this)."""
    network = LearningNetwork(
        name=tidy_line(name),
        slug=slug,
        description=tidy_text(description),
        is_open=is_open,
        created_by=created_by,
    )
    network.full_clean()
    network.save()
    network.themes.set(themes)
    return network
