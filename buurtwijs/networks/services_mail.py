"""The mails of learning networks: each new post, the daily and the weekly digest.

Digests are idempotent: a `DigestSent` row per person, kind and period is written in
the same transaction as the mail is sent, and its unique constraint stops a second
run (or a second worker running at the same time) from sending it again.
"""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.calls.selectors import QuestionFilters, learning_question_list_public
from buurtwijs.core.mail import open_connection, send_templated_mail
from buurtwijs.core.models import Theme
from buurtwijs.knowledge.selectors import document_list_published
from buurtwijs.knowledge.selectors_cases import cases_public
from buurtwijs.networks.models import (
    DigestSent,
    MailPreference,
    Membership,
    Reply,
    Thread,
)
from buurtwijs.networks.selectors import display_name

logger = logging.getLogger(__name__)

# A digest lists at most this many items of each kind and says how many more.
DIGEST_ITEMS = 10


def settings_path() -> str:
    return reverse("networks:settings")


def day_window(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The start of a local calendar day and of the next one."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, timezone.make_aware(
        datetime.datetime.combine(day + timedelta(days=1), datetime.time.min)
    )


def daily_period(today: datetime.date) -> datetime.date:
    """The day a daily digest sent on `today` covers: yesterday."""
    return today - timedelta(days=1)


def weekly_period(today: datetime.date) -> datetime.date:
    """The Monday of the week before the one `today` is in: the week it covers."""
    return today - timedelta(days=today.weekday() + 7)


# Each post ------------------------------------------------------------------------


def post_notify(*, kind: str, post_id: int) -> int:
    """Mail a new thread or reply to the members who want every post; says how many."""
    if kind == "thread":
        thread = (
            Thread.objects.select_related("network", "author__profile")
            .filter(pk=post_id)
            .first()
        )
        if thread is None:
            return 0
        author, body, created_at = thread.author, thread.body, thread.created_at
    elif kind == "reply":
        reply = (
            Reply.objects.select_related("thread__network", "author__profile")
            .filter(pk=post_id)
            .first()
        )
        if reply is None:
            return 0
        thread = reply.thread
        author, body, created_at = reply.author, reply.body, reply.created_at
    else:
        raise ValueError(f"Unknown kind of post: {kind}")
    network = thread.network
    recipients = Membership.objects.filter(
        network=network, notify=Membership.Notify.EACH, user__is_active=True
    )
    if author is not None:
        recipients = recipients.exclude(user=author)
    recipients = recipients.select_related("user").order_by("id")
    context = {
        "kind": kind,
        "network": network,
        "thread": thread,
        "author_name": display_name(author),
        "body": body,
        "created_at": created_at,
        "thread_url": thread.get_absolute_url(),
        "settings_url": settings_path(),
    }
    if kind == "thread":
        subject = _("New thread in %(network)s: %(title)s")
    else:
        subject = _("New reply in %(network)s: %(title)s")
    values = {"network": network.name, "title": thread.title}
    sent = 0
    connection = open_connection()
    for membership in recipients:
        user = membership.user
        sent += send_templated_mail(
            to=[user.email],
            subject=lambda: str(subject) % values,
            template="networks/mail/post",
            context=context,
            language=user.language,
            connection=connection,
        )
    return sent


# Digests ---------------------------------------------------------------------------


def _send_once(*, user: User, kind: str, period: datetime.date, **mail: Any) -> bool:
    """Send one digest unless it was sent for this period already.

    The row and the mail share a transaction: when sending fails the row is rolled
    back and the next run tries again; when the row exists, nothing is sent.
    """
    try:
        with transaction.atomic():
            DigestSent.objects.create(user=user, kind=kind, period=period)
            send_templated_mail(to=[user.email], language=user.language, **mail)
    except IntegrityError:
        return False
    return True


@dataclass
class NetworkNews:
    """What happened in one network in a digest's period, for one reader."""

    network: Any
    threads: list[Thread] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.threads) + len(self.replies)


def digest_daily_send(*, today: datetime.date) -> int:
    """Send yesterday's threads and replies to the members who chose a daily mail."""
    period = daily_period(today)
    start, end = day_window(period)
    memberships = list(
        Membership.objects.filter(
            notify=Membership.Notify.DAILY, user__is_active=True
        ).select_related("network", "user")
    )
    network_ids = {membership.network_id for membership in memberships}
    threads: dict[int, list[Thread]] = defaultdict(list)
    for thread in (
        Thread.objects.filter(
            network_id__in=network_ids, created_at__gte=start, created_at__lt=end
        )
        .select_related("network", "author__profile")
        .order_by("created_at", "id")
    ):
        threads[thread.network_id].append(thread)
    replies: dict[int, list[Reply]] = defaultdict(list)
    for reply in (
        Reply.objects.filter(
            thread__network_id__in=network_ids,
            created_at__gte=start,
            created_at__lt=end,
        )
        .select_related("thread__network", "author__profile")
        .order_by("created_at", "id")
    ):
        replies[reply.thread.network_id].append(reply)

    news_by_user: dict[int, list[NetworkNews]] = defaultdict(list)
    users: dict[int, User] = {}
    for membership in sorted(memberships, key=lambda m: m.network.name):
        user = membership.user
        news = NetworkNews(
            network=membership.network,
            threads=[
                t for t in threads[membership.network_id] if t.author_id != user.pk
            ],
            replies=[
                r for r in replies[membership.network_id] if r.author_id != user.pk
            ],
        )
        if news.count:
            news_by_user[user.pk].append(news)
            users[user.pk] = user

    sent = 0
    for user_id, news_list in news_by_user.items():
        sent += _send_once(
            user=users[user_id],
            kind=DigestSent.Kind.DAILY,
            period=period,
            subject=_("What was new yesterday in your learning networks"),
            template="networks/mail/digest_daily",
            context={
                "day": period,
                "networks": news_list,
                "settings_url": settings_path(),
            },
        )
    return sent


@dataclass
class WeeklyItem:
    """A question, case or document in a weekly digest, with the themes it shares."""

    title: str
    url: str
    theme_ids: set[int]


def digest_weekly_send(*, today: datetime.date) -> int:
    """Mail every network member last week's questions, cases and documents in their
    themes (their profile's plus their networks'), unless they said no."""
    period = weekly_period(today)
    start, _end = day_window(period)
    end = start + timedelta(days=7)
    ordered_themes = Prefetch("themes", queryset=Theme.objects.order_by("position"))

    questions = [
        WeeklyItem(
            title=question.short_text,
            url=question.get_absolute_url(),
            theme_ids={theme.pk for theme in question.themes.all()},
        )
        for question in learning_question_list_public(
            filters=QuestionFilters(sort="newest")
        ).filter(created_at__gte=start, created_at__lt=end)
    ]
    cases = [
        WeeklyItem(
            title=case.title,
            url=case.get_url() or "",
            theme_ids={theme.pk for theme in case.themes.all()},
        )
        for case in cases_public()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .prefetch_related(ordered_themes)
        .order_by("-first_published_at")
    ]
    documents: list[tuple[WeeklyItem, bool]] = [
        (
            WeeklyItem(
                title=document.title,
                url=reverse("knowledge:document_detail", kwargs={"pk": document.pk}),
                theme_ids={theme.pk for theme in document.themes.all()},
            ),
            document.is_members_only,
        )
        for document in document_list_published(members=True)
        .filter(published_at__gte=start, published_at__lt=end)
        .defer("extracted_text")
        .prefetch_related(ordered_themes)
        .order_by("-published_at", "-id")
    ]
    if not (questions or cases or documents):
        return 0

    declined = set(
        MailPreference.objects.filter(weekly_digest=False).values_list(
            "user_id", flat=True
        )
    )
    readers: dict[int, User] = {}
    reader_themes: dict[int, set[int]] = defaultdict(set)
    for membership in (
        Membership.objects.filter(user__is_active=True)
        .exclude(user_id__in=declined)
        .select_related("user")
        .prefetch_related("network__themes")
    ):
        readers[membership.user_id] = membership.user
        reader_themes[membership.user_id] |= {
            theme.pk for theme in membership.network.themes.all()
        }
    for user_id, theme_id in Theme.profiles.through.objects.filter(
        profile__user_id__in=list(readers)
    ).values_list("profile__user_id", "theme_id"):
        reader_themes[user_id].add(theme_id)
    theme_labels = {theme.pk: theme for theme in Theme.objects.all()}
    # Members of Buurtwijs also hear of members-only documents.
    members = set(
        User.objects.filter(pk__in=readers)
        .filter(Q(groups__name=MEMBER) | Q(is_superuser=True))
        .values_list("pk", flat=True)
    )

    sent = 0
    for user_id, user in readers.items():
        mine = reader_themes[user_id]
        if not mine:
            continue
        found = {
            "questions": [item for item in questions if item.theme_ids & mine],
            "cases": [item for item in cases if item.theme_ids & mine],
            "documents": [
                item
                for item, members_only in documents
                if item.theme_ids & mine and (user_id in members or not members_only)
            ],
        }
        if not any(found.values()):
            continue
        sent += _send_once(
            user=user,
            kind=DigestSent.Kind.WEEKLY,
            period=period,
            subject=_("New in your themes this week"),
            template="networks/mail/digest_weekly",
            context={
                "week_start": period,
                "week_end": period + timedelta(days=6),
                "themes": [
                    theme_labels[pk] for pk in sorted(mine) if pk in theme_labels
                ],
                "sections": [
                    (key, items[:DIGEST_ITEMS], max(len(items) - DIGEST_ITEMS, 0))
                    for key, items in found.items()
                ],
                "settings_url": settings_path(),
            },
        )
    return sent
