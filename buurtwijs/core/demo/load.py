"""Write generated records in bulk, skipping those an earlier run already wrote.

Generated initiatives and profiles are recognised by their deterministic slug,
generated documents (which have no slug) by their title among documents without a
file or uploader. Each kind is written in one transaction, in batches, with every
lookup done before the loop.
"""

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import models, transaction

from buurtwijs.accounts.models import Profile
from buurtwijs.core.demo.documents import DocumentSpec
from buurtwijs.core.demo.generate import InitiativeSpec, PersonSpec, Place
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.knowledge.models import Document

BATCH_SIZE = 2_000

Log = Callable[[str], None]


def load_places() -> list[Place]:
    """Every municipality as a plain value, in code order."""
    rows = Municipality.objects.select_related("province").order_by("code")
    return [
        Place(
            code=row.code,
            name=row.display_name,
            province_code=row.province.code,
            province=row.province.name,
            population=row.population or 0,
            area_km2=float(row.area_km2 or 0),
            latitude=row.latitude,
            longitude=row.longitude,
        )
        for row in rows
    ]


def bulk_insert(
    model: type[models.Model], rows: Iterable[models.Model], label: str, log: Log
) -> list[Any]:
    """Insert rows in batches, reporting progress, and return them with their keys."""
    rows = list(rows)
    started = time.monotonic()
    created: list[Any] = []
    for start in range(0, len(rows), BATCH_SIZE):
        created += model._default_manager.bulk_create(rows[start : start + BATCH_SIZE])
        if len(rows) > BATCH_SIZE:
            done = min(start + BATCH_SIZE, len(rows))
            log(f"    {label}: {done:,}/{len(rows):,}")
    if rows:
        log(f"  {label}: {len(rows):,} in {time.monotonic() - started:.1f}s")
    return created


def theme_ids() -> dict[str, int]:
    """Theme primary keys by slug."""
    return dict(Theme.objects.values_list("slug", "id"))


def municipality_ids() -> dict[str, int]:
    """Municipality primary keys by CBS code."""
    return dict(Municipality.objects.values_list("code", "id"))


@transaction.atomic
def load_initiatives(specs: Sequence[InitiativeSpec], log: Log) -> int:
    """Write the initiatives not yet present, with their partners and themes."""
    existing = set(Initiative.objects.values_list("slug", flat=True))
    todo = [spec for spec in specs if spec.slug not in existing]
    if not todo:
        return 0
    places = municipality_ids()
    themes = theme_ids()
    initiatives = bulk_insert(
        Initiative,
        (
            Initiative(
                slug=spec.slug,
                name=spec.name,
                kind=spec.kind,
                municipality_id=places[spec.municipality_code],
                neighbourhood=spec.neighbourhood,
                latitude=spec.latitude,
                longitude=spec.longitude,
                founded_year=spec.founded_year,
                summary=spec.summary,
                description=spec.description,
                contact_email=spec.contact_email,
                status=spec.status,
            )
            for spec in todo
        ),
        "initiatives",
        log,
    )
    pairs = list(zip(initiatives, todo, strict=True))
    bulk_insert(
        Partner,
        (
            Partner(
                initiative_id=initiative.pk,
                name=partner.name,
                role=partner.role,
                contribution=partner.contribution,
                position=position,
            )
            for initiative, spec in pairs
            for position, partner in enumerate(spec.partners)
        ),
        "partners",
        log,
    )
    through = Initiative.themes.through
    bulk_insert(
        through,
        (
            through(initiative_id=initiative.pk, theme_id=themes[slug])
            for initiative, spec in pairs
            for slug in spec.themes
        ),
        "initiative themes",
        log,
    )
    return len(todo)


@transaction.atomic
def load_people(specs: Sequence[PersonSpec], log: Log) -> int:
    """Write the profiles not yet present, without accounts, with their themes."""
    existing = set(Profile.objects.values_list("slug", flat=True))
    todo = [spec for spec in specs if spec.slug not in existing]
    if not todo:
        return 0
    places = municipality_ids()
    themes = theme_ids()
    profiles = bulk_insert(
        Profile,
        (
            Profile(
                user=None,
                slug=spec.slug,
                name=spec.name,
                organisation=spec.organisation,
                municipality_id=(
                    places[spec.municipality_code] if spec.municipality_code else None
                ),
                kind=spec.kind,
                expertise=spec.expertise,
                is_public=spec.is_public,
                show_organisation=spec.show_organisation,
                show_municipality=spec.show_municipality,
                show_kind=spec.show_kind,
                show_expertise=spec.show_expertise,
                show_themes=spec.show_themes,
            )
            for spec in todo
        ),
        "profiles",
        log,
    )
    through = Profile.themes.through
    bulk_insert(
        through,
        (
            through(profile_id=profile.pk, theme_id=themes[slug])
            for profile, spec in zip(profiles, todo, strict=True)
            for slug in spec.themes
        ),
        "profile themes",
        log,
    )
    return len(todo)


@transaction.atomic
def load_documents(specs: Sequence[DocumentSpec], log: Log) -> int:
    """Write the documents not yet present (by title), published, with themes."""
    existing = set(
        Document.objects.filter(file="", uploaded_by__isnull=True).values_list(
            "title", flat=True
        )
    )
    todo = [spec for spec in specs if spec.title not in existing]
    if not todo:
        return 0
    places = municipality_ids()
    themes = theme_ids()
    documents = bulk_insert(
        Document,
        (
            Document(
                title=spec.title,
                kind=spec.kind,
                description=spec.description,
                extracted_text=spec.extracted_text,
                municipality_id=(
                    places[spec.municipality_code] if spec.municipality_code else None
                ),
                licence=spec.licence,
                deadline=spec.deadline,
                status=Document.Status.PUBLISHED,
            )
            for spec in todo
        ),
        "documents",
        log,
    )
    through = Document.themes.through
    bulk_insert(
        through,
        (
            through(document_id=document.pk, theme_id=themes[slug])
            for document, spec in zip(documents, todo, strict=True)
            for slug in spec.themes
        ),
        "document themes",
        log,
    )
    return len(todo)
