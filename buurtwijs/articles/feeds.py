"""RSS and Atom feeds of the news, all of it or one theme (Django's syndication)."""

from datetime import datetime, time
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from buurtwijs.articles.models import ArticleIndexPage, ArticlePage
from buurtwijs.articles.selectors import article_author, feed_items, feed_theme
from buurtwijs.core.models import Theme


class ArticleRssFeed(Feed):
    """The newest articles as RSS 2.0; `theme` narrows it to one theme."""

    def __init__(self, *, index: ArticleIndexPage) -> None:
        self.index = index

    def get_object(
        self, request: HttpRequest, *args: Any, theme: str = "", **kwargs: Any
    ) -> Theme | None:
        if not theme:
            return None
        found = feed_theme(theme)
        if found is None:
            raise Theme.DoesNotExist(theme)
        return found

    def title(self, obj: Theme | None) -> str:
        if obj is None:
            return _("Buurtwijs news")
        return _("Buurtwijs news about %(theme)s") % {"theme": obj.label}

    def link(self, obj: Theme | None) -> str:
        base = self.index.url or "/nieuws/"
        return f"{base}?thema={obj.slug}" if obj else base

    def description(self, obj: Theme | None) -> str:
        return self.index.intro or _(
            "News from the knowledge network for neighbourhood development."
        )

    def items(self, obj: Theme | None) -> list[ArticlePage]:
        return feed_items(theme=obj)

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.intro

    def item_link(self, item: ArticlePage) -> str:
        return item.url or ""

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_updateddate(self, item: ArticlePage) -> datetime | None:
        return item.last_published_at

    def item_author_name(self, item: ArticlePage) -> str | None:
        author = article_author(item)
        return author.name if author else None

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [theme.label for theme in item.themes.all()]


class ArticleAtomFeed(ArticleRssFeed):
    """The same feed as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self, obj: Theme | None) -> str:
        return self.description(obj)
