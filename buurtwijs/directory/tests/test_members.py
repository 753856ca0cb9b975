"""Members register, edit and claim initiatives; editors moderate; anyone contacts."""

import time

import pytest
from django.core import mail
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.core.antispam import form_started_token
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import (
    ContactMessage,
    Initiative,
    InitiativeClaim,
)
from buurtwijs.directory.services import CONTACT_LIMIT_PER_HOUR
from buurtwijs.directory.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _registration(**extra: object) -> dict:
    data: dict[str, object] = {
        "name": "Buurtcoöperatie De Wielewaal",
        "kind": "buurtcooperatie",
        "municipality": Municipality.objects.get(code="GM0599").pk,
        "summary": "Bewoners beheren samen het buurthuis.",
        "description": "Sinds de sluiting van het buurthuis doen we het zelf.",
        "themes": [Theme.objects.get(slug="wonen").pk],
        "contact_email": "bestuur@wielewaal.example",
        "founded_year": "2016",
        "partners-TOTAL_FORMS": "3",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "20",
        "partners-0-name": "Woonstad Rotterdam",
        "partners-0-role": "housing_corporation",
        "partners-0-contribution": "Stelt het pand beschikbaar.",
        "partners-1-name": "Gemeente Rotterdam",
        "partners-1-role": "municipality",
    }
    data.update(extra)
    return data


def _contact(**extra: object) -> dict:
    data: dict[str, object] = {
        "sender_name": "Joost de Boer",
        "sender_email": "joost@voorbeeld.nl",
        "body": "Mogen wij een keer langskomen om te leren hoe jullie het doen?",
        "website_url": "",
        "started": form_started_token(time.time() - 30),
    }
    data.update(extra)
    return data


def test_member_registers_an_initiative_that_waits_for_an_editor(
    member: User,
    editor: User,
    client_for,  # noqa: ANN001
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/initiatieven/aanmelden/", _registration())

    assert response.status_code == 302
    initiative = Initiative.objects.get(name="Buurtcoöperatie De Wielewaal")
    assert initiative.status == Initiative.Status.PENDING
    assert initiative.owner == member
    assert initiative.slug == "buurtcooperatie-de-wielewaal"
    roles = set(initiative.partners.values_list("role", flat=True))
    assert roles == {"housing_corporation", "municipality"}
    assert Client().get(f"/initiatieven/{initiative.slug}/").status_code == 404
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "/beheer/moderatie/" in mail.outbox[0].body


def test_registration_with_errors_keeps_what_was_typed(
    member: User, client_for
) -> None:  # noqa: ANN001
    response = client_for(member).post(
        "/initiatieven/aanmelden/", _registration(name="", founded_year="1492")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bewoners beheren samen het buurthuis." in html
    assert "Geef een jaar tussen 1800 en 2100." in html
    assert not Initiative.objects.exists()


def test_visitor_and_unverified_account_cannot_register(
    visitor: Client,
    client_for,  # noqa: ANN001
) -> None:
    assert visitor.get("/initiatieven/aanmelden/").status_code == 302
    stranger = User.objects.create_user(
        username="nieuw", email="nieuw@voorbeeld.nl", password="x"
    )
    assert client_for(stranger).get("/initiatieven/aanmelden/").status_code == 403


def test_editor_publishes_from_the_moderation_queue(
    editor: User,
    owner: User,
    client_for,  # noqa: ANN001
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    initiative = InitiativeFactory.create(
        owner=owner, status=Initiative.Status.PENDING, name="Voedseltuin Vogelwijk"
    )
    client = client_for(editor)
    queue = client.get("/beheer/moderatie/")
    assert queue.status_code == 200
    assert "Voedseltuin Vogelwijk" in queue.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/beheer/moderatie/initiatief/{initiative.pk}/", {"decision": "approve"}
        )

    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.PUBLISHED
    assert Client().get(initiative.get_absolute_url()).status_code == 200
    assert mail.outbox[-1].to == [owner.email]


def test_member_cannot_use_the_moderation_queue(
    member: User,
    client_for,  # noqa: ANN001
) -> None:
    initiative = InitiativeFactory.create(status=Initiative.Status.PENDING)
    client = client_for(member)
    assert client.get("/beheer/moderatie/").status_code == 302
    client.post(
        f"/beheer/moderatie/initiatief/{initiative.pk}/", {"decision": "approve"}
    )
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.PENDING


def test_owner_edits_but_another_member_cannot(
    owned_initiative: Initiative,
    owner: User,
    other_member: User,
    client_for,  # noqa: ANN001
) -> None:
    path = f"/initiatieven/{owned_initiative.slug}/bewerken/"
    assert client_for(other_member).get(path).status_code == 403
    assert client_for(other_member).post(path, _registration()).status_code == 403

    response = client_for(owner).post(
        path,
        _registration(
            name=owned_initiative.name, summary="Nieuwe samenvatting van de eigenaar."
        ),
    )

    assert response.status_code == 302
    owned_initiative.refresh_from_db()
    assert owned_initiative.summary == "Nieuwe samenvatting van de eigenaar."


def test_editor_edits_any_initiative(
    owned_initiative: Initiative,
    editor: User,
    client_for,  # noqa: ANN001
) -> None:
    path = f"/initiatieven/{owned_initiative.slug}/bewerken/"
    assert client_for(editor).get(path).status_code == 200


def test_claim_is_approved_by_an_editor_and_makes_the_member_owner(
    member: User,
    editor: User,
    client_for,  # noqa: ANN001
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    initiative = InitiativeFactory.create(name="Dorpshuis Fort Vreeswijk")
    member_client = client_for(member)
    member_client.post(
        f"/initiatieven/{initiative.slug}/claimen/", {"message": "Ik ben voorzitter."}
    )
    member_client.post(
        f"/initiatieven/{initiative.slug}/claimen/", {"message": "Nog een keer."}
    )
    claim = InitiativeClaim.objects.get()
    assert claim.status == InitiativeClaim.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        client_for(editor).post(
            f"/beheer/moderatie/claim/{claim.pk}/", {"decision": "approve"}
        )

    initiative.refresh_from_db()
    assert initiative.owner == member
    assert mail.outbox[-1].to == [member.email]
    edit = member_client.get(f"/initiatieven/{initiative.slug}/bewerken/")
    assert edit.status_code == 200


def test_contact_form_relays_without_showing_either_address(
    client: Client,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    initiative = InitiativeFactory.create(contact_email="bestuur@boomtak.example")
    detail = client.get(initiative.get_absolute_url()).content.decode()
    assert "bestuur@boomtak.example" not in detail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/initiatieven/{initiative.slug}/contact/", _contact())

    assert response.status_code == 302
    sent = mail.outbox[-1]
    assert sent.to == ["bestuur@boomtak.example"]
    assert sent.reply_to == ["Joost de Boer <joost@voorbeeld.nl>"]
    assert "langskomen" in sent.body
    assert "joost@voorbeeld.nl" not in sent.body
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "bestuur@boomtak.example" not in page


@pytest.mark.parametrize(
    ("trap", "message"),
    [
        ({"website_url": "http://spam.example"}, "automatisch"),
        ({"started": "now"}, "erg snel"),
        ({"started": "vervalst"}, "verlopen"),
    ],
)
def test_bots_are_stopped_by_honeypot_and_time_trap(
    client: Client, trap: dict, message: str
) -> None:
    initiative = InitiativeFactory.create(contact_email="bestuur@boomtak.example")
    if trap.get("started") == "now":
        trap = {"started": form_started_token()}
    response = client.post(
        f"/initiatieven/{initiative.slug}/contact/", _contact(**trap)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_contact_is_limited_per_sender_and_says_so(client: Client) -> None:
    initiative = InitiativeFactory.create(contact_email="bestuur@boomtak.example")
    path = f"/initiatieven/{initiative.slug}/contact/"
    for _ in range(CONTACT_LIMIT_PER_HOUR):
        assert client.post(path, _contact()).status_code == 302

    refused = client.post(path, _contact())

    assert refused.status_code == 429
    assert "niet verstuurd" in refused.content.decode()
    assert ContactMessage.objects.count() == CONTACT_LIMIT_PER_HOUR


def test_member_sees_own_initiatives_and_claims(
    owned_initiative: Initiative,
    owner: User,
    client_for,  # noqa: ANN001
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    client = client_for(owner)
    with django_assert_max_num_queries(12):
        response = client.get("/initiatieven/mijn/")
    assert owned_initiative.name in response.content.decode()
