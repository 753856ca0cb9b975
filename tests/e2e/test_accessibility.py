"""Accessibility of every kind of page, and the main forms used with the keyboard only.

A small demo network is loaded and one page of every type is opened in a real
browser: as a visitor, as a member (signed in through the login form), as an editor
in the admin, and a few in English. axe-core checks each against WCAG 2.2 A/AA and
the test fails on any serious or critical problem, listing them all at once.

The keyboard test sends the main forms with Tab, typing, Space and Enter only: the
focus must reach every field in the order of the page, always be visible, and the
skip link must lead past the navigation to the content.
"""

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import Page, Route, expect

from buurtwijs.accounts.models import User
from buurtwijs.agenda.models import AgendaItem, LearningAgenda
from buurtwijs.articles.models import ArticlePage, Comment
from buurtwijs.calls.models import Call, LearningQuestion, Response
from buurtwijs.demo.seed import Sizes, seed_demo
from buurtwijs.directory.models import ContactMessage, Initiative
from buurtwijs.directory.people import PeopleFilters, profile_list_public
from buurtwijs.events.models import EventPage, Registration
from buurtwijs.knowledge.models import CasePage, Document, PublicationPage
from buurtwijs.networks.models import LearningNetwork, Membership, Thread
from buurtwijs.newsletter.models import Subscriber
from tests.e2e.axe import describe, serious_violations

# --- The demo network and its addresses -------------------------------------------


@dataclass
class Demo:
    """Addresses of real pages in the seeded network, by what they show."""

    initiative: str
    initiative_slug: str
    person: str
    case: str
    compare: str
    document: str
    publication: str
    event: str
    article: str
    call: str
    learning_question: str
    agenda: str
    agenda_item: str
    agenda_admin: str
    network: str
    thread: str
    extra: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def demo(transactional_db: None, settings: Any, member: User, editor: User) -> Demo:
    settings.FORM_MIN_SECONDS = 0
    cache.clear()
    seed_demo(
        sizes=Sizes(initiatives=8, people=20, documents=8, cases=3),
        seed=7,
        log=lambda line: None,
    )
    initiative = Initiative.objects.filter(status=Initiative.Status.PUBLISHED).first()
    assert initiative is not None
    cases = list(CasePage.objects.live().order_by("pk")[:2])
    network = LearningNetwork.objects.filter(threads__isnull=False).first()
    assert network is not None
    Membership.objects.get_or_create(network=network, user=member)
    agenda = LearningAgenda.objects.filter(status=LearningAgenda.Status.PUBLISHED)[0]
    event = (
        EventPage.objects.live()
        .filter(registration_open=True, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    assert event is not None
    article = ArticlePage.objects.live().filter(comments_open=True).first()
    assert article is not None
    open_call = next(call for call in Call.objects.all() if call.is_open)
    return Demo(
        initiative=initiative.get_absolute_url(),
        initiative_slug=initiative.slug,
        person=f"/mensen/{profile_list_public(filters=PeopleFilters())[0].slug}/",
        case=cases[0].url,
        compare=(
            "/praktijkvoorbeelden/vergelijken/"
            f"?case={cases[0].slug}&case={cases[1].slug}"
        ),
        document=f"/kennisbank/{Document.objects.filter(status='published')[0].pk}/",
        publication=PublicationPage.objects.live().first().url,
        event=event.url,
        article=article.url,
        call=open_call.get_absolute_url(),
        learning_question=LearningQuestion.objects.filter(status="published")[
            0
        ].get_absolute_url(),
        agenda=agenda.get_absolute_url(),
        agenda_item=AgendaItem.objects.filter(agenda=agenda)[0].get_absolute_url(),
        agenda_admin=f"/beheer/leeragenda/{agenda.pk}/",
        network=network.get_absolute_url(),
        thread=Thread.objects.filter(network=network)[0].get_absolute_url(),
    )


# --- Visiting pages and collecting axe-core's findings ---------------------------


class Checker:
    """Opens pages in one tab; keeps every serious problem found, to list at the end."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        self.checked: list[str] = []

    def visit(self, label: str, path: str, *, status: int = 200) -> None:
        response = self.page.goto(path)
        assert response is not None, path
        assert response.status == status, (label, path, response.status)
        self.check(label)

    def check(self, label: str, *, equivalent: str = "") -> None:
        """Run axe-core on the page as it is now (after clicks or a sent form).

        `equivalent` names elements whose small or crowded targets WCAG 2.5.8
        allows because the same function has a full-size control elsewhere on
        the page (map markers: the list below links the same initiatives).
        """
        expect(self.page.locator("h1").first).to_be_visible()
        violations = serious_violations(self.page)
        if equivalent:
            violations = _without_equivalent_targets(violations, equivalent)
        self.checked.append(label)
        if violations:
            self.problems.append(f"{label} ({self.page.url}):\n{describe(violations)}")

    def assert_clean(self) -> None:
        assert not self.problems, (
            f"{len(self.problems)} of {len(self.checked)} pages have serious "
            "accessibility problems:\n" + "\n".join(self.problems)
        )


def _without_equivalent_targets(
    violations: list[dict[str, Any]], css_class: str
) -> list[dict[str, Any]]:
    kept = []
    for violation in violations:
        if violation["id"] == "target-size":
            nodes = [n for n in violation["nodes"] if css_class not in n["html"]]
            if not nodes:
                continue
            violation = {**violation, "nodes": nodes}
        kept.append(violation)
    return kept


def no_tiles(page: Page) -> None:
    """Map tiles come from the internet, which the tests do without."""

    def refuse(route: Route) -> None:
        route.abort()

    page.route("https://tile.openstreetmap.org/**", refuse)


def log_in(page: Page, email: str, password: str) -> None:
    page.goto("/account/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    assert "/account/login/" not in page.url, "login failed"


def public_pages(demo: Demo) -> list[tuple[str, str]]:
    """One page of every type that everyone may see."""
    return [
        ("home", "/"),
        # lists
        ("initiatives", "/initiatieven/"),
        ("people", "/mensen/"),
        ("coverage", "/dekking/"),
        ("knowledge base", "/kennisbank/"),
        ("cases", "/praktijkvoorbeelden/"),
        ("case comparison", demo.compare),
        ("publications", "/publicaties/"),
        ("events", "/evenementen/"),
        ("news", "/nieuws/"),
        ("calls", "/oproepen/"),
        ("learning questions", "/leervragen/"),
        ("learning agendas", "/leeragenda/"),
        ("learning networks", "/leernetwerken/"),
        ("who knows what", "/wie-weet-wat/"),
        ("who knows what: results", "/wie-weet-wat/?q=buurtcooperatie"),
        ("search results", "/zoeken/?q=buurt"),
        # details
        ("initiative", demo.initiative),
        ("person", demo.person),
        ("case", demo.case),
        ("document", demo.document),
        ("publication", demo.publication),
        ("event with registration form", demo.event),
        ("article with comment form", demo.article),
        ("call with response form", demo.call),
        ("learning question", demo.learning_question),
        ("learning agenda", demo.agenda),
        ("agenda item", demo.agenda_item),
        ("learning network", demo.network),
        # forms
        ("newsletter", "/nieuwsbrief/"),
        ("initiative contact form", f"/initiatieven/{demo.initiative_slug}/contact/"),
        ("privacy statement", "/privacy/"),
    ]


def test_every_page_type_passes_axe_core_for_visitors_members_and_editors(
    page: Page, demo: Demo, member: User, editor: User, password: str
) -> None:
    checker = Checker(page)
    no_tiles(page)
    for label, path in public_pages(demo):
        checker.visit(label, path)

    # the map view of the initiatives
    page.goto("/initiatieven/")
    page.locator("[data-bw-map-toggle]").click()
    expect(page.locator("#kaart .leaflet-container")).to_be_visible()
    # Markers of nearby places may crowd each other at the national zoom; the
    # list of the same initiatives under the map is the full-size equivalent.
    assert page.locator(".bw-card a").count() >= 1
    checker.check("initiatives on the map", equivalent="leaflet-marker-icon")

    # account forms of a visitor
    checker.visit("sign up", "/account/signup/")
    checker.visit("log in", "/account/login/")
    checker.visit("password reset", "/account/password/reset/")

    # errors
    checker.visit("not found", "/deze-pagina-bestaat-niet/", status=404)
    checker.visit("conversation for members only", demo.thread, status=403)
    page.goto("/account/login/")
    page.locator("#id_login").fill("niemand@voorbeeld.nl")
    page.locator("#id_password").fill("verkeerd-wachtwoord")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    expect(page.get_by_role("alert")).to_be_visible()
    checker.check("login with errors")
    page.goto("/nieuwsbrief/")
    page.locator("main form input[name=csrfmiddlewaretoken]").evaluate(
        "input => { input.value = 'vervalst'; }"
    )
    with page.expect_navigation() as navigation:
        page.locator("main form").evaluate("form => form.submit()")
    assert navigation.value is not None and navigation.value.status == 403
    checker.check("CSRF failure")

    # a few pages in English
    page.goto("/taal/?language=en&next=/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for label, path in [
        ("home", "/"),
        ("initiatives", "/initiatieven/"),
        ("call with response form", demo.call),
        ("event with registration form", demo.event),
        ("learning agenda", demo.agenda),
        ("sign up", "/account/signup/"),
        ("not found", "/deze-pagina-bestaat-niet/"),
    ]:
        checker.visit(f"{label} (English)", path, status=404 if "not" in label else 200)

    # as a member, signed in through the login form
    page.goto("/taal/?language=nl&next=/")
    log_in(page, member.email, password)
    for label, path in [
        ("home", "/"),
        ("profile", "/mijn-profiel/"),
        ("register an initiative", "/initiatieven/aanmelden/"),
        ("my initiatives", "/initiatieven/mijn/"),
        ("share a document", "/kennisbank/delen/"),
        ("my documents", "/kennisbank/mijn-documenten/"),
        ("new learning question", "/leervragen/nieuw/"),
        ("learning question", demo.learning_question),
        ("call with response form", demo.call),
        ("article with comment form", demo.article),
        ("event", demo.event),
        ("learning network", demo.network),
        ("conversation", demo.thread),
        ("network mail settings", "/leernetwerken/instellingen/"),
        ("initiative", demo.initiative),
        ("initiative contact form", f"/initiatieven/{demo.initiative_slug}/contact/"),
        ("search results", "/zoeken/?q=buurt"),
        (
            "edit someone else's initiative",
            f"/initiatieven/{demo.initiative_slug}/bewerken/",
        ),
    ]:
        checker.visit(label, path, status=403 if "someone" in label else 200)

    # a form sent empty shows its errors
    page.goto("/leervragen/nieuw/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").last.click()
    expect(page.get_by_role("alert").first).to_be_visible()
    checker.check("new learning question with errors")

    # the editor's learning agenda dashboard in the admin
    page.context.clear_cookies()
    log_in(page, editor.email, password)
    checker.visit("agenda dashboard (admin)", demo.agenda_admin)
    checker.visit("agenda list (admin)", "/beheer/leeragenda/")

    checker.assert_clean()


# --- Keyboard only -----------------------------------------------------------------

FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  return {
    key: el.name || el.id || el.tagName.toLowerCase(),
    tag: el.tagName.toLowerCase(),
    type: (el.type || '').toLowerCase(),
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    visible: outline || shadow,
    onScreen: box.width > 0 && box.height > 0,
    inForm: !!el.closest('[data-a11y-form]'),
    hasList: !!el.list,
  };
}
"""

# The fields of a form a keyboard user must reach, in the order of the page: visible,
# enabled, not taken out of the tab order; one stop per group of radio buttons.
EXPECTED_STOPS = """
form => {
  const seen = new Set();
  const stops = [];
  for (const el of form.querySelectorAll('a[href], input, select, textarea, button')) {
    const hidden = el.type === 'hidden' || el.closest('[aria-hidden="true"]')
      || !(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    if (hidden || el.disabled || el.tabIndex < 0) continue;
    const key = el.name || el.id || el.tagName.toLowerCase();
    if (el.type === 'radio' && seen.has(key)) continue;
    seen.add(key);
    stops.push(key);
    if (el.type === 'submit' || (el.tagName === 'BUTTON' && !el.type)) break;
  }
  return stops;
}
"""

DEFAULT_TEXT = {
    "email": "toetsenbord@voorbeeld.nl",
    "number": "3",
    "url": "https://voorbeeld.nl/",
    "date": "05012030",
}


def assert_focus_visible(focused: dict[str, Any]) -> None:
    assert focused["onScreen"], f"the focus is on something unseen: {focused}"
    assert focused["visible"], f"no visible focus indicator on {focused}"


def send_by_keyboard(
    page: Page, form: str, values: dict[str, str], *, submit: str = ""
) -> list[str]:
    """Tab into the form, fill every field on the way, send it with Enter.

    Starts from wherever the focus is; every element the focus passes must show
    it. Text fields get the value given for their name (or one fitting their
    type), checkboxes and radio buttons are ticked with the space bar, lists get
    their first choice with the arrow key. Returns the fields visited, in order.
    """
    locator = page.locator(form).first
    locator.evaluate("f => f.setAttribute('data-a11y-form', '')")
    expected = locator.evaluate(EXPECTED_STOPS)
    visited: list[str] = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused is not None, "the focus left the page"
        assert_focus_visible(focused)
        if not focused["inForm"]:
            assert not visited, f"the focus left the form after {visited}"
            continue
        visited.append(focused["key"])
        kind = focused["type"] if focused["tag"] == "input" else focused["tag"]
        if kind in ("checkbox", "radio"):
            page.keyboard.press("Space")
        elif kind in ("select", "select-one"):
            page.keyboard.press("ArrowDown")
        elif kind == "submit" or focused["tag"] == "button":
            if submit:
                assert submit in focused["text"], focused
            break
        elif kind not in ("file", "reset"):
            # a field with a list of suggestions (municipalities) gets a real one
            default = "Utrecht" if focused["hasList"] else "Buurtkamer"
            page.keyboard.type(
                values.get(focused["key"], DEFAULT_TEXT.get(kind, default))
            )
    else:
        raise AssertionError(f"never reached the send button of {form}: {visited}")
    assert visited == expected, f"tab order {visited} is not page order {expected}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    return visited


def test_main_forms_work_with_the_keyboard_alone(
    page: Page, demo: Demo, member: User, password: str
) -> None:
    # the skip link is the first stop, shows itself and leads to the content
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator(".utrecht-skip-link")
    expect(skip).to_be_focused()
    assert_focus_visible(page.evaluate(FOCUSED))
    page.keyboard.press("Enter")
    assert page.url.endswith("#inhoud")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#inhoud')")

    # search from the header
    page.goto("/")
    send_by_keyboard(page, "header form[role=search], header form", {"q": "buurt"})
    assert "/zoeken/" in page.url
    expect(page.locator("main")).to_contain_text("buurt")

    # newsletter
    page.goto("/nieuwsbrief/")
    send_by_keyboard(page, "main form", {"email": "nieuwsbrief@voorbeeld.nl"})
    assert Subscriber.objects.filter(email="nieuwsbrief@voorbeeld.nl").exists()

    # event registration
    page.goto(demo.event)
    send_by_keyboard(
        page, "main form[method=post]", {"email": "evenement@voorbeeld.nl"}
    )
    assert Registration.objects.filter(email="evenement@voorbeeld.nl").exists()

    # a comment on an article
    comments = Comment.objects.count()
    page.goto(demo.article)
    send_by_keyboard(
        page,
        "#reacties form.bw-form",
        {"email": "reactie@voorbeeld.nl", "body": "Mooi verhaal over de buurt."},
    )
    assert Comment.objects.count() == comments + 1

    # a response to an open call
    responses = Response.objects.count()
    page.goto(demo.call)
    send_by_keyboard(page, "main form.bw-form", {})
    assert Response.objects.count() == responses + 1, page.locator("main").inner_text()[
        :800
    ]

    # the contact form of an initiative
    messages = ContactMessage.objects.count()
    page.goto(f"/initiatieven/{demo.initiative_slug}/contact/")
    send_by_keyboard(
        page,
        "main form.bw-form",
        {"sender_email": "contact@voorbeeld.nl", "body": "Mogen we langskomen?"},
    )
    assert ContactMessage.objects.count() == messages + 1

    # logging in
    page.goto("/account/login/")
    send_by_keyboard(page, "main form", {"login": member.email, "password": password})
    expect(page.locator("header")).to_contain_text("Uitloggen")
