"""A member with data in every category downloads it all and deletes the account."""

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.utils import timezone

from buurtwijs.accounts import personal_data
from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.articles.models import Comment, CommentReport
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.calls.models import LearningQuestion, LearningQuestionVote
from buurtwijs.calls.services import learning_question_create, learning_question_vote
from buurtwijs.directory.models import ContactMessage, Initiative, InitiativeClaim
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.events.models import Registration
from buurtwijs.events.tests.factories import make_event
from buurtwijs.knowledge.models import Document
from buurtwijs.matching.models import ContactRequest
from buurtwijs.networks import services as networks
from buurtwijs.networks.models import DigestSent, Reply, Thread
from buurtwijs.networks.tests.factories import make_network
from buurtwijs.newsletter.models import Delivery, Issue, Subscriber

pytestmark = pytest.mark.django_db

NAME = "Anouk Jansen"
EMAIL = "anouk@voorbeeld.nl"


def _comment(article: Any, **fields: Any) -> Comment:
    body = fields.pop("body", "Mooi voorbeeld, dit gaan wij ook proberen.")
    return Comment.objects.create(
        article=article,
        body=body,
        body_html=f"<p>{body}</p>",
        status=fields.pop("status", Comment.Status.PUBLISHED),
        **fields,
    )


def _data_everywhere(member: User, other_member: User) -> dict[str, Any]:
    """Give the member rows in every category, beside rows of someone else."""
    profile = Profile.objects.get(user=member)
    other_profile = Profile.objects.get(user=other_member)
    Consent.objects.create(
        user=member, purpose=Consent.Purpose.PRIVACY_STATEMENT, text="Akkoord."
    )
    # calls
    own_question = learning_question_create(
        author=member, text="Hoe betrek je jongeren bij het buurtbudget?"
    )
    others_question = learning_question_create(
        author=other_member, text="Wie heeft ervaring met een buurtcoöperatie?"
    )
    learning_question_vote(question=others_question, user=member, voter_key="")
    # events: registered while signed in, and once as a visitor in capitals
    event = make_event(title="Leersessie buurtbudgetten")
    later = make_event(title="Netwerkdag wijkaanpak")
    for page, user, email in ((event, member, EMAIL), (later, None, EMAIL.upper())):
        Registration.objects.create(
            event=page, user=user, name=NAME, email=email, nonce="n", language="nl"
        )
    # articles
    article = make_article("Buurtbudget in Zwolle", author=profile)
    published = _comment(article, user=member, name=NAME)
    _comment(article, name=NAME, email=EMAIL, status=Comment.Status.PENDING)
    others_comment = _comment(article, user=other_member, name="Bram van den Berg")
    CommentReport.objects.create(comment=others_comment, user=member)
    # networks
    network = make_network()
    networks.network_join(network=network, user=member)
    networks.network_join(network=network, user=other_member)
    thread = networks.thread_create(
        network=network,
        author=member,
        title="Ervaringen met een buurtfonds",
        body="Wie heeft een fonds opgezet en wat ging er mis?",
    )
    others_thread = networks.thread_create(
        network=network, author=other_member, title="Vrijwilligers", body="Tips?"
    )
    reply = networks.reply_create(
        thread=others_thread, author=member, body="Begin klein en vier successen."
    )
    networks.mail_preference_set(user=member, weekly_digest=True)
    DigestSent.objects.create(
        user=member, kind=DigestSent.Kind.WEEKLY, period=timezone.localdate()
    )
    # newsletter
    subscriber = Subscriber.objects.create(
        email=EMAIL, name=NAME, requested_at=timezone.now()
    )
    issue = Issue.objects.create(subject="Nieuwsbrief mei")
    Delivery.objects.create(issue=issue, subscriber=subscriber)
    # matching: sent by the member, and one relayed to her
    ContactRequest.objects.create(
        profile=other_profile,
        sender=member,
        sender_name=NAME,
        sender_email=EMAIL,
        body="Mag ik je iets vragen over buurtzorg?",
        client_key="k",
    )
    ContactRequest.objects.create(
        profile=profile,
        sender=other_member,
        sender_name="Bram van den Berg",
        sender_email="bram@voorbeeld.nl",
        body="Zullen we bellen?",
        client_key="k",
    )
    # directory
    initiative = InitiativeFactory.create(
        owner=member, name="Repair Café De Linde", contact_email=EMAIL
    )
    others_initiative = InitiativeFactory.create(name="Buurttuin Oost")
    InitiativeClaim.objects.create(
        initiative=others_initiative, user=member, message="Ik ben de trekker."
    )
    ContactMessage.objects.create(
        initiative=others_initiative,
        sender_name=NAME,
        sender_email=EMAIL,
        body="Kan ik meedoen?",
        client_key="k",
    )
    # knowledge
    document = Document.objects.create(
        title="Handreiking buurtbudget",
        kind="guide",
        file="2024/05/handreiking.pdf",
        uploaded_by=member,
    )
    return {
        "question": own_question,
        "others_question": others_question,
        "comment": published,
        "thread": thread,
        "reply": reply,
        "initiative": initiative,
        "document": document,
        "article": article,
    }


def _rows_holding(text: str) -> list[str]:
    """Every row of every model with `text` in one of its text fields."""
    found = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if not fields:
            continue
        match = models.Q()
        for name in fields:
            match |= models.Q(**{f"{name}__icontains": text})
        for pk in model._base_manager.filter(match).values_list("pk", flat=True):
            found.append(f"{model._meta.label}#{pk}")
    return found


def test_member_exports_every_category_as_json_and_csv(
    member: User, other_member: User, client_for: Any
) -> None:
    _data_everywhere(member, other_member)
    client = client_for(member)

    data = json.loads(client.get("/mijn-profiel/gegevens.json").content)
    response = client.get("/mijn-profiel/gegevens.csv")

    # then every category is in the JSON, with rows where the member has any
    categories = {p.category for p in personal_data.providers()}
    assert set(data) == categories
    assert all(data[c] for c in categories - {"call_responses", "agenda_work"})
    assert data["account"][0]["email"] == EMAIL
    assert {r["email"] for r in data["event_registrations"]} == {EMAIL, EMAIL.upper()}
    assert {r["kind"] for r in data["learning_networks"]} >= {
        "membership",
        "thread",
        "reply",
        "mail_preference",
        "digest_sent",
    }
    # a relayed message shows who wrote it, never the sender's address
    assert "bram@voorbeeld.nl" not in json.dumps(data)
    # and the CSV holds the same, in Dutch, readable by Excel
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    lines = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert lines[0] == ["categorie", "rij", "veld", "waarde"]
    labels = {line[0] for line in lines[1:]}
    assert {str(p.label) for p in personal_data.providers()} <= labels
    assert "Aanmeldingen evenementen" in labels
    assert ["Account", "1", "email", EMAIL] in lines


def test_profile_page_offers_json_and_csv_download(
    member: User, client_for: Any
) -> None:
    html = client_for(member).get("/mijn-profiel/").content.decode()
    assert 'href="/mijn-profiel/gegevens.json"' in html
    assert 'href="/mijn-profiel/gegevens.csv"' in html
    assert "Download al je gegevens (CSV, voor Excel)" in html


def test_visitor_cannot_download_csv(visitor: Client) -> None:
    response = visitor.get("/mijn-profiel/gegevens.csv")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_deleted_member_leaves_no_name_or_address_but_the_content_stays(
    member: User,
    other_member: User,
    password: str,
    client_for: Any,
    tasks: Any,
) -> None:
    # given a member with data everywhere, indexed for search
    kept = _data_everywhere(member, other_member)
    tasks.run()
    assert _rows_holding(EMAIL) and _rows_holding(NAME)

    # when she deletes her account
    response = client_for(member).post(
        "/mijn-profiel/verwijderen/", {"password": password}
    )
    tasks.run()

    # then no row anywhere holds her address or her name
    assert response.status_code == 302
    assert _rows_holding(EMAIL) == []
    assert _rows_holding(NAME) == []
    assert not User.objects.filter(pk=member.pk).exists()
    # and what the network shares is still there, without her
    thread = Thread.objects.get(pk=kept["thread"].pk)
    assert thread.author is None
    assert Reply.objects.get(pk=kept["reply"].pk).author is None
    assert LearningQuestion.objects.get(pk=kept["question"].pk).author is None
    assert Initiative.objects.get(pk=kept["initiative"].pk).owner is None
    assert Document.objects.get(pk=kept["document"].pk).uploaded_by is None
    comment = Comment.objects.get(pk=kept["comment"].pk)
    assert (comment.user, comment.name) == (None, "Oud-lid")
    assert kept["article"].__class__.objects.filter(pk=kept["article"].pk).exists()
    # her vote still counts, but belongs to no one
    others_question = LearningQuestion.objects.get(pk=kept["others_question"].pk)
    assert others_question.vote_count == 1
    assert LearningQuestionVote.objects.filter(
        question=others_question, user=None
    ).exclude(voter_key="")
    # the other member's rows are untouched
    assert Registration.objects.count() == 0
    assert Comment.objects.filter(user=other_member).count() == 1
    assert ContactRequest.objects.filter(sender=None).count() == 0
    # the thread page shows her posts as a former member's
    html = client_for(other_member).get(thread.get_absolute_url()).content.decode()
    assert "Oud-lid" in html


def test_deleting_an_account_gives_its_place_to_the_waiting_list(
    member: User, other_member: User, mailoutbox: list[Any]
) -> None:
    from buurtwijs.accounts.services import account_delete

    event = make_event(capacity=1, starts_at=timezone.now() + timedelta(days=3))
    Registration.objects.create(
        event=event, user=member, name=NAME, email=EMAIL, nonce="a"
    )
    waiting = Registration.objects.create(
        event=event,
        user=other_member,
        name="Bram van den Berg",
        email="bram@voorbeeld.nl",
        nonce="b",
        status=Registration.Status.WAITING,
    )

    account_delete(user=member)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
