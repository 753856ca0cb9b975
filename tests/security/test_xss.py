"""Script in what people type stays text: reflected in addresses, stored in rows."""

from typing import Any

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
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
