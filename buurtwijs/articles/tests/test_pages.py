"""The news list, an article page, its author, related content and share links."""

import datetime
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from buurtwijs.accounts.models import User
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.articles.models import ArticlePage
from buurtwijs.articles.selectors import articles_by_ids
from buurtwijs.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_news_list_shows_articles_newest_first(client: Client) -> None:
    make_article("Oude buurtverhalen", date=datetime.date(2020, 1, 1))
    make_article("Nieuwe buurtverhalen", date=datetime.date(2024, 1, 1))
    make_article("Nog niet klaar", live=False)

    response = client.get("/nieuws/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Nieuwe buurtverhalen") < html.index("Oude buurtverhalen")
    assert "Nog niet klaar" not in html
    assert "2 artikelen gevonden." in html


def test_news_list_filters_by_theme_and_tag(client: Client) -> None:
    make_article(
        "Armoede in de wijk", themes=["armoede-en-schulden"], tags=["schulden"]
    )
    make_article("Zorg om de hoek", themes=["zorg-en-gezondheid"], tags=["mantelzorg"])

    by_theme = client.get("/nieuws/", {"thema": "armoede-en-schulden"}).content.decode()
    by_tag = client.get("/nieuws/", {"tag": "mantelzorg"}).content.decode()

    assert "Armoede in de wijk" in by_theme and "Zorg om de hoek" not in by_theme
    assert "Zorg om de hoek" in by_tag and "Armoede in de wijk" not in by_tag


def test_unknown_theme_filter_gives_a_message_not_an_error(client: Client) -> None:
    make_article("Armoede in de wijk", themes=["armoede-en-schulden"])

    response = client.get("/nieuws/", {"thema": "bestaat-niet\x00"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "bw-filter-alert" in html
    assert "bestaat-niet" in html
    assert "Armoede in de wijk" not in html


def test_news_list_paginates_in_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries
) -> None:  # noqa: ANN001
    author = make_profile(name="Sanne Bakker", is_public=True)
    for number in range(30):
        make_article(
            f"Bericht {number}",
            date=datetime.date(2023, 1, 1) + datetime.timedelta(days=number),
            themes=["wonen", "veiligheid"],
            author=author,
        )

    with django_assert_max_num_queries(14):
        response = client.get("/nieuws/")
    second = client.get("/nieuws/", {"pagina": 2}).content.decode()

    assert "Bericht 29" in response.content.decode()
    assert "Bericht 17" not in response.content.decode()
    assert "Bericht 17" in second
    assert "Pagina 2 van 3" in second


def test_article_shows_public_author_with_link_and_expertise(client: Client) -> None:
    author = make_profile(
        name="Sanne Bakker",
        is_public=True,
        expertise="O.a. bezig met: buurtbudgetten en bewonersbedrijven.",
    )
    article = make_article("Buurtbudget in Zwolle", author=author)

    html = client.get(article.url).content.decode()

    assert f'href="/mensen/{author.slug}/"' in html
    assert "O.a. bezig met" in html
    assert "buurtbudgetten en bewonersbedrijven." in html
    assert "O.a. bezig met: O.a. bezig met" not in html


def test_article_shows_private_author_by_name_only(client: Client) -> None:
    author = make_profile(
        name="Pieter Geheim", is_public=False, expertise="Geheim werk"
    )
    article = make_article("Een verhaal", author=author)

    html = client.get(article.url).content.decode()

    assert "Pieter Geheim" in html
    assert f"/mensen/{author.slug}/" not in html
    assert "Geheim werk" not in html


def test_article_shows_themes_tags_and_related_articles(client: Client) -> None:
    article = make_article(
        "Samen wonen", themes=["wonen"], tags=["woongroepen", "ouderen"]
    )
    make_article("Ook over wonen", themes=["wonen"])
    make_article("Woongroepen elders", tags=["woongroepen"])
    make_article("Iets heel anders", themes=["veiligheid"])

    html = client.get(article.url).content.decode()

    assert "Lees meer over" in html
    assert 'href="/nieuws/?tag=woongroepen"' in html
    assert 'href="/nieuws/?thema=wonen"' in html
    assert "Ook over wonen" in html
    assert "Woongroepen elders" in html
    assert "Iets heel anders" not in html


def test_share_links_are_plain_addresses_with_the_page_url(client: Client) -> None:
    article = make_article("Delen maar")

    html = client.get(article.url).content.decode()

    page_url = quote(article.get_full_url(), safe="")
    assert f"mailto:?subject=Delen%20maar&amp;body={page_url}" in html
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={page_url}" in html
    assert "https://wa.me/?text=Delen%20maar%20" + page_url in html
    assert "https://bsky.app/intent/compose?text=Delen%20maar%20" + page_url in html
    assert f"https://mastodonshare.com/?text=Delen%20maar&amp;url={page_url}" in html
    assert "<script" not in html
    assert "<iframe" not in html


def test_article_advertises_its_feeds_in_the_head(client: Client) -> None:
    article = make_article("Lees mee")

    html = client.get(article.url).content.decode()
    head = html[: html.index("</head>")]

    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'href="/nieuws/rss/"' in head
    assert 'href="/nieuws/atom/"' in head


def test_articles_by_ids_returns_only_public_articles(member: User) -> None:
    shown = make_article("Gepubliceerd")
    draft = make_article("Concept", live=False)

    found = articles_by_ids([shown.pk, draft.pk, 999_999])

    assert [article.pk for article in found] == [shown.pk]


def test_article_slug_cannot_be_a_feed_address() -> None:
    article = ArticlePage(title="RSS", slug="rss")

    with pytest.raises(Exception, match="nieuwsfeeds|news feeds"):
        article.full_clean()


def test_comment_route_for_a_missing_article_is_404(client: Client) -> None:
    response = client.post(reverse("articles:comment_create", args=[999_999]))

    assert response.status_code == 404


def test_editor_opens_an_article_in_the_admin(
    editor: User, client_for, article_factory=make_article
) -> None:  # noqa: ANN001
    article = article_factory("In de beheeromgeving", tags=["beheer"])
    client = client_for(editor)

    edit = client.get(f"/beheer/pages/{article.pk}/edit/")
    add = client.get(
        f"/beheer/pages/add/articles/articlepage/{article.get_parent().pk}/"
    )

    assert edit.status_code == 200
    assert "In de beheeromgeving" in edit.content.decode()
    assert add.status_code == 200
