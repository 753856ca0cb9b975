"""Script in what people type stays text: reflected in addresses, stored in rows."""

from typing import Any

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.articles.models import ArticlePage
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.directory.models import Initiative
from buurtwijs.networks import services as network_services
from buurtwijs.networks.models import Thread
from buurtwijs.networks.tests.factories import join, make_network

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
)
ESCAPED = (
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&lt;img src=x onerror=alert(1)&gt;",
)


def assert_escaped(html: str, where: str) -> None:
    for raw in PAYLOADS:
        assert raw not in html, where
    assert "<img src=x" not in html, where
    assert any(escaped in html for escaped in ESCAPED), where


@pytest.mark.parametrize(
    "path",
    [
        "/zoeken/?q={}",
        "/wie-weet-wat/?q={}",
        "/initiatieven/?q={}",
        "/mensen/?q={}",
    ],
)
def test_reflected_payloads_are_escaped(db: None, path: str) -> None:
    for payload in PAYLOADS:
        response = Client().get(path.format(payload))
        assert response.status_code == 200, path
        html = response.content.decode()
        assert payload not in html, path
    assert "&lt;script&gt;" in Client().get(path.format(PAYLOADS[0])).content.decode()


def test_stored_payloads_are_escaped_where_shown(
    owned_initiative: Initiative, owner: User, member: User, client_for: Any
) -> None:
    """A few by hand; test_xss_everywhere.py covers every text field."""
    payload = " ".join(PAYLOADS)
    Initiative.objects.filter(pk=owned_initiative.pk).update(
        description=payload, website="javascript:alert(1)"
    )
    response = Client().get(f"/initiatieven/{owned_initiative.slug}/")
    assert_escaped(response.content.decode(), "initiative")
    # A website stored past the form's URL check (an import, the shell) is shown as
    # text, never as a javascript: link.
    assert 'href="javascript:' not in response.content.decode()

    question = LearningQuestion.objects.create(text=payload)
    response = Client().get(f"/leervragen/{question.pk}/")
    assert_escaped(response.content.decode(), "learning question")

    network = make_network()
    join(network, owner)
    join(network, member)
    thread = network_services.thread_create(
        network=network, author=owner, title="Ledenwerving", body="Hoe doen jullie dat?"
    )
    network_services.reply_create(thread=thread, author=owner, body=payload)
    Thread.objects.filter(pk=thread.pk).update(title=payload)
    path = f"/leernetwerken/{network.slug}/gesprekken/{thread.pk}/"
    response = client_for(member).get(path)
    assert_escaped(response.content.decode(), "thread")


def test_addresses_typed_past_the_forms_never_become_script_links(db: None) -> None:
    """Forms accept only web addresses; rows written otherwise (an import, the
    shell, an older version) show a javascript: address as text, never a link."""
    from buurtwijs.articles.tests.factories import make_article
    from buurtwijs.events.models import EventPage
    from buurtwijs.events.tests.factories import make_event
    from buurtwijs.knowledge.models import CasePage
    from buurtwijs.knowledge.tests.cases_support import make_case

    script = "javascript:alert(1)"
    article = make_article("Buurtbudget in Lombok")
    event = make_event(title="Leersessie online")
    case = make_case("Voedseltuin Kanaleneiland")
    ArticlePage.objects.filter(pk=article.pk).update(source_url=script)
    EventPage.objects.filter(pk=event.pk).update(online_url=script)
    CasePage.objects.filter(pk=case.pk).update(source_url=script)

    for page in (article, event, case):
        html = Client().get(page.url).content.decode()
        assert 'href="javascript:' not in html, page.url
        assert script in html, page.url  # still shown, as text

    EventPage.objects.filter(pk=event.pk).update(
        online_url="https://meet.voorbeeld.nl/x"
    )
    html = Client().get(event.url).content.decode()
    assert 'href="https://meet.voorbeeld.nl/x"' in html
