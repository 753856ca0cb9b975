"""Who may change what: every view and API endpoint of Buurtwijs against six people.

EXPECTED names each URL pattern of Buurtwijs's own apps (their public views, the
admin views they register under /beheer/ and the API) with the least role that may
change data through it:

- ``read``: changes nothing; a POST (even by an administrator) leaves every row alone.
- ``anyone``: a public form (subscribe, respond, register, contact); visitors too.
- ``token``: a link from a mail; the secret token is the permission.
- ``member``: signed in with the member role.
- ``owner``: the member who owns the object (another member may not); editors and
  administrators moderate, so they may too.
- ``editor`` / ``administrator``: the editor role (editors and administrators).

A pattern missing from the table fails the first test: decide who may use it and add
it. The matrix then POSTs to every data-changing pattern as visitor, member, other
member, owner, editor and administrator. Every argument in an address points at an
object the scene built (a pattern it builds nothing for fails), and each POST is
undone before the next role's, so every role meets the same objects. "May not" is a
redirect to the login, 403, 404 or 405, and no row of our models added, removed or
changed; "may" is anything else but a 404 (the form shown again with errors, or
the success redirect). A mail link works with its own token and changes only its
row, and with any other token changes nothing. Wagtail's own admin views (pages,
snippets, users) are Wagtail's permission system, tested by Wagtail.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from buurtwijs.accounts.models import User
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.agenda import services as agenda_services
from buurtwijs.agenda.models import AgendaCluster
from buurtwijs.agenda.tests.factories import ENERGY, LONELINESS, make_questions
from buurtwijs.articles import services as article_services
from buurtwijs.articles.models import Comment
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.calls.tests.factories import make_call
from buurtwijs.directory import services as directory_services
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.events import services as event_services
from buurtwijs.events.models import Registration
from buurtwijs.events.tests.factories import make_event
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.tests.documents_support import published_document
from buurtwijs.networks import services as network_services
from buurtwijs.networks.tests.factories import join, make_network
from buurtwijs.newsletter import services as newsletter_services
from buurtwijs.newsletter.models import Subscriber
from buurtwijs.newsletter.tests.support import make_subscriber

READ, ANYONE, TOKEN = "read", "anyone", "token"
MEMBER, OWNER, EDITOR, ADMINISTRATOR = "member", "owner", "editor", "administrator"

EXPECTED: dict[str, str] = {
    # core, accounts
    "core:healthz": READ,
    "set_language": ANYONE,  # a cookie, no row
    "accounts:profile": MEMBER,  # one's own profile only
    "accounts:export": READ,
    "accounts:export_csv": READ,
    "accounts:delete": MEMBER,  # one's own account only
    # directory
    "initiatives:register": MEMBER,
    "initiatives:mine": READ,
    "initiatives:edit": OWNER,
    "initiatives:claim": MEMBER,
    "initiatives:contact": ANYONE,
    "directory:initiative_list": READ,
    "directory:initiative_map_geojson": READ,
    "directory:initiative_export_csv": READ,
    "directory:initiative_export_xlsx": READ,
    "directory:initiative_export_geojson": READ,
    "directory:initiative_detail": READ,
    "people:person_list": READ,
    "people:person_detail": READ,
    "coverage:coverage": READ,
    "directory_moderation": READ,
    "directory_moderation_initiative": EDITOR,
    "directory_moderation_claim": EDITOR,
    "directory_import": EDITOR,
    "directory_import_template": READ,
    # search, knowledge
    "search:search": READ,
    "knowledge:document_list": READ,
    "knowledge:document_upload": MEMBER,
    "knowledge:my_documents": READ,
    "knowledge:document_detail": READ,
    "knowledge:document_download": READ,
    "knowledge:document_thumbnail": READ,
    "knowledge_document_moderation": READ,
    "knowledge_document_decide": EDITOR,
    # calls, learning questions
    "calls:call_list": READ,
    "calls:call_detail": ANYONE,
    "calls:call_thanks": READ,
    "questions:question_list": READ,
    "questions:question_create": MEMBER,
    "questions:question_detail": READ,
    "questions:question_vote": ANYONE,  # one vote per visitor key
    # agenda
    "agenda:agenda_index": READ,
    "agenda:agenda_detail": READ,
    "agenda:item_detail": READ,
    "agenda:agenda_export": READ,
    "agenda_admin_index": READ,
    "agenda_create": EDITOR,
    "agenda_dashboard": READ,
    "agenda_analyse": EDITOR,
    "agenda_settings": EDITOR,
    "agenda_theme_adopt": EDITOR,
    "agenda_cluster": READ,
    "agenda_cluster_action": EDITOR,
    "agenda_item_edit": EDITOR,
    "agenda_item_remove": EDITOR,
    # matching
    "matching:match": READ,
    "matching:contact": ANYONE,
    "matching_gaps": READ,
    "matching_gaps_refresh": EDITOR,
    # networks
    "networks:network_list": READ,
    "networks:settings": MEMBER,
    "networks:network_detail": READ,
    "networks:network_join": MEMBER,
    "networks:network_leave": MEMBER,
    "networks:network_notify": MEMBER,
    "networks:network_members": READ,
    "networks:thread_create": MEMBER,  # and a member of the network
    "networks:thread_detail": MEMBER,  # replying, as a member of the network
    "networks:thread_delete": OWNER,
    "networks:reply_delete": OWNER,
    # newsletter
    "newsletter:subscribe": ANYONE,
    "newsletter:check_mail": READ,
    "newsletter:confirm": TOKEN,
    "newsletter:unsubscribe": TOKEN,
    "newsletter_admin_index": READ,
    "newsletter_admin_create": EDITOR,
    "newsletter_admin_issue": READ,
    "newsletter_admin_edit": EDITOR,
    "newsletter_admin_progress": READ,
    "newsletter_admin_preview": READ,
    "newsletter_admin_preview_html": READ,
    "newsletter_admin_test": EDITOR,
    "newsletter_admin_send": EDITOR,
    "newsletter_admin_retry": EDITOR,
    # events
    "events:feed_ics": READ,
    "events:register": ANYONE,
    "events:registered": READ,
    "events:event_ics": READ,
    "events:cancel": TOKEN,
    "events_admin_index": READ,
    "events_admin_registrations": READ,
    "events_admin_registrations_csv": READ,
    # articles and comments
    "articles:comment_create": ANYONE,
    "articles:comment_sent": READ,
    "articles:comment_confirm": TOKEN,
    "articles:comment_report": MEMBER,
    "articles_comment_moderation": READ,
    "articles_comment_decide": EDITOR,
    "articles_comment_unblock": EDITOR,
    # snippet views of our own (Wagtail's permission checks, our subclasses)
    "wagtailsnippets_accounts_profile:delete": EDITOR,  # editors moderate profiles
    "wagtailsnippets_calls_learningquestion:delete": EDITOR,
    "wagtailsnippets_directory_initiative:delete": EDITOR,
    "wagtailsnippets_networks_learningnetwork:add": EDITOR,
    # the open data API: read-only, except the theme scores of posted text
    "api:openapi-json": READ,
    "api:api-root": READ,
    "api:municipalities": READ,
    "api:themes": READ,
    "api:initiatives": READ,
    "api:initiative": READ,
    "api:people": READ,
    "api:documents": READ,
    "api:document": READ,
    "api:cases": READ,
    "api:case": READ,
    "api:search": READ,
    "api:analysis_themes": READ,  # computes scores for posted text, stores nothing
    "api:match": READ,
}

ROLES = ("visitor", "member", "other_member", "owner", "editor", "administrator")
# Who may, per least role.
ALLOWED: dict[str, set[str]] = {
    ANYONE: set(ROLES),
    MEMBER: {"member", "other_member", "owner", "editor", "administrator"},
    OWNER: {"owner", "editor", "administrator"},
    EDITOR: {"editor", "administrator"},
    ADMINISTRATOR: {"administrator"},
}


def our_patterns() -> Iterator[tuple[str, URLPattern]]:
    """Every named pattern served by Buurtwijs's own code, with its full name."""

    def walk(resolver: URLResolver, namespace: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                joined = ":".join(part for part in (namespace, inner) if part)
                yield from walk(pattern, joined)
            elif pattern.name:
                module = getattr(pattern.callback, "__module__", "") or ""
                if module.startswith("buurtwijs.") or namespace == "api":
                    full = f"{namespace}:{pattern.name}" if namespace else pattern.name
                    yield full, pattern

    yield from walk(get_resolver(), "")


def test_every_pattern_of_our_apps_says_who_may_change_data() -> None:
    names = {name for name, _ in our_patterns()}
    missing = sorted(names - EXPECTED.keys())
    assert not missing, (
        f"URL patterns without an entry in EXPECTED of {__file__}: {missing}. "
        "Add each with the least role that may change data through it "
        "(read, anyone, token, member, owner, editor, administrator)."
    )
    stale = sorted(EXPECTED.keys() - names)
    assert not stale, f"EXPECTED names patterns that no longer exist: {stale}"


Rows = dict[str, list[tuple[Any, ...]]]


def _rows() -> Rows:
    """Every row of Buurtwijs's models (and users), to see what a request changed."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("buurtwijs.")
        or model._meta.app_label == "accounts"
    }


def _changed(before: Rows, after: Rows) -> list[str]:
    """The models whose rows differ: one added, removed or with another value."""
    return sorted(label for label in before if before[label] != after[label])


# The rows a mail with a link is about.
MailedRow = Comment | Registration | Subscriber


@dataclass
class Scene:
    """The arguments every pattern is visited with, all of them existing objects,
    and the rows the mail links (token patterns) are about."""

    args: dict[str, dict[str, Any]]
    rows: dict[str, MailedRow]


@pytest.fixture
def scene(
    member: User, other_member: User, owner: User, editor: User, administrator: User
) -> Scene:
    """One of each object the patterns' arguments point at, built by the services."""
    # directory and people
    initiative = InitiativeFactory.create(
        name="Buurtcoöperatie Oog in Al", slug="oog-in-al", owner=owner
    )
    waiting_initiative = InitiativeFactory.create(
        name="Repair Café Lombok", owner=member, status=Initiative.Status.PENDING
    )
    claim = directory_services.claim_submit(
        initiative=initiative, user=other_member, message="Ik ben de penningmeester."
    )
    person = make_profile(
        name="Fatima de Vries",
        email="fatima.devries@voorbeeld.nl",
        is_public=True,
        allow_suggestions=True,
    )
    # knowledge
    document = published_document(title="Handreiking buurtgesprek")
    waiting_document = published_document(
        title="Statuten buurtcoöperatie",
        status=Document.Status.PENDING,
        published_at=None,
        uploaded_by=member,
    )
    # calls and the learning agenda of the call, analysed, with one item
    call = make_call()
    question, *_others = make_questions(call, LONELINESS + ENERGY)
    agenda = agenda_services.agenda_get_or_create(call=call)
    run = agenda_services.analysis_request(agenda=agenda, user=editor)
    agenda_services.analysis_run(run_id=run.pk)
    cluster = AgendaCluster.objects.filter(agenda=agenda).order_by("rank").first()
    assert cluster is not None, "the analysis made no cluster"
    item = agenda_services.agenda_item_adopt(agenda=agenda, cluster_key=cluster.key)
    # networks
    network = make_network()
    for person_in_network in (member, other_member, owner, editor, administrator):
        join(network, person_in_network)
    thread = network_services.thread_create(
        network=network, author=owner, title="Ledenwerving", body="Hoe doen jullie dat?"
    )
    reply = network_services.reply_create(
        thread=thread, author=owner, body="Met een buurtfeest."
    )
    # articles: a member's comment on the page, a visitor's waiting for the mail
    # link, and a blocked visitor
    article = make_article("Buurtbudget in de praktijk")
    comment = article_services.comment_submit(
        article=article, body="Wij doen dit ook in Lombok.", user=owner
    )
    waiting_comment = article_services.comment_submit(
        article=article,
        body="Mooi verhaal, dit herken ik.",
        name="Joke Visser",
        email="joke@voorbeeld.nl",
    )
    spam = article_services.comment_submit(
        article=article, body="Goedkope zonnepanelen!", name="X", email="x@spam.example"
    )
    block = article_services.comment_author_block(comment=spam, editor=editor)
    # events: a visitor's registration
    event = make_event()
    registration = event_services.registration_create(
        event=event,
        name="Fatima el Amrani",
        email="fatima@voorbeeld.nl",
        language="nl",
        consent_text="Ik geef toestemming.",
    ).registration
    # newsletter: a draft issue, a confirmed and a waiting subscriber
    issue = newsletter_services.issue_save(
        issue=None,
        subject="Nieuws uit het netwerk",
        intro="Beste lezer,\n\nDit leerden we deze maand.",
        subject_en="",
        intro_en="",
        themes=[],
        pages=[article],
        user=editor,
    )
    subscriber = make_subscriber("lotte@voorbeeld.nl")
    waiting_subscriber = make_subscriber(
        "joost@voorbeeld.nl", status=Subscriber.Status.PENDING
    )

    agenda_args = {"pk": agenda.pk}
    issue_args = {"pk": issue.pk}
    event_args = {"event_id": event.pk}
    network_args = {"slug": network.slug}
    thread_args = {"slug": network.slug, "pk": thread.pk}
    args: dict[str, dict[str, Any]] = {
        # accounts, directory, people
        "wagtailsnippets_accounts_profile:delete": {"pk": owner.profile.pk},
        "wagtailsnippets_directory_initiative:delete": {"pk": initiative.pk},
        "directory:initiative_detail": {"slug": initiative.slug},
        "initiatives:edit": {"slug": initiative.slug},
        "initiatives:claim": {"slug": initiative.slug},
        "initiatives:contact": {"slug": initiative.slug},
        "directory_moderation_initiative": {"pk": waiting_initiative.pk},
        "directory_moderation_claim": {"pk": claim.pk},
        "directory_import_template": {"kind": "initiatives", "extension": "csv"},
        "people:person_detail": {"slug": person.slug},
        "matching:contact": {"slug": person.slug},
        # knowledge
        "knowledge:document_detail": {"pk": document.pk},
        "knowledge:document_download": {"pk": document.pk},
        "knowledge:document_thumbnail": {"pk": document.pk},
        "knowledge_document_decide": {"pk": waiting_document.pk},
        # calls, learning questions
        "calls:call_detail": {"slug": call.slug},
        "calls:call_thanks": {"slug": call.slug},
        "questions:question_detail": {"pk": question.pk},
        "questions:question_vote": {"pk": question.pk},
        "wagtailsnippets_calls_learningquestion:delete": {"pk": question.pk},
        # agenda
        "agenda:agenda_detail": {"slug": agenda.slug},
        "agenda:agenda_export": {"slug": agenda.slug, "fmt": "csv"},
        "agenda:item_detail": {"slug": agenda.slug, "pk": item.pk},
        "agenda_dashboard": agenda_args,
        "agenda_analyse": agenda_args,
        "agenda_settings": agenda_args,
        "agenda_theme_adopt": agenda_args,
        "agenda_cluster": {"pk": agenda.pk, "key": cluster.key},
        "agenda_cluster_action": {"pk": agenda.pk, "key": cluster.key},
        "agenda_item_edit": {"pk": agenda.pk, "item_pk": item.pk},
        "agenda_item_remove": {"pk": agenda.pk, "item_pk": item.pk},
        # networks
        "networks:network_detail": network_args,
        "networks:network_join": network_args,
        "networks:network_leave": network_args,
        "networks:network_notify": network_args,
        "networks:network_members": network_args,
        "networks:thread_create": network_args,
        "networks:thread_detail": thread_args,
        "networks:thread_delete": thread_args,
        "networks:reply_delete": {**thread_args, "reply_pk": reply.pk},
        # newsletter
        "newsletter:confirm": {
            "token": newsletter_services.confirmation_token(waiting_subscriber)
        },
        "newsletter:unsubscribe": {"token": subscriber.token},
        "newsletter_admin_issue": issue_args,
        "newsletter_admin_edit": issue_args,
        "newsletter_admin_progress": issue_args,
        "newsletter_admin_preview": issue_args,
        "newsletter_admin_preview_html": issue_args,
        "newsletter_admin_test": issue_args,
        "newsletter_admin_send": issue_args,
        "newsletter_admin_retry": issue_args,
        # events
        "events:register": event_args,
        "events:registered": event_args,
        "events:event_ics": event_args,
        "events:cancel": {"token": event_services.cancel_token(registration)},
        "events_admin_registrations": event_args,
        "events_admin_registrations_csv": event_args,
        # articles and comments
        "articles:comment_create": {"page_id": article.pk},
        "articles:comment_sent": {"page_id": article.pk},
        "articles:comment_confirm": {
            "token": article_services.comment_confirm_token(waiting_comment)
        },
        "articles:comment_report": {"pk": comment.pk},
        "articles_comment_decide": {"pk": comment.pk},
        "articles_comment_unblock": {"pk": block.pk},
    }
    rows: dict[str, MailedRow] = {
        "newsletter:confirm": waiting_subscriber,
        "newsletter:unsubscribe": subscriber,
        "events:cancel": registration,
        "articles:comment_confirm": waiting_comment,
    }
    return Scene(args=args, rows=rows)


# Answers a visitor's POST with a redirect back that changes nothing (leaving a
# network one is not in); the rows are checked all the same.
NO_OP_REDIRECTS = {"networks:network_leave"}


def _url(name: str, scene: Scene) -> str:
    """The pattern's address with the scene's objects; every argument must exist."""
    pattern = dict(our_patterns())[name]
    needed = set(pattern.pattern.converters)
    kwargs = scene.args.get(name, {})
    assert set(kwargs) == needed, (
        f"The scene builds no object for {name} ({sorted(needed)}): add one, so "
        "the roles that may are seen to succeed, not to meet a 404."
    )
    return reverse(name, kwargs=kwargs)


def _denied(response: Any) -> bool:
    if response.status_code in (403, 404, 405):
        return True
    location = response.get("Location", "") if response.status_code == 302 else ""
    return "/account/login/" in location or "/beheer/login/" in location


@pytest.fixture
def people(
    member: User, other_member: User, owner: User, editor: User, administrator: User
) -> dict[str, User | None]:
    return {
        "visitor": None,
        "member": member,
        "other_member": other_member,
        "owner": owner,
        "editor": editor,
        "administrator": administrator,
    }


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _signed_in(people: dict[str, User | None]) -> dict[str, Client]:
    """A browser per role, signed in before any rows are read (it sets last_login)."""
    return {role: _client(user) for role, user in people.items()}


def _post(client: Client, url: str, before: Rows) -> tuple[Any, list[str]]:
    """POST and say which models changed; then undo it, so every role meets the
    same objects as the first (a delete by one leaves them for the next)."""
    with transaction.atomic():
        response = client.post(url, {})
        changed = _changed(before, _rows())
        transaction.set_rollback(True)
    return response, changed


CHANGING = sorted(name for name, role in EXPECTED.items() if role not in (READ, TOKEN))


@pytest.mark.parametrize("name", CHANGING)
def test_who_may_post(name: str, scene: Scene, people: dict[str, User | None]) -> None:
    url = _url(name, scene)
    allowed = ALLOWED[EXPECTED[name]]
    clients = _signed_in(people)
    before = _rows()
    for role in ROLES:
        response, changed = _post(clients[role], url, before)
        if role in allowed:
            assert response.status_code < 500, (name, role)
            assert not _denied(response), (
                f"{role} may POST to {name} ({url}) but got "
                f"{response.status_code} {response.get('Location', '')}"
            )
        else:
            assert not changed, f"{role} changed {changed} through {name} ({url})"
            assert _denied(response) or name in NO_OP_REDIRECTS, (
                f"{role} may not POST to {name} ({url}) but got "
                f"{response.status_code} {response.get('Location', '')}"
            )


TOKENS = sorted(name for name, role in EXPECTED.items() if role == TOKEN)


def _wrong_tokens(token: str) -> list[str]:
    """A made-up token, and the right one with its last character changed."""
    return ["onbekend", token[:-1] + ("A" if token[-1] != "A" else "B")]


@pytest.mark.parametrize("name", TOKENS)
def test_mail_links_need_their_token(
    name: str, scene: Scene, people: dict[str, User | None]
) -> None:
    clients = _signed_in(people)
    before = _rows()
    for wrong in _wrong_tokens(scene.args[name]["token"]):
        url = reverse(name, kwargs={"token": wrong})
        for role in ROLES:
            response, changed = _post(clients[role], url, before)
            assert response.status_code in (200, 302, 400, 404), (name, role)
            assert not changed, (name, role, wrong, changed)


# What the right token does to the row of its mail: status before → after.
TOKEN_EFFECTS: dict[str, tuple[str, str]] = {
    "articles:comment_confirm": ("pending", "published"),
    "events:cancel": ("confirmed", "cancelled"),
    "newsletter:confirm": ("pending", "confirmed"),
    "newsletter:unsubscribe": ("confirmed", "unsubscribed"),
}


def test_every_mail_link_says_what_its_token_does() -> None:
    assert set(TOKEN_EFFECTS) == set(TOKENS)


@pytest.mark.parametrize("name", TOKENS)
def test_a_mail_link_with_its_token_changes_its_row_once(
    name: str, scene: Scene
) -> None:
    # given: the row a mail was sent about, and its link
    row = scene.rows[name]
    before, after = TOKEN_EFFECTS[name]
    assert row.status == before
    url = _url(name, scene)
    rows = _rows()

    # when: the person follows the link and presses the button
    response = Client().post(url, {})

    # then: that row, and no other kind of row, changed as the link says
    assert response.status_code in (200, 302), response.status_code
    row.refresh_from_db()
    assert row.status == after
    assert _changed(rows, _rows()) == [row._meta.label]
    # and the same link a second time changes nothing more
    rows = _rows()
    again = Client().post(url, {})
    assert again.status_code < 500
    assert _changed(rows, _rows()) == []


@pytest.mark.parametrize(
    "name",
    sorted(
        name
        for name, role in EXPECTED.items()
        if role == READ and not name.startswith("api:")
    ),
)
def test_reading_views_change_nothing_on_post(
    name: str, scene: Scene, administrator: User
) -> None:
    url = _url(name, scene)
    client = _client(administrator)
    response, changed = _post(client, url, _rows())
    assert response.status_code < 500, name
    assert not changed, (name, changed)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_changes_nothing(method: str, scene: Scene) -> None:
    """The API is read-only: no method but GET (and the scoring POST) is served."""
    before = _rows()
    client = Client()
    for path in (
        "/api/v1/initiatives",
        "/api/v1/initiatives/oog-in-al",
        "/api/v1/people",
        "/api/v1/documents",
        "/api/v1/themes",
        "/api/v1/municipalities",
        "/api/v1/cases",
    ):
        response = getattr(client, method)(path, {}, content_type="application/json")
        assert response.status_code == 405, (method, path, response.status_code)
    response = client.post(
        "/api/v1/analysis/themes",
        {"texts": ["Hoe bereiken we eenzame ouderen?"]},
        content_type="application/json",
    )
    assert response.status_code < 500
    assert _changed(before, _rows()) == []
