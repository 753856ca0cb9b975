"""Reads for the news list, an article, its comments, the feeds and the moderators."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from taggit.models import Tag
from wagtail.models import Page

from buurtwijs.accounts.models import Profile
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.articles.models import (
    ArticleIndexPage,
    ArticlePage,
    Comment,
    CommentBlock,
    CommentReport,
)
from buurtwijs.core.models import Theme

RELATED_LIMIT = 4
FEED_LIMIT = 30
# Authors often start their expertise with the label the page already shows.
_EXPERTISE_PREFIX = re.compile(r"^\s*o\.\s?a\.?\s*bezig met\s*:?\s*", re.IGNORECASE)


def article_index() -> ArticleIndexPage | None:
    """The one news list (created by the articles migration under the home page)."""
    return ArticleIndexPage.objects.live().first()


def articles_public() -> QuerySet[ArticlePage]:
    """Live articles that no login or password hides, newest first."""
    return (
        ArticlePage.objects.live()
        .public()
        .order_by("-date", "-first_published_at", "-pk")
    )


def _themes() -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.order_by("position", "name"))


def article_cards_public(*, theme: str = "", tag: str = "") -> QuerySet[ArticlePage]:
    """Articles for the list and the feeds, with author and themes in two queries."""
    articles = articles_public()
    if theme:
        articles = articles.filter(themes__slug=theme)
    if tag:
        articles = articles.filter(tagged_items__tag__slug=tag)
    return articles.select_related("author").prefetch_related(_themes())


def articles_by_ids(ids: Iterable[int]) -> list[ArticlePage]:
    """The public articles among these ids, newest first (for links elsewhere)."""
    wanted = [int(pk) for pk in ids]
    if not wanted:
        return []
    return list(article_cards_public().filter(pk__in=wanted))


def article_filter_choices() -> dict[str, list[tuple[str, str]]]:
    """Themes and tags that public articles use, for the list's filters."""
    live = articles_public().values("pk")
    themes = Theme.objects.filter(articles__in=live).distinct()
    tags = (
        Tag.objects.filter(articles_articletag_items__content_object__in=live)
        .distinct()
        .order_by("name")
    )
    return {
        "themes": [(theme.slug, theme.label) for theme in themes],
        "tags": [(tag.slug, tag.name) for tag in tags],
    }


def feed_theme(slug: str) -> Theme | None:
    """The theme of a per-theme feed, or None for an unknown slug."""
    return Theme.objects.filter(slug=slug).first() if slug else None


def feed_items(*, theme: Theme | None) -> list[ArticlePage]:
    """The newest public articles for a feed, of one theme or all."""
    articles = article_cards_public(theme=theme.slug if theme else "")
    return list(articles[:FEED_LIMIT])


@dataclass(frozen=True)
class AuthorView:
    """What an article shows of its author: a name, more for a public profile."""

    name: str
    url: str = ""
    expertise: str = ""


def article_author(article: ArticlePage) -> AuthorView | None:
    """The author as the article shows them; only public profiles are linked."""
    profile: Profile | None = article.author
    if profile is None:
        return AuthorView(name=article.byline) if article.byline else None
    if not profile.is_public:
        return AuthorView(name=profile.name)
    from django.urls import reverse

    expertise = ""
    if profile.show_expertise and profile.expertise:
        expertise = _EXPERTISE_PREFIX.sub("", profile.expertise).strip()
    return AuthorView(
        name=profile.name,
        url=reverse("people:person_detail", kwargs={"slug": profile.slug}),
        expertise=expertise,
    )


def related_articles(article: ArticlePage) -> list[ArticlePage]:
    """Other public articles sharing the most themes and tags with this one."""
    theme_ids = [theme.pk for theme in article.themes.all()]
    tag_ids = list(article.tagged_items.values_list("tag_id", flat=True))
    if not theme_ids and not tag_ids:
        return []
    shared = Count("themes", filter=Q(themes__in=theme_ids), distinct=True) + Count(
        "tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True
    )
    return list(
        articles_public()
        .exclude(pk=article.pk)
        .filter(Q(themes__in=theme_ids) | Q(tagged_items__tag_id__in=tag_ids))
        .annotate(shared=shared)
        .order_by("-shared", "-date", "-pk")[:RELATED_LIMIT]
    )


def chosen_related_pages(article: ArticlePage) -> list[Page]:
    """The live, public pages an editor linked to this article, in their order."""
    page_ids = [link.page_id for link in article.related_links.all()]
    if not page_ids:
        return []
    pages = {
        page.pk: page
        for page in Page.objects.live().public().filter(pk__in=page_ids).specific()
    }
    return [pages[pk] for pk in page_ids if pk in pages]


def comments_public(article: ArticlePage) -> list[Comment]:
    """The published comments on an article, oldest first, with the member's profile."""
    return list(
        Comment.objects.filter(article=article, status=Comment.Status.PUBLISHED)
        .select_related("user__profile")
        .order_by("created_at", "pk")
    )


def comment_author_url(comment: Comment) -> str:
    """The public profile of a commenting member, or nothing."""
    profile = getattr(comment.user, "profile", None) if comment.user_id else None
    if profile is not None and profile.is_public:
        from django.urls import reverse

        return reverse("people:person_detail", kwargs={"slug": profile.slug})
    return ""


def user_is_member(user: Any) -> bool:
    """Whether a person comments as a member (at once, under their own name)."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or user.groups.filter(name=MEMBER).exists())


def user_is_comment_editor(user: Any) -> bool:
    """Whether this person moderates comments."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm("articles.change_comment")
    )


def comment_is_blocked(*, user: Any = None, email: str = "") -> bool:
    """Whether this member or address may no longer comment."""
    query = Q(pk__in=[])
    if user is not None and getattr(user, "is_authenticated", False):
        query |= Q(user=user)
        email = email or user.email
    if email:
        query |= Q(email__iexact=email)
    return CommentBlock.objects.filter(query).exists()


def reported_comment_ids(*, user: Any, comments: Iterable[Comment]) -> set[int]:
    """Which of these comments this member has reported already."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        CommentReport.objects.filter(
            user=user, comment__in=[comment.pk for comment in comments]
        ).values_list("comment_id", flat=True)
    )


MODERATION_FILTERS = ("reported", "published", "hidden", "pending")


def comment_moderation_list(*, show: str) -> QuerySet[Comment]:
    """Comments for the editors' list: reported ones first, then the newest."""
    open_reports = Count(
        "reports",
        filter=Q(reviewed_at__isnull=True)
        | Q(reports__created_at__gt=F("reviewed_at")),
    )
    comments = (
        Comment.objects.select_related(
            "article", "user__profile", "user__comment_block"
        )
        .annotate(open_reports=open_reports, report_total=Count("reports"))
        .order_by("-open_reports", "-created_at", "-pk")
    )
    if show == "reported":
        return comments.filter(open_reports__gt=0)
    if show in ("published", "hidden", "pending"):
        return comments.filter(status=show)
    return comments


def blocked_emails(emails: Iterable[str]) -> set[str]:
    """Which of these addresses are blocked (blocks are stored in lower case)."""
    wanted = {email.lower() for email in emails if email}
    if not wanted:
        return set()
    return set(
        CommentBlock.objects.filter(email__in=wanted).values_list("email", flat=True)
    )
