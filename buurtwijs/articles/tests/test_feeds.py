"""The RSS and Atom feeds of the news, overall and per theme."""

import datetime

import pytest
from defusedxml import ElementTree
from django.test import Client

from buurtwijs.articles.tests.factories import make_article

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def articles() -> None:
    make_article(
        "Armoede aanpakken",
        themes=["armoede-en-schulden"],
        date=datetime.date(2024, 3, 1),
    )
    make_article("Samen wonen", themes=["wonen"], date=datetime.date(2024, 4, 1))
    make_article("Concept over armoede", themes=["armoede-en-schulden"], live=False)


def test_rss_feed_lists_public_articles_newest_first(
    client: Client, articles: None
) -> None:
    response = client.get("/nieuws/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Samen wonen", "Armoede aanpakken"]
    first = channel.find("item")
    assert first.findtext("link") == "http://testserver/nieuws/samen-wonen/"
    assert first.findtext("description") == "Over samen wonen."
    assert first.findtext("pubDate").startswith("Mon, 01 Apr 2024")


def test_atom_feed_is_valid_atom_with_the_same_items(
    client: Client, articles: None
) -> None:
    response = client.get("/nieuws/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Nieuws van Buurtwijs"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Samen wonen",
        "Armoede aanpakken",
    ]
    assert all(entry.findtext(f"{ATOM}id") for entry in entries)
    assert entries[0].find(f"{ATOM}link").get("href") == (
        "http://testserver/nieuws/samen-wonen/"
    )


def test_theme_feed_holds_only_that_theme(client: Client, articles: None) -> None:
    rss = client.get("/nieuws/rss/armoede-en-schulden/")
    atom = client.get("/nieuws/atom/armoede-en-schulden/")

    channel = ElementTree.fromstring(rss.content).find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Armoede aanpakken"
    ]
    assert "Armoede en schulden" in channel.findtext("title")
    entries = ElementTree.fromstring(atom.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Armoede aanpakken"
    ]


def test_feed_of_an_unknown_theme_is_not_found(client: Client, articles: None) -> None:
    assert client.get("/nieuws/rss/bestaat-niet/").status_code == 404


def test_theme_filter_on_the_list_links_the_theme_feeds(
    client: Client, articles: None
) -> None:
    html = client.get("/nieuws/", {"thema": "wonen"}).content.decode()

    assert 'href="/nieuws/rss/wonen/"' in html
    assert 'href="/nieuws/atom/wonen/"' in html
    head = html[: html.index("</head>")]
    assert 'type="application/atom+xml"' in head
    assert "/nieuws/atom/wonen/" in head
