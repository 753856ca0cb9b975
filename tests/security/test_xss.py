"""Script in what people type stays text: reflected in addresses, stored in rows."""

from typing import Any

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.networks import services as network_services
from tests.security.test_authorisation import people, scene  # noqa: F401 - fixtures

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
    scene: dict[str, Any],  # noqa: F811
    owner: User,
    member: User,
    client_for: Any,
) -> None:
    from buurtwijs.calls.models import LearningQuestion
    from buurtwijs.directory.models import Initiative
    from buurtwijs.networks.models import LearningNetwork, Thread

    payload = " ".join(PAYLOADS)
    initiative = Initiative.objects.get(slug=scene["slug"]["initiatives"])
    Initiative.objects.filter(pk=initiative.pk).update(
        description=payload, website="javascript:alert(1)"
    )
    response = Client().get(f"/initiatieven/{initiative.slug}/")
    assert_escaped(response.content.decode(), "initiative")
    # A website stored past the form's URL check (an import, the shell) is shown as
    # text, never as a javascript: link.
    assert 'href="javascript:' not in response.content.decode()

    LearningQuestion.objects.filter(pk=scene["question"]).update(text=payload)
    response = Client().get(f"/leervragen/{scene['question']}/")
    assert_escaped(response.content.decode(), "learning question")

    network = LearningNetwork.objects.get(slug=scene["slug"]["networks"])
    thread = Thread.objects.get(pk=scene["thread"])
    network_services.reply_create(thread=thread, author=owner, body=payload)
    Thread.objects.filter(pk=thread.pk).update(title=payload)
    path = f"/leernetwerken/{network.slug}/gesprekken/{thread.pk}/"
    response = client_for(member).get(path)
    assert_escaped(response.content.decode(), "thread")
