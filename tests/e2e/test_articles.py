"""Articles in a real browser: the news list, an article, a visitor's comment
confirmed by the mailed link, a member's comment, all checked with axe-core."""

import re
from collections.abc import Callable
from urllib.parse import urlparse

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Page, expect

from buurtwijs.accounts.models import User
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.articles.models import ArticlePage, Comment
from buurtwijs.articles.tests.factories import make_article
from tests.e2e.axe import assert_accessible


@pytest.fixture
def article(transactional_db: None) -> ArticlePage:
    author = make_profile(
        name="Sanne Bakker",
        is_public=True,
        expertise="O.a. bezig met: buurtbudgetten en bewonersbedrijven.",
    )
    make_article("Samen een buurthuis runnen", themes=["wonen"], tags=["buurthuis"])
    return make_article(
        "Buurtbudget in de praktijk",
        themes=["wonen", "organiseren-en-financieren"],
        tags=["buurtbudget", "buurthuis"],
        author=author,
    )


def sign_in(page: Page, user: User, base_url: str) -> None:
    """Give the browser the session of a signed-in user."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def test_news_list_and_article_are_accessible(
    page: Page, article: ArticlePage, screenshot: Callable[[Page, str], None]
) -> None:
    # the first request of a fresh server may take a while on a busy machine
    page.goto("/nieuws/", timeout=30_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuws")
    expect(page.get_by_role("link", name="RSS-feed van al het nieuws")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "news")

    page.get_by_role("link", name="Buurtbudget in de praktijk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Buurtbudget in de praktijk"
    )
    expect(page.get_by_role("link", name="Sanne Bakker").first).to_be_visible()
    expect(page.get_by_text("buurtbudgetten en bewonersbedrijven.")).to_be_visible()
    expect(page.get_by_role("link", name="Samen een buurthuis runnen")).to_be_visible()
    # share links are plain addresses: nothing is loaded from another site
    assert page.locator("script[src^='http'], iframe").count() == 0
    expect(page.get_by_role("link", name="WhatsApp")).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/\?text=")
    )
    assert_accessible(page)
    screenshot(page, "article")


def test_visitor_comments_and_confirms_by_the_mailed_link(
    page: Page,
    article: ArticlePage,
    live_server,  # noqa: ANN001
    screenshot: Callable[[Page, str], None],
) -> None:
    mail.outbox.clear()
    page.goto(article.url)
    page.get_by_label("Je naam").fill("Joke Visser")
    page.get_by_label("Je e-mailadres").fill("joke@voorbeeld.nl")
    page.get_by_label("Je reactie").fill("Mooi verhaal, dit herken ik uit onze wijk.")
    page.wait_for_timeout(3_100)  # a person takes longer than the time trap
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats reactie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")
    assert_accessible(page)
    screenshot(page, "comment-sent")
    assert Comment.objects.get().status == Comment.Status.PENDING

    [message] = mail.outbox
    link = re.search(r"https?://\S+/reacties/bevestigen/\S+/", str(message.body))
    assert link
    page.goto(urlparse(link.group(0)).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevestig je reactie")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats mijn reactie").click()

    expect(page.get_by_text("Dank je, je reactie staat op de pagina.")).to_be_visible()
    comment = page.locator(".bw-comment").filter(has_text="Mooi verhaal")
    expect(comment).to_be_visible()
    expect(comment).to_contain_text("Joke Visser")
    expect(page.locator("body")).not_to_contain_text("joke@voorbeeld.nl")
    assert_accessible(page)


def test_a_too_long_comment_gets_a_message_in_the_browser(
    page: Page, article: ArticlePage
) -> None:
    page.goto(article.url)
    page.get_by_label("Je naam").fill("Joke Visser")
    page.get_by_label("Je e-mailadres").fill("joke@voorbeeld.nl")
    page.get_by_label("Je reactie").fill("a" * 50_000)
    page.wait_for_timeout(3_100)
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats reactie").click()

    expect(page.locator(".bw-error-summary[role=alert]")).to_be_visible()
    expect(page.get_by_text("de grens is 5.000").first).to_be_visible()
    assert_accessible(page)
    assert Comment.objects.count() == 0


def test_member_comments_at_once(
    page: Page,
    article: ArticlePage,
    member: User,
    live_server,  # noqa: ANN001
) -> None:
    sign_in(page, member, str(live_server))
    page.goto(article.url)
    expect(page.get_by_text("Je reageert als Anouk Jansen.")).to_be_visible()
    page.get_by_label("Je reactie").fill("Wij doen dit ook, zie https://voorbeeld.nl")
    page.wait_for_timeout(3_100)
    with page.expect_navigation():
        page.get_by_role("button", name="Plaats reactie").click()

    comment = page.locator(".bw-comment").filter(has_text="Wij doen dit ook")
    expect(comment).to_contain_text("Anouk Jansen")
    expect(comment.get_by_role("link", name="https://voorbeeld.nl")).to_have_attribute(
        "rel", "nofollow ugc noopener"
    )
    assert_accessible(page)
