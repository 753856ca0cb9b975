"""Who may change what: every view and API endpoint of Buurtwijs against six people.

EXPECTED names each URL pattern of Buurtwijs's own apps (their public views, the
admin views they register under /beheer/ and the API) with the least role that may
change data through it:

- ``read``: changes nothing; a POST (even by an administrator) leaves every row alone.
- ``anyone``: a public form (subscribe, respond, register, contact); visitors too.
- ``token``: a link from a mail; the secret token is the permission, a wrong one 404s.
- ``member``: signed in with the member role.
- ``owner``: the member who owns the object (another member may not); editors and
  administrators moderate, so they may too.
- ``editor`` / ``administrator``: the editor role (editors and administrators).

A pattern missing from the table fails the first test: decide who may use it and add
it. The matrix then POSTs to every data-changing pattern as visitor, member, other
member, owner, editor and administrator. "May not" is a redirect to the login, 403,
404 or 405, and no row in the database changed; "may" is anything else (the form
shown again with errors, or the success redirect). Wagtail's own admin views (pages,
snippets, users) are Wagtail's permission system, tested by Wagtail.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from buurtwijs.accounts.models import User
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.calls.tests.factories import make_call
from buurtwijs.core.models import Municipality
from buurtwijs.directory.models import Initiative
from buurtwijs.events.tests.factories import make_event
from buurtwijs.networks import services as network_services
from buurtwijs.networks.tests.factories import join, make_network

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


def _counts() -> dict[str, int]:
    """Rows per model of Buurtwijs's apps (and users), to see that nothing changed."""
    counts = {}
    for model in apps.get_models():
        label = model._meta.app_label
        if model.__module__.startswith("buurtwijs.") or label == "accounts":
            counts[model._meta.label] = model._default_manager.count()
    return counts


@pytest.fixture
def scene(
    member: User, other_member: User, owner: User, editor: User, administrator: User
) -> dict[str, Any]:
    """One of each object the patterns' arguments point at; owned by `owner`."""
    initiative = Initiative.objects.create(
        name="Buurtcoöperatie Oog in Al",
        slug="oog-in-al",
        owner=owner,
        status=Initiative.Status.PUBLISHED,
        municipality=Municipality.objects.get(code="GM0344"),
    )
    network = make_network()
    for person in (member, other_member, owner, editor, administrator):
        join(network, person)
    thread = network_services.thread_create(
        network=network, author=owner, title="Ledenwerving", body="Hoe doen jullie dat?"
    )
    reply = network_services.reply_create(
        thread=thread, author=owner, body="Met een buurtfeest."
    )
    call = make_call()
    question = LearningQuestion.objects.create(call=call, text="Hoe werven we?")
    event = make_event()
    return {
        "slug": {"initiatives": initiative.slug, "networks": network.slug},
        "snippet": {
            "wagtailsnippets_accounts_profile": owner.profile.pk,
            "wagtailsnippets_calls_learningquestion": question.pk,
            "wagtailsnippets_directory_initiative": initiative.pk,
        },
        "call": call.slug,
        "question": question.pk,
        "event": event.pk,
        "thread": thread.pk,
        "reply": reply.pk,
    }


# Answers a visitor's POST with a redirect back that changes nothing (leaving a
# network one is not in); the rows are checked all the same.
NO_OP_REDIRECTS = {"networks:network_leave"}
PLACEHOLDER = 999_999


def _kwargs(name: str, pattern: URLPattern, scene: dict[str, Any]) -> dict[str, Any]:
    """Arguments for a pattern from the scene; a missing object gets an unknown id."""
    app = name.split(":")[0]
    kwargs: dict[str, Any] = {}
    for key in pattern.pattern.converters:
        if key == "slug":
            default = scene["call"] if app == "calls" else str(PLACEHOLDER)
            kwargs[key] = scene["slug"].get(app, default)
        elif key == "pk" and app in scene["snippet"]:
            kwargs[key] = scene["snippet"][app]
        elif key == "pk" and app == "questions":
            kwargs[key] = scene["question"]
        elif key == "pk" and app == "networks":
            kwargs[key] = scene["thread"]
        elif key == "reply_pk":
            kwargs[key] = scene["reply"]
        elif key == "event_id":
            kwargs[key] = scene["event"]
        elif key in ("token", "key", "kind", "extension", "fmt"):
            kwargs[key] = "onbekend"
        else:
            kwargs[key] = PLACEHOLDER
    return kwargs


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


CHANGING = sorted(name for name, role in EXPECTED.items() if role not in (READ, TOKEN))


@pytest.mark.parametrize("name", CHANGING)
def test_who_may_post(
    name: str, scene: dict[str, Any], people: dict[str, User | None]
) -> None:
    pattern = dict(our_patterns())[name]
    kwargs = _kwargs(name, pattern, scene)
    url = reverse(name, kwargs=kwargs)
    allowed = ALLOWED[EXPECTED[name]]
    # Objects the scene does not build get an unknown id: those who may then meet a
    # 404 (after the permission check), those who may not are still refused.
    gone = str(PLACEHOLDER) in map(str, kwargs.values())
    # The ones who may not go first, so a change by one who may is not counted.
    for role in sorted(ROLES, key=lambda role: role in allowed):
        before = _counts()
        response = _client(people[role]).post(url, {})
        changed = _counts() != before
        if role in allowed:
            assert response.status_code < 500, (name, role)
            assert response.status_code != 403 and not (
                _denied(response) and response.status_code != 404
            ), (name, role, response.status_code)
            if response.status_code == 404:
                assert gone, f"{role} may POST to {name} ({url}) but got 404"
            # A delete by the first who may leaves nothing for the next.
            gone = gone or changed
        else:
            assert not changed, f"{role} changed data through {name} ({url})"
            assert _denied(response) or name in NO_OP_REDIRECTS, (
                f"{role} may not POST to {name} ({url}) but got "
                f"{response.status_code} {response.get('Location', '')}"
            )


@pytest.mark.parametrize(
    "name", sorted(name for name, role in EXPECTED.items() if role == TOKEN)
)
def test_mail_links_need_their_token(
    name: str, scene: dict[str, Any], people: dict[str, User | None]
) -> None:
    pattern = dict(our_patterns())[name]
    url = reverse(name, kwargs=_kwargs(name, pattern, scene))
    for role in ROLES:
        before = _counts()
        response = _client(people[role]).post(url, {})
        assert response.status_code in (200, 302, 400, 404), (name, role)
        assert _counts() == before, (name, role)


@pytest.mark.parametrize(
    "name",
    sorted(
        name
        for name, role in EXPECTED.items()
        if role == READ and not name.startswith("api:")
    ),
)
def test_reading_views_change_nothing_on_post(
    name: str, scene: dict[str, Any], administrator: User
) -> None:
    pattern = dict(our_patterns())[name]
    url = reverse(name, kwargs=_kwargs(name, pattern, scene))
    before = _counts()
    response = _client(administrator).post(url, {})
    assert response.status_code < 500, name
    assert _counts() == before, name


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_changes_nothing(method: str, scene: dict[str, Any]) -> None:
    """The API is read-only: no method but GET (and the scoring POST) is served."""
    before = _counts()
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
    assert _counts() == before
