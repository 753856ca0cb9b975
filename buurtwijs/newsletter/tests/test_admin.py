"""Editors write, preview, test and send an issue in /beheer/; others cannot."""

import pytest
from django.core import mail
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.newsletter.models import Issue
from buurtwijs.newsletter.tests.support import make_subscriber

pytestmark = pytest.mark.django_db


def test_an_editor_writes_previews_tests_and_sends_an_issue(
    editor: User,
    client_for,  # noqa: ANN001
    tasks,  # noqa: ANN001
) -> None:
    case = make_case("Buurtkamer De Linde", summary="Een huiskamer voor de wijk.")
    make_subscriber("lotte@voorbeeld.nl")
    make_subscriber("maria@example.org", language="en")
    client = client_for(editor)

    form = client.get("/beheer/nieuwsbrief/nieuw/")
    assert form.status_code == 200
    assert "Buurtkamer De Linde" in form.content.decode()

    saved = client.post(
        "/beheer/nieuwsbrief/nieuw/",
        {
            "subject": "Nieuws uit het netwerk",
            "intro": "Beste lezer,",
            "subject_en": "",
            "intro_en": "",
            "pages": [case.pk],
        },
    )
    issue = Issue.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == f"/beheer/nieuwsbrief/{issue.pk}/"
    assert [item.page_id for item in issue.items.all()] == [case.pk]

    preview = client.get(f"/beheer/nieuwsbrief/{issue.pk}/voorbeeld/")
    assert "Lees meer: " in preview.content.decode()
    assert "Buurtkamer De Linde" in preview.content.decode()
    html = client.get(f"/beheer/nieuwsbrief/{issue.pk}/voorbeeld.html?taal=en")
    assert "Read more" in html.content.decode()
    assert "Een huiskamer voor de wijk." in html.content.decode()

    client.post(f"/beheer/nieuwsbrief/{issue.pk}/test/")
    [test] = mail.outbox
    assert test.to == [editor.email]
    assert test.subject == "[Test] Nieuws uit het netwerk"

    refused = client.post(f"/beheer/nieuwsbrief/{issue.pk}/verzenden/")
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    assert refused.status_code == 302

    client.post(f"/beheer/nieuwsbrief/{issue.pk}/verzenden/", {"confirm": "yes"})
    tasks.run()

    assert sorted(m.to[0] for m in mail.outbox[1:]) == [
        "lotte@voorbeeld.nl",
        "maria@example.org",
    ]
    detail = client.get(f"/beheer/nieuwsbrief/{issue.pk}/").content.decode()
    assert "Verzonden" in detail
    assert '<span data-field="sent">2</span> van <span data-field="total">2</span>' in (
        detail
    )
    progress = client.get(f"/beheer/nieuwsbrief/{issue.pk}/voortgang/").json()
    assert (progress["status"], progress["sent"], progress["total"]) == ("sent", 2, 2)
    # a sent issue can no longer be changed
    edit = client.get(f"/beheer/nieuwsbrief/{issue.pk}/bewerken/")
    assert edit.status_code == 302


def test_members_cannot_reach_the_newsletter_admin(
    member: User,
    client_for,  # noqa: ANN001
) -> None:
    client = client_for(member)
    for address in ("/beheer/nieuwsbrief/", "/beheer/nieuwsbrief/nieuw/"):
        response = client.get(address)
        assert response.status_code in {302, 403}
    assert not Issue.objects.exists()


def test_visitors_are_sent_to_the_login(client: Client) -> None:
    response = client.get("/beheer/nieuwsbrief/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_issue_list_takes_few_queries(
    editor: User,
    client_for,  # noqa: ANN001
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for n in range(15):
        Issue.objects.create(subject=f"Nieuwsbrief {n}", created_by=editor)
    client = client_for(editor)
    client.get("/beheer/nieuwsbrief/")
    with django_assert_max_num_queries(20):
        response = client.get("/beheer/nieuwsbrief/")
    assert response.status_code == 200
    assert "Nieuwsbrief 14" in response.content.decode()
    assert "0 bevestigde abonnees" in response.content.decode()
