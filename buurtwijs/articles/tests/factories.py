"""Build articles for tests the way an editor does: pages under the news list."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.utils.text import slugify

from buurtwijs.accounts.models import Profile
from buurtwijs.articles.models import ArticleIndexPage, ArticlePage
from buurtwijs.core.models import Theme


def news_index() -> ArticleIndexPage:
    """The one news list, created by the articles migration."""
    return ArticleIndexPage.objects.get(slug="nieuws")


def make_article(
    title: str,
    *,
    date: datetime.date | None = None,
    themes: Sequence[str] = (),
    tags: Sequence[str] = (),
    author: Profile | None = None,
    live: bool = True,
    **fields: Any,
) -> ArticlePage:
    """A published article under /nieuws/ (a draft when `live` is False)."""
    article = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        date=date or datetime.date(2024, 5, 1),
        author=author,
        intro=fields.pop("intro", f"Over {title.lower()}."),
        body=fields.pop("body", "<p>De tekst van het artikel.</p>"),
        themes=list(Theme.objects.filter(slug__in=themes)),
        live=False,
        **fields,
    )
    news_index().add_child(instance=article)
    if tags:
        article.tags.add(*tags)
    revision = article.save_revision()
    if live:
        revision.publish()
    article.refresh_from_db()
    return article
