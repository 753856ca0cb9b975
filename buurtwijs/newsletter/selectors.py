"""Reads of the newsletter: recent content to choose from, progress, counts."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from buurtwijs.newsletter.models import Delivery, Issue, Subscriber

RECENT_DAYS = 120
RECENT_LIMIT = 60


def user_is_newsletter_editor(user: Any) -> bool:
    """Whether someone may write and send newsletter issues (editors, admins)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.has_perm("newsletter.change_issue")
    )


def content_pages() -> QuerySet[Page]:
    """Published, public content pages (no home or index pages), newest first."""
    return (
        Page.objects.live()
        .public()
        .filter(depth__gt=2)
        .exclude(content_type__model__endswith="indexpage")
        .exclude(content_type__model="homepage")
        .order_by("-first_published_at", "-pk")
    )


def recent_pages(*, include: list[int] | None = None) -> QuerySet[Page]:
    """Pages an editor can put in an issue: recent ones plus those already in it."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    recent_ids = list(
        content_pages()
        .filter(first_published_at__gte=since)
        .values_list("pk", flat=True)[:RECENT_LIMIT]
    )
    return content_pages().filter(pk__in=[*recent_ids, *(include or [])])


def page_kind(page: Page) -> str:
    """What kind of content a page is, in the active language (Article, Event)."""
    return str(page.specific_class._meta.verbose_name).capitalize()


def _summary(page: Page) -> str:
    for name in ("search_description", "intro", "summary", "lead"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return Truncator(strip_tags(value).strip()).words(35)
    return ""


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    if url.startswith("/"):
        return settings.SITE_URL.rstrip("/") + url
    return url


def issue_items_for_mail(*, issue: Issue, language: str) -> list[dict[str, Any]]:
    """The pages of an issue as plain data for the mail, labels in `language`."""
    pages = (
        Page.objects.filter(newsletter_items__issue=issue)
        .live()
        .public()
        .order_by("newsletter_items__position", "pk")
        .specific()
    )
    items = []
    with translation.override(language):
        for page in pages:
            items.append(
                {
                    "title": page.title,
                    "url": _absolute(page.get_url()),
                    "summary": _summary(page),
                    "kind": page_kind(page),
                }
            )
    return items


def issue_progress(issue: Issue) -> dict[str, int]:
    """How many deliveries of an issue are in each state, and the total."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    for row in (
        Delivery.objects.filter(issue=issue)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["status"]] = row["n"]
    counts["total"] = sum(counts[status] for status in Delivery.Status.values)
    counts["done"] = counts["total"] - counts["pending"] - counts["sending"]
    counts["percent"] = (
        round(100 * counts["done"] / counts["total"]) if counts["total"] else 0
    )
    return counts


def issues_admin_list() -> QuerySet[Issue]:
    """All issues for the admin list, with their sending figures."""
    return (
        Issue.objects.select_related("created_by")
        .annotate(
            total=Count("deliveries"),
            sent_count=Count(
                "deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)
            ),
        )
        .order_by("-created_at")
    )


def subscriber_counts() -> dict[str, int]:
    """Subscribers per status (no addresses)."""
    counts = dict.fromkeys(Subscriber.Status.values, 0)
    for row in Subscriber.objects.values("status").annotate(n=Count("pk")).order_by():
        counts[row["status"]] = row["n"]
    return counts


def issue_recipients(issue: Issue) -> QuerySet[Subscriber]:
    """Confirmed subscribers this issue is for (by theme, if it is aimed)."""
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    theme_ids = list(issue.themes.values_list("pk", flat=True))
    if theme_ids:
        subscribers = subscribers.filter(
            Q(themes__in=theme_ids) | Q(themes__isnull=True)
        ).distinct()
    return subscribers
