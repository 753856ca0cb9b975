"""Learning networks for tests, built through the services the site uses."""

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.accounts.tests.factories import UserFactory, make_profile
from buurtwijs.core.models import Theme
from buurtwijs.events.models import EventPage
from buurtwijs.networks import services
from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread


def make_network(
    name: str = "Leernetwerk buurtcoöperaties",
    *,
    themes: Sequence[str] = ("organiseren-en-financieren",),
    **fields: Any,
) -> LearningNetwork:
    return services.network_create(
        name=name,
        slug=fields.pop("slug", slugify(name)),
        description=fields.pop(
            "description",
            "Voor bewoners die een buurtcoöperatie oprichten of draaiende houden.",
        ),
        themes=Theme.objects.filter(slug__in=themes),
        **fields,
    )


def make_person(name: str, *, language: str = "nl", **profile: Any) -> User:
    """A member of Buurtwijs with a profile."""
    user = UserFactory.create(language=language)
    make_profile(user=user, name=name, **profile)
    user.groups.add(Group.objects.get(name=MEMBER))
    return user


def join(
    network: LearningNetwork, user: User, *, notify: str = "daily", role: str = ""
) -> Membership:
    membership = services.network_join(network=network, user=user)
    if notify != membership.notify:
        services.membership_notify_set(membership=membership, notify=notify)
    if role:
        Membership.objects.filter(pk=membership.pk).update(role=role)
        membership.refresh_from_db()
    return membership


def backdate(post: Thread | Reply, *, days: int = 0, hours: int = 0) -> None:
    """Move a post back in time, as if written then."""
    moment = timezone.now() - timedelta(days=days, hours=hours)
    type(post).objects.filter(pk=post.pk).update(created_at=moment)


def make_event(title: str, *, days_from_now: int) -> EventPage:
    """A live event under whichever page the events may live under."""
    parent = next(
        page
        for page in Page.objects.filter(depth__gte=2).order_by("depth").specific()
        if EventPage.can_create_at(page)
    )
    event = EventPage(
        title=title,
        slug=slugify(title),
        starts_at=timezone.now() + timedelta(days=days_from_now),
        location="Buurthuis De Linde, Utrecht",
    )
    parent.add_child(instance=event)
    return event
