"""How articles appear in the site search."""

from collections.abc import Iterator
from datetime import datetime, time

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from buurtwijs.articles.models import ArticlePage
from buurtwijs.core.models import Theme
from buurtwijs.search.pages import in_batches, plain, public_pages
from buurtwijs.search.registry import IndexItem, register


def _articles() -> QuerySet[ArticlePage]:
    return (
        public_pages(ArticlePage)
        .select_related("author")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("id", "slug")),
            "tagged_items__tag",
        )
    )


def _item(article: ArticlePage) -> IndexItem:
    author = article.author.name if article.author else article.byline
    return IndexItem(
        kind="article",
        object_id=str(article.pk),
        title=article.title,
        url=article.get_url() or "",
        summary=article.intro,
        body=plain(article.body),
        themes=tuple(theme.slug for theme in article.themes.all()),
        date=timezone.make_aware(datetime.combine(article.date, time(9))),
        extra_words=(
            author,
            *(tagged.tag.name for tagged in article.tagged_items.all()),
        ),
    )


def load(object_id: str) -> IndexItem | None:
    article = _articles().filter(pk=object_id).first() if object_id.isdigit() else None
    return _item(article) if article else None


def every() -> Iterator[IndexItem]:
    return (_item(article) for article in in_batches(_articles()))


register("article", load=load, every=every, page_model=ArticlePage)
