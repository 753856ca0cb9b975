"""Reads of learning networks: lists, one network, who may read and post what."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from buurtwijs.core.models import Theme
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.selectors import document_list_published, user_is_member
from buurtwijs.networks.models import (
    LearningNetwork,
    MailPreference,
    Membership,
    Reply,
    Thread,
    person_name,
)


@dataclass(frozen=True)
class NetworkAccess:
    """What one person may do in one network."""

    membership: Membership | None
    is_editor: bool
    may_join: bool  # signed in as a member of Buurtwijs, not yet in this network

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def may_read(self) -> bool:
        """Threads, replies and the member list: members and editors."""
        return self.is_member or self.is_editor

    @property
    def may_post(self) -> bool:
        return self.is_member

    @property
    def may_moderate(self) -> bool:
        return self.is_editor or (
            self.membership is not None and self.membership.is_moderator
        )


def user_is_network_editor(user: Any) -> bool:
    """Whether this person manages learning networks (editors, administrators)."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm("networks.change_learningnetwork")
    )


def network_access(*, network: LearningNetwork, user: Any) -> NetworkAccess:
    """Membership and rights of this person in this network (one or two queries)."""
    if not getattr(user, "is_authenticated", False):
        return NetworkAccess(membership=None, is_editor=False, may_join=False)
    membership = Membership.objects.filter(network=network, user=user).first()
    return NetworkAccess(
        membership=membership,
        is_editor=user_is_network_editor(user),
        may_join=membership is None and network.is_open and user_is_member(user),
    )


def display_name(user: Any) -> str:
    """The name others see for an author or member: the profile's, never an address."""
    return person_name(user)


def _ordered_themes() -> Prefetch[str, QuerySet[Theme], str]:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def network_list() -> QuerySet[LearningNetwork]:
    """Every network with its themes and how many members it has."""
    return (
        LearningNetwork.objects.annotate(member_count=Count("memberships"))
        .prefetch_related(_ordered_themes())
        .order_by("name")
    )


def network_detail(*, slug: str) -> LearningNetwork | None:
    """One network with its themes and member count, or None."""
    return network_list().filter(slug=slug).first()


def network_meetings_upcoming(*, network: LearningNetwork) -> QuerySet[EventPage]:
    """The network's meetings still to come, soonest first, that anyone may see."""
    return (
        EventPage.objects.live()
        .public()
        .filter(learning_networks=network, starts_at__gte=timezone.now())
        .order_by("starts_at")
    )


def network_documents(*, network: LearningNetwork, user: Any) -> QuerySet[Document]:
    """The network's published documents this person may see, newest first."""
    return (
        document_list_published(members=user_is_member(user))
        .filter(learning_networks=network)
        .defer("extracted_text")
        .order_by("-published_at", "-id")
    )


def _with_author(queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.select_related("author__profile")


def network_threads(*, network: LearningNetwork) -> QuerySet[Thread]:
    """The network's threads, liveliest first, with author and reply count."""
    return _with_author(
        Thread.objects.filter(network=network)
        .annotate(reply_count=Count("replies"))
        .order_by("-last_activity_at", "-id")
    )


def network_thread(*, network: LearningNetwork, pk: int) -> Thread | None:
    """One thread of this network with its author, or None."""
    return (
        _with_author(Thread.objects.filter(network=network, pk=pk))
        .select_related("network")
        .first()
    )


def thread_replies(*, thread: Thread) -> QuerySet[Reply]:
    """A thread's replies, oldest first, with their authors."""
    return _with_author(Reply.objects.filter(thread=thread)).order_by(
        "created_at", "id"
    )


def network_members(*, network: LearningNetwork) -> QuerySet[Membership]:
    """The network's members: moderators first, then by name."""
    return (
        Membership.objects.filter(network=network, user__is_active=True)
        .select_related("user__profile")
        .order_by("-role", "user__profile__name", "id")
    )


def memberships_of(*, user: Any) -> QuerySet[Membership]:
    """The networks this person is in, for their notification settings."""
    return (
        Membership.objects.filter(user=user)
        .select_related("network")
        .order_by("network__name")
    )


def weekly_digest_wanted(*, user: Any) -> bool:
    """Whether this person wants the weekly digest (yes unless they said no)."""
    preference = MailPreference.objects.filter(user=user).first()
    return preference is None or preference.weekly_digest
