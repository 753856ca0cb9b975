"""Reads for "who knows what": candidate sets, the in-process indexes and matches.

Only public data is ever loaded: public profiles of people who allow suggestions
(and only the fields they show), live cases, published public documents and
published initiatives. A field a person hides is not read at all, so it can be
neither matched nor named in a reason.

Each web process keeps one ``MatchIndex`` per kind in memory. Before every match
it reads a version per kind (a token that signals change on each write, plus the
table's count and last change for writes that bypass signals, such as bulk
updates) and rebuilds the index of a kind whose version moved.
"""

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Site

from buurtwijs.accounts.models import Profile
from buurtwijs.analysis.matching import (
    Candidate,
    Geography,
    Match,
    MatchIndex,
    Place,
    Query,
    Reason,
)
from buurtwijs.calls.models import LearningQuestion
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.knowledge.models import CasePage, Document
from buurtwijs.knowledge.models.documents import Visibility
from buurtwijs.matching.models import IndexVersion
from buurtwijs.matching.reasons import reason_texts

PERSON = "person"
CASE = "case"
DOCUMENT = "document"
INITIATIVE = "initiative"
KINDS = (PERSON, CASE, DOCUMENT, INITIATIVE)
MAX_LIMIT = 50


@dataclass(frozen=True)
class Item:
    """What a suggestion shows: never an e-mail address, only public fields."""

    type: str
    id: str
    slug: str
    name: str
    detail: str = ""  # organisation and place, or the kind of document
    contactable: bool = False
    path: str = ""  # cases: the page's address


@dataclass(frozen=True)
class Suggestion:
    """A ranked item with its score and reasons."""

    item: Item
    score: float
    relevance: float
    reasons: tuple[Reason, ...]
    reason_texts: tuple[str, ...]

    @property
    def url(self) -> str:
        return item_url(self.item)


@dataclass
class _Built:
    version: tuple[Any, ...]
    index: MatchIndex
    items: dict[str, Item]


_lock = threading.Lock()
_indexes: dict[str, _Built] = {}
_fingerprints: dict[str, tuple[float, tuple[Any, ...]]] = {}


def item_url(item: Item) -> str:
    """The public page of a suggested item."""
    if item.type == PERSON:
        return reverse("people:person_detail", kwargs={"slug": item.slug})
    if item.type == INITIATIVE:
        return reverse("directory:initiative_detail", kwargs={"slug": item.slug})
    if item.type == DOCUMENT:
        return reverse("knowledge:document_detail", kwargs={"pk": int(item.id)})
    return item.path  # cases: the page's address, worked out when the index is built


# Candidate sets


def _public_profiles() -> Any:
    return Profile.objects.filter(is_public=True, allow_suggestions=True).filter(
        Q(user__isnull=True) | Q(user__is_active=True)
    )


def _theme_slugs(through: Any, owner: str, owner_ids: Any) -> dict[int, list[str]]:
    """Theme slugs per owner id, from a many-to-many table, in one query."""
    slugs = dict(Theme.objects.values_list("id", "slug"))
    found: dict[int, list[str]] = {}
    rows = through.objects.filter(**{f"{owner}_id__in": owner_ids}).values_list(
        f"{owner}_id", "theme_id"
    )
    for owner_id, theme_id in rows:
        found.setdefault(owner_id, []).append(slugs[theme_id])
    return found


def _place_names() -> dict[int, str]:
    return dict(Municipality.objects.values_list("id", "display_name"))


def person_candidates() -> tuple[list[Candidate], dict[str, Item]]:
    """Public profiles open to suggestions, with only the fields they show."""
    profiles = _public_profiles()
    rows = profiles.values_list(
        "id",
        "slug",
        "name",
        "organisation",
        "expertise",
        "municipality_id",
        "show_organisation",
        "show_expertise",
        "show_municipality",
        "show_themes",
        "user_id",
        "email",
    ).order_by("id")
    themes = _theme_slugs(
        Profile.themes.through,
        "profile",
        profiles.filter(show_themes=True).values("id"),
    )
    places = _place_names()
    candidates: list[Candidate] = []
    items: dict[str, Item] = {}
    for (
        pk,
        slug,
        name,
        organisation,
        expertise,
        municipality,
        show_organisation,
        show_expertise,
        show_municipality,
        show_themes,
        user_id,
        email,
    ) in rows:
        organisation = organisation if show_organisation else ""
        municipality = municipality if show_municipality else None
        key = str(pk)
        candidates.append(
            Candidate(
                id=key,
                text=" ".join(
                    part
                    for part in (expertise if show_expertise else "", organisation)
                    if part
                ),
                themes=tuple(themes.get(pk, ())) if show_themes else (),
                municipality=municipality,
            )
        )
        detail = " · ".join(
            part for part in (organisation, places.get(municipality or 0, "")) if part
        )
        items[key] = Item(
            type=PERSON,
            id=key,
            slug=slug,
            name=name,
            detail=detail,
            contactable=bool(user_id or email),
        )
    return candidates, items


def _case_paths() -> Callable[[str], str]:
    roots = sorted(
        Site.get_site_root_paths(), key=lambda root: len(root.root_path), reverse=True
    )

    def relative(url_path: str) -> str:
        for root in roots:
            if url_path.startswith(root.root_path):
                return "/" + url_path[len(root.root_path) :]
        return url_path

    return relative


def case_candidates() -> tuple[list[Candidate], dict[str, Item]]:
    """Live cases without view restrictions."""
    cases = CasePage.objects.live().public()
    rows = cases.values_list(
        "id",
        "slug",
        "url_path",
        "title",
        "summary",
        "context",
        "results",
        "lessons",
        "municipality_id",
        "initiative__municipality_id",
    ).order_by("id")
    themes = _theme_slugs(CasePage.themes.through, "casepage", cases.values("id"))
    places = _place_names()
    relative = _case_paths()
    candidates: list[Candidate] = []
    items: dict[str, Item] = {}
    for pk, slug, url_path, title, summary, context, results, lessons, own, via in rows:
        municipality = own or via
        key = str(pk)
        rich = strip_tags(" ".join((context, results, lessons)))
        candidates.append(
            Candidate(
                id=key,
                text=f"{title}. {title}. {summary} {rich}",
                themes=tuple(themes.get(pk, ())),
                municipality=municipality,
            )
        )
        items[key] = Item(
            type=CASE,
            id=key,
            slug=slug,
            name=title,
            path=relative(url_path),
            detail=places.get(municipality or 0, ""),
        )
    return candidates, items


def _public_documents() -> Any:
    return Document.objects.filter(
        status=Document.Status.PUBLISHED, visibility=Visibility.PUBLIC
    )


def document_candidates() -> tuple[list[Candidate], dict[str, Item]]:
    """Published public documents, by title and description."""
    documents = _public_documents()
    rows = documents.values_list(
        "id", "title", "description", "kind", "municipality_id"
    ).order_by("id")
    themes = _theme_slugs(Document.themes.through, "document", documents.values("id"))
    kinds = dict(Document._meta.get_field("kind").flatchoices)
    candidates: list[Candidate] = []
    items: dict[str, Item] = {}
    for pk, title, description, kind, municipality in rows:
        key = str(pk)
        candidates.append(
            Candidate(
                id=key,
                text=f"{title}. {title}. {description}",
                themes=tuple(themes.get(pk, ())),
                municipality=municipality,
            )
        )
        items[key] = Item(
            type=DOCUMENT,
            id=key,
            slug=str(pk),
            name=title,
            detail=str(kinds.get(kind, "")),
        )
    return candidates, items


def initiative_candidates() -> tuple[list[Candidate], dict[str, Item]]:
    """Published initiatives, by name, summary and description."""
    initiatives = Initiative.objects.filter(status=Initiative.Status.PUBLISHED)
    rows = initiatives.values_list(
        "id", "slug", "name", "summary", "description", "municipality_id"
    ).order_by("id")
    themes = _theme_slugs(
        Initiative.themes.through, "initiative", initiatives.values("id")
    )
    places = _place_names()
    candidates: list[Candidate] = []
    items: dict[str, Item] = {}
    for pk, slug, name, summary, description, municipality in rows:
        key = str(pk)
        candidates.append(
            Candidate(
                id=key,
                text=f"{name}. {summary} {description}",
                themes=tuple(themes.get(pk, ())),
                municipality=municipality,
            )
        )
        items[key] = Item(
            type=INITIATIVE,
            id=key,
            slug=slug,
            name=name,
            detail=places.get(municipality or 0, ""),
        )
    return candidates, items


BUILDERS: dict[str, Callable[[], tuple[list[Candidate], dict[str, Item]]]] = {
    PERSON: person_candidates,
    CASE: case_candidates,
    DOCUMENT: document_candidates,
    INITIATIVE: initiative_candidates,
}


# Versions


def _fingerprint(kind: str) -> tuple[Any, ...]:
    """Count and last change of the kind's table: catches writes without signals."""
    if kind == PERSON:
        found = Profile.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    elif kind == INITIATIVE:
        found = Initiative.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    elif kind == DOCUMENT:
        found = Document.objects.aggregate(
            n=Count("id"), t=Max("published_at"), c=Max("created_at")
        )
    else:
        found = CasePage.objects.aggregate(n=Count("id"), t=Max("last_published_at"))
    return tuple(sorted(found.items()))


def _fingerprint_cached(kind: str, *, fresh: bool = False) -> tuple[Any, ...]:
    """The fingerprint, read again at most every MATCHING_FINGERPRINT_SECONDS.

    Counting 100,000 rows costs about 100 ms on SQLite, too much for every
    query; the tokens catch every write made through the ORM at once.
    """
    now = time.monotonic()
    cached = _fingerprints.get(kind)
    ttl = getattr(settings, "MATCHING_FINGERPRINT_SECONDS", 60)
    if fresh or cached is None or now - cached[0] >= ttl:
        cached = (now, _fingerprint(kind))
        _fingerprints[kind] = cached
    return cached[1]


def index_versions(kinds: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """The current version of each kind's data (one query, plus a fingerprint
    now and then)."""
    kinds = list(kinds)
    tokens = dict(
        IndexVersion.objects.filter(kind__in=kinds).values_list("kind", "token")
    )
    return {kind: (tokens.get(kind, ""), _fingerprint_cached(kind)) for kind in kinds}


def _geography() -> Geography:
    rows = Municipality.objects.values_list(
        "id", "display_name", "province_id", "latitude", "longitude"
    ).order_by("id")
    return Geography([Place(*row) for row in rows])


def match_index(kind: str, version: tuple[Any, ...] | None = None) -> _Built:
    """The kind's index, rebuilt first when its data changed."""
    if version is None:
        version = index_versions([kind])[kind]
    built = _indexes.get(kind)
    if built is not None and built.version == version:
        return built
    with _lock:
        # The token moved: read the fingerprint afresh too, so that the index is
        # not built a second time when the cached one expires.
        version = (version[0], _fingerprint_cached(kind, fresh=True))
        built = _indexes.get(kind)
        if built is None or built.version != version:
            candidates, items = BUILDERS[kind]()
            built = _Built(
                version=version,
                index=MatchIndex(candidates, _geography()),
                items=items,
            )
            _indexes[kind] = built
    return built


def match_indexes_forget() -> None:
    """Drop every index of this process (tests, and after a restore)."""
    with _lock:
        _indexes.clear()
        _fingerprints.clear()


# Matching


def match_public(
    *,
    text: str,
    kinds: Sequence[str] = KINDS,
    limit: int = 10,
    municipality_id: int | None = None,
    themes: dict[str, float] | None = None,
) -> dict[str, list[Suggestion]]:
    """Suggestions per kind for a text, best first; only public data."""
    limit = max(1, min(limit, MAX_LIMIT))
    query = Query(text=text or "", themes=themes, municipality=municipality_id)
    versions = index_versions(kinds)
    labels = theme_labels()
    found: dict[str, list[Suggestion]] = {}
    for kind in kinds:
        built = match_index(kind, versions[kind])
        found[kind] = [
            _suggestion(built, match, kind=kind, labels=labels)
            for match in built.index.search(query, limit=limit)
        ]
    return found


def theme_labels() -> dict[str, str]:
    """Theme labels by slug, in the active language."""
    return {theme.slug: theme.label for theme in Theme.objects.all()}


def _suggestion(
    built: _Built, match: Match, *, kind: str, labels: dict[str, str]
) -> Suggestion:
    return Suggestion(
        item=built.items[match.id],
        score=match.score,
        relevance=match.relevance,
        reasons=match.reasons,
        reason_texts=tuple(reason_texts(match.reasons, kind=kind, theme_labels=labels)),
    )


def question_query(question: LearningQuestion) -> tuple[str, dict[str, float] | None]:
    """A learning question's text and, when analysed, its stored theme scores."""
    scores = question.theme_scores or None
    return question.text, (
        {str(slug): float(score) for slug, score in scores.items()} if scores else None
    )


def match_for_question(
    *, question: LearningQuestion, limit: int = 3
) -> dict[str, list[Suggestion]]:
    """Suggestions for a learning question: its text, themes and municipality."""
    text, themes = question_query(question)
    return match_public(
        text=text,
        limit=limit,
        municipality_id=question.municipality_id,
        themes=themes,
    )


def contactable_profile(*, slug: str) -> Profile | None:
    """A person who may be contacted: public, open to suggestions, reachable."""
    return (
        _public_profiles()
        .filter(Q(user__isnull=False) | ~Q(email=""))
        .select_related("user")
        .filter(slug=slug)
        .first()
    )


# Knowledge gaps


@dataclass(frozen=True)
class ThemeGap:
    """Per theme: published questions, how many lack a good match, examples."""

    slug: str
    label: str
    questions: int
    gaps: int
    examples: list[LearningQuestion]


def knowledge_gaps(*, threshold: float, examples: int = 5) -> list[ThemeGap]:
    """Per theme, the learning questions whose best match is below the threshold."""
    from buurtwijs.matching.models import QuestionMatch

    published = LearningQuestion.objects.filter(
        status=LearningQuestion.Status.PUBLISHED
    )
    through = LearningQuestion.themes.through.objects.filter(
        learningquestion__status=LearningQuestion.Status.PUBLISHED
    )
    totals: dict[int, int] = {
        row["theme_id"]: row["n"]
        for row in through.values("theme_id").annotate(n=Count("id"))
    }
    weak_ids = QuestionMatch.objects.filter(best_score__lt=threshold).values(
        "question_id"
    )
    gaps: dict[int, int] = {
        row["theme_id"]: row["n"]
        for row in through.filter(learningquestion_id__in=weak_ids)
        .values("theme_id")
        .annotate(n=Count("id"))
    }
    weak = (
        published.filter(best_match__best_score__lt=threshold)
        .order_by("-vote_count", "-created_at")
        .prefetch_related("themes")[:500]
    )
    by_theme: dict[int, list[LearningQuestion]] = {}
    for question in weak:
        for theme in question.themes.all():
            listed = by_theme.setdefault(theme.pk, [])
            if len(listed) < examples:
                listed.append(question)
    return sorted(
        (
            ThemeGap(
                slug=theme.slug,
                label=theme.label,
                questions=totals.get(theme.pk, 0),
                gaps=gaps.get(theme.pk, 0),
                examples=by_theme.get(theme.pk, []),
            )
            for theme in Theme.objects.order_by("position", "name")
        ),
        key=lambda gap: (-gap.gaps, gap.label),
    )
