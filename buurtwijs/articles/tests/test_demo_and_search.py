"""The demo articles loader, and articles in the site search."""

import pytest
from django.test import Client

from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.articles.models import ArticlePage, Comment
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.demo.articles import DEMO_ARTICLES, load_demo_articles
from buurtwijs.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_demo_articles_load_once_with_authors_and_comments(client: Client) -> None:
    author = make_profile(
        name="Fenna Mulder", is_public=True, expertise="Buurtbudgetten."
    )
    lines: list[str] = []

    added = load_demo_articles(lines.append)
    again = load_demo_articles(lines.append)

    assert ArticlePage.objects.live().count() == len(DEMO_ARTICLES) >= 15
    assert added == len(DEMO_ARTICLES) + Comment.objects.count()
    assert again == 0
    assert Comment.objects.filter(status=Comment.Status.PUBLISHED).count() >= 4
    written = ArticlePage.objects.get(slug="vijf-lessen-over-een-buurtbudget")
    assert written.author == author
    seed = ArticlePage.objects.get(slug="oproep-wat-wil-jij-leren-over-leefbaarheid")
    assert seed.byline == "Daan de Bruijn"
    assert str(seed.date) == "2020-12-03"
    html = client.get(seed.url).content.decode()
    assert "Daan de Bruijn" in html
    assert "movisie.nl" not in html
    assert "buurtwijs.test" not in html
    listing = client.get("/nieuws/").content.decode()
    assert "Wat we leerden van de eerste leeragenda" in listing


def test_published_article_is_found_in_the_site_search(client: Client, tasks) -> None:  # noqa: ANN001
    make_article(
        "Buurtbudget in Zwolle",
        themes=["organiseren-en-financieren"],
        tags=["zeggenschap"],
        intro="Bewoners verdelen zelf het geld.",
    )
    tasks.run()

    entry = SearchEntry.objects.get(kind="article")
    response = client.get("/zoeken/", {"q": "buurtbudget"})

    assert entry.title == "Buurtbudget in Zwolle"
    assert " organiseren-en-financieren " in f" {entry.themes} "
    assert 'href="/nieuws/buurtbudget-in-zwolle/"' in response.content.decode()
    assert "Artikel" in response.content.decode()


def test_unpublished_article_leaves_the_search(tasks) -> None:  # noqa: ANN001
    article = make_article("Tijdelijk bericht")
    tasks.run()
    assert SearchEntry.objects.filter(kind="article").exists()

    article.unpublish()
    tasks.run()

    assert not SearchEntry.objects.filter(kind="article").exists()
