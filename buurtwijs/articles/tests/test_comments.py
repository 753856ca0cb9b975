"""Comments: members at once, visitors after an e-mail link; bots, limits, reports,
moderation and blocks, and hostile input."""

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse

from buurtwijs.accounts.models import User
from buurtwijs.articles.models import ArticlePage, Comment, CommentBlock, CommentReport
from buurtwijs.articles.services import comment_submit, comments_prune
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.core.antispam import form_started_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def article() -> ArticlePage:
    return make_article("Buurtbudget in de praktijk", themes=["wonen"])


def form_data(**fields: Any) -> dict[str, Any]:
    """What a person's browser sends: the fields, an empty honeypot, a start time."""
    return {
        "website_url": "",
        "started": form_started_token(time.time() - 30),
        **fields,
    }


def visitor_post(
    client: Client, article: ArticlePage, follow: bool = False, **fields: Any
) -> Any:
    extra = (
        {"REMOTE_ADDR": fields.pop("REMOTE_ADDR")} if "REMOTE_ADDR" in fields else {}
    )
    data = form_data(
        name="Joke Visser",
        email="joke@voorbeeld.nl",
        body="Mooi verhaal, dit herken ik uit onze wijk.",
    )
    data.update(fields)
    # The confirmation mail leaves after the commit, as in the site itself.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("articles:comment_create", args=[article.pk]),
            data,
            follow=follow,
            **extra,
        )


def confirm_url_from(message: mail.EmailMessage) -> str:
    found = re.search(r"https?://\S+/reacties/bevestigen/\S+/", str(message.body))
    assert found, message.body
    return "/" + found.group(0).split("://", 1)[1].split("/", 1)[1]


def test_member_comment_appears_at_once(
    member: User, client_for: Callable[[User], Client], article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    client = client_for(member)

    response = client.post(
        reverse("articles:comment_create", args=[article.pk]),
        form_data(body="Wij doen dit ook in Lombok."),
        follow=True,
    )

    html = response.content.decode()
    comment = Comment.objects.get()
    assert response.redirect_chain[-1][0] == f"{article.url}#reactie-{comment.pk}"
    assert "Dank je, je reactie staat op de pagina." in html
    assert "Wij doen dit ook in Lombok." in html
    assert "Anouk Jansen" in html
    assert member.email not in html
    assert mailoutbox == []


def test_visitor_comment_waits_for_the_mailed_link(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    response = visitor_post(client, article, follow=True)

    html = response.content.decode()
    assert "Kijk in je e-mail" in html
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.language == "nl"
    page = client.get(article.url).content.decode()
    assert "Mooi verhaal" not in page
    assert "joke@voorbeeld.nl" not in page
    [message] = mailoutbox
    assert message.to == ["joke@voorbeeld.nl"]
    assert message.subject == "Bevestig je reactie op Buurtwijs"
    assert "Buurtbudget in de praktijk" in message.body


def test_confirmation_link_publishes_the_comment_once(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    visitor_post(client, article)
    link = confirm_url_from(mailoutbox[0])

    shown = client.get(link)
    confirmed = client.post(link, follow=True)
    again = client.post(link)

    assert "Plaats mijn reactie" in shown.content.decode()
    html = confirmed.content.decode()
    assert "Mooi verhaal, dit herken ik uit onze wijk." in html
    assert "Joke Visser" in html
    assert "joke@voorbeeld.nl" not in html
    assert again.status_code == 200
    assert "Je hebt deze reactie al bevestigd." in again.content.decode()
    assert Comment.objects.count() == 1
    assert Comment.objects.get().status == Comment.Status.PUBLISHED


def test_a_visitor_writing_in_english_gets_the_mail_in_english(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"

    visitor_post(client, article)

    assert Comment.objects.get().language == "en"
    assert mailoutbox[0].subject == "Confirm your comment on Buurtwijs"
    assert "Click the link below" in mailoutbox[0].body


def test_expired_link_says_so(
    client: Client, article: ArticlePage, mailoutbox, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    eight_days_ago = time.time() - 8 * 86_400
    with monkeypatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: eight_days_ago)
        visitor_post(client, article)
    link = confirm_url_from(mailoutbox[0])

    response = client.post(link)

    assert response.status_code == 400
    assert "Deze bevestigingslink is verlopen." in response.content.decode()
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_forged_link_says_so(client: Client, article: ArticlePage) -> None:
    forged = signing.dumps(1, salt="iets-anders")

    for response in (
        client.get(reverse("articles:comment_confirm", args=[forged])),
        client.post(reverse("articles:comment_confirm", args=["onzin"])),
    ):
        assert response.status_code == 400
        assert "Deze bevestigingslink klopt niet." in response.content.decode()


def test_script_in_a_comment_is_shown_as_text(
    member: User, client_for: Callable[[User], Client], article: ArticlePage
) -> None:
    client = client_for(member)
    client.post(
        reverse("articles:comment_create", args=[article.pk]),
        form_data(body='<script>alert("x")</script> <img src=x onerror=alert(1)>'),
    )

    html = client.get(article.url).content.decode()

    assert "&lt;script&gt;alert(" in html
    assert '<script>alert("x")' not in html
    assert "<img src=x" not in html


def test_links_in_a_comment_are_marked_as_user_content(
    member: User, article: ArticlePage
) -> None:
    comment = comment_submit(
        article=article,
        user=member,
        body="Zie https://voorbeeld.nl/verhaal\n\nTweede alinea\nnieuwe regel",
    )

    assert (
        '<a href="https://voorbeeld.nl/verhaal" rel="nofollow ugc noopener">'
        in comment.body_html
    )
    assert comment.body_html.count("<p>") == 2
    assert "<br>" in comment.body_html


def test_a_50000_character_comment_is_refused_with_a_message(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    response = visitor_post(client, article, body="a" * 50_000)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Je reactie is 50.000 tekens lang; de grens is 5.000." in html
    assert Comment.objects.count() == 0
    assert mailoutbox == []


def test_missing_fields_and_a_bad_address_get_messages(
    client: Client, article: ArticlePage
) -> None:
    response = visitor_post(client, article, name="", email="geen-adres", body="")

    html = response.content.decode()
    assert "utrecht-form-field--invalid" in html
    assert 'aria-invalid="true"' in html
    assert Comment.objects.count() == 0


def test_the_honeypot_and_the_time_trap_stop_bots(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    honey = visitor_post(client, article, website_url="http://spam.example")
    fast = visitor_post(client, article, started=form_started_token())

    assert "lijkt automatisch" in honey.content.decode()
    assert Comment.objects.count() == 0
    assert mailoutbox == []
    assert fast.status_code == 200
    assert "Dat ging erg snel." in fast.content.decode()


def test_visitors_are_limited_per_network_address(
    client: Client, article: ArticlePage, mailoutbox
) -> None:  # noqa: ANN001
    for number in range(5):
        # a fresh browser each time, so only the address links them
        Client().post(
            reverse("articles:comment_create", args=[article.pk]),
            form_data(
                name="Bot",
                email=f"adres{number}@voorbeeld.nl",
                body=f"Bericht {number}",
            ),
        )

    refused = visitor_post(client, article, email="nieuw@voorbeeld.nl")

    assert "afgelopen uur al een aantal reacties" in refused.content.decode()
    assert Comment.objects.count() == 5


def test_visitors_are_limited_per_session(
    client: Client, article: ArticlePage, settings
) -> None:  # noqa: ANN001
    settings.VISITOR_COMMENTS_PER_HOUR = 2
    visitor_post(client, article, email="een@voorbeeld.nl", REMOTE_ADDR="10.0.0.1")
    visitor_post(client, article, email="twee@voorbeeld.nl", REMOTE_ADDR="10.0.0.2")

    refused = visitor_post(
        client, article, email="drie@voorbeeld.nl", REMOTE_ADDR="10.0.0.3"
    )

    assert "afgelopen uur al een aantal reacties" in refused.content.decode()
    assert Comment.objects.count() == 2


def test_a_member_reports_a_comment_once(
    member: User,
    other_member: User,
    client_for: Callable[[User], Client],
    article: ArticlePage,
) -> None:
    comment = comment_submit(article=article, user=other_member, body="Onzin.")
    client = client_for(member)
    url = reverse("articles:comment_report", args=[comment.pk])

    first = client.post(url, follow=True)
    second = client.post(url, follow=True)

    assert "De redactie gaat naar deze reactie kijken." in first.content.decode()
    assert "Je hebt deze reactie al gemeld." in second.content.decode()
    assert CommentReport.objects.filter(comment=comment).count() == 1
    assert "Je hebt deze reactie gemeld." in second.content.decode()


def test_a_visitor_cannot_report(
    client: Client, member: User, article: ArticlePage
) -> None:
    comment = comment_submit(article=article, user=member, body="Hallo.")

    response = client.post(reverse("articles:comment_report", args=[comment.pk]))

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert CommentReport.objects.count() == 0


def test_editor_moderates_reported_comments(
    editor: User,
    member: User,
    other_member: User,
    client_for: Callable[[User], Client],
    article: ArticlePage,
) -> None:
    comment = comment_submit(article=article, user=other_member, body="Grof gedrag.")
    client_for(member).post(reverse("articles:comment_report", args=[comment.pk]))
    admin = client_for(editor)

    listing = admin.get(reverse("articles_comment_moderation"), {"toon": "reported"})
    hidden = admin.post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "hide"}
    )
    page_after_hide = Client().get(article.url).content.decode()
    admin.post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "approve"}
    )
    page_after_approve = Client().get(article.url).content.decode()
    reported_after = admin.get(
        reverse("articles_comment_moderation"), {"toon": "reported"}
    )
    admin.post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "delete"}
    )

    assert listing.status_code == 200
    assert "Grof gedrag." in listing.content.decode()
    assert "1 open melding" in listing.content.decode()
    assert hidden.status_code == 302
    assert "Grof gedrag." not in page_after_hide
    assert "Grof gedrag." in page_after_approve
    assert "Grof gedrag." not in reported_after.content.decode()
    assert Comment.objects.count() == 0


def test_members_cannot_open_the_moderation(
    member: User, client_for: Callable[[User], Client], article: ArticlePage
) -> None:
    comment = comment_submit(article=article, user=member, body="Mijn reactie.")
    client = client_for(member)

    listing = client.get(reverse("articles_comment_moderation"))
    client.post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "hide"}
    )

    assert listing.status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PUBLISHED


def test_a_blocked_address_cannot_comment_again(
    editor: User,
    client_for: Callable[[User], Client],
    client: Client,
    article: ArticlePage,
    mailoutbox,
) -> None:  # noqa: ANN001
    visitor_post(client, article)
    comment = Comment.objects.get()
    client_for(editor).post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "block"}
    )

    again = visitor_post(Client(), article, email="JOKE@voorbeeld.nl")

    assert CommentBlock.objects.get().email == "joke@voorbeeld.nl"
    assert "Je kunt op deze site niet meer reageren." in again.content.decode()
    assert Comment.objects.count() == 1
    assert Comment.objects.get().status == Comment.Status.HIDDEN


def test_a_blocked_member_cannot_comment_again(
    editor: User,
    member: User,
    client_for: Callable[[User], Client],
    article: ArticlePage,
) -> None:
    comment = comment_submit(article=article, user=member, body="Eerste.")
    client_for(editor).post(
        reverse("articles_comment_decide", args=[comment.pk]), {"decision": "block"}
    )

    response = client_for(member).post(
        reverse("articles:comment_create", args=[article.pk]),
        form_data(body="Tweede."),
    )

    assert "Je kunt op deze site niet meer reageren." in response.content.decode()
    assert list(Comment.objects.values_list("body", flat=True)) == ["Eerste."]


def test_unconfirmed_comments_are_pruned_after_the_link_expires(
    client: Client, article: ArticlePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    visitor_post(client, article)
    Comment.objects.update(
        created_at=Comment.objects.get().created_at.replace(year=2020)
    )

    call_command("prune_comments")

    assert Comment.objects.count() == 0
    assert comments_prune().deleted == 0
