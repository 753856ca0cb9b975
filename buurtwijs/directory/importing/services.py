"""Import initiatives and people from a spreadsheet: one call, one report."""

import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.db import DatabaseError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.signal_handlers import disable_reference_index_auto_update

from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.services import profile_create, profile_update
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.importing.readers import (
    ImportFileError,
    read_bytes,
    read_table,
)
from buurtwijs.directory.importing.rows import (
    COLUMNS,
    INITIATIVES,
    KINDS,
    InitiativeRow,
    Lookups,
    PersonRow,
    RowError,
    column_key,
    parse_initiative,
    parse_person,
)
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.search.services import index_later

# Keeps `IN (...)` lists under SQLite's limit on query parameters.
_CHUNK = 500


@dataclass
class RejectedRow:
    """A row that was not imported: its spreadsheet line number and why."""

    line: int
    reason: str


@dataclass
class ImportReport:
    """What an import did, row by row where rows were rejected."""

    kind: str
    atomic: bool = False
    dry_run: bool = False
    error: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def stored(self) -> bool:
        """Whether anything the file holds was written to the database."""
        if self.error or self.dry_run or (self.atomic and self.rejected):
            return False
        return bool(self.created or self.updated)

    @property
    def summary(self) -> list[str]:
        """The report's conclusions as sentences, for the admin page and the shell."""
        if self.error:
            return [_("The file was refused: %(error)s") % {"error": self.error}]
        lines = [
            _(
                "%(rows)s rows read: %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged, %(rejected)s rejected."
            )
            % {
                "rows": self.rows,
                "created": self.created,
                "updated": self.updated,
                "unchanged": self.unchanged,
                "rejected": len(self.rejected),
            }
        ]
        if self.dry_run:
            lines.append(_("Dry run: nothing was stored."))
        elif self.atomic and self.rejected:
            lines.append(
                _(
                    "Nothing was stored: all or nothing was asked and %(count)s "
                    "rows were rejected."
                )
                % {"count": len(self.rejected)}
            )
        if self.ignored_columns:
            lines.append(
                _("Ignored columns (not part of the import): %(columns)s")
                % {"columns": ", ".join(self.ignored_columns)}
            )
        return lines


def directory_import(
    *,
    kind: str,
    file: str | Path | IO[bytes],
    atomic: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Import initiatives or people from a CSV or XLSX file; never raises on input.

    Re-importing a file updates what it created: initiatives are matched on name
    and municipality, people on e-mail address. By default every row is its own
    transaction, so a bad row never stops the others; with `atomic` nothing is
    stored when any row is rejected, and with `dry_run` nothing is stored at all.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    started = time.perf_counter()
    report = ImportReport(kind=kind, atomic=atomic, dry_run=dry_run)
    try:
        table = read_table(read_bytes(file))
        positions = _column_positions(table.header, kind, report)
        rows = [
            (line, {name: _cell(values, i) for name, i in positions.items()})
            for line, values in table.rows
        ]
    except ImportFileError as error:
        report.error = str(error)
        return report
    if not rows:
        report.error = _("The file has a header row but no rows to import.")
        return report

    importer = (
        _InitiativeImporter(report) if kind == INITIATIVES else _PersonImporter(report)
    )
    importer.prepare(rows)
    report.rows = len(rows)
    # Wagtail re-indexes the references of every saved snippet in a task of its
    # own, which tripled the time of a 5,000-row import. Initiatives and profiles
    # refer only to their municipality, which has no usage page in the admin;
    # `manage.py rebuild_references_index` fills the index in when it is wanted.
    with disable_reference_index_auto_update():
        if atomic or dry_run:
            with transaction.atomic():
                for line, values in rows:
                    importer.import_row(line, values)
                if report.rejected or dry_run:
                    transaction.set_rollback(True)
        else:
            for line, values in rows:
                importer.import_row(line, values)
    report.seconds = time.perf_counter() - started
    return report


def _cell(values: list[str], position: int) -> str:
    return values[position] if position < len(values) else ""


def _column_positions(
    header: list[str], kind: str, report: ImportReport
) -> dict[str, int]:
    wanted = {column_key(name): name for name in COLUMNS[kind]}
    positions: dict[str, int] = {}
    for position, cell in enumerate(header):
        name = wanted.get(column_key(cell))
        if name is not None and name not in positions:
            positions[name] = position
        elif cell:
            report.ignored_columns.append(cell)
    missing = [name for name in COLUMNS[kind] if name not in positions]
    if missing:
        raise ImportFileError(
            _(
                "Required columns are missing: %(columns)s. The first row must name "
                "the columns %(expected)s."
            )
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS[kind])}
        )
    return positions


class _Importer(ABC):
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.lookups = Lookups.load()

    @abstractmethod
    def prepare(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        """Load what already exists in as few queries as possible."""

    def import_row(self, line: int, values: dict[str, str]) -> None:
        try:
            # A savepoint inside --atomic, a transaction of its own otherwise.
            with transaction.atomic():
                self.save(values)
        except RowError as error:
            self.report.rejected.append(RejectedRow(line, str(error)))
        except DatabaseError as error:
            self.report.rejected.append(
                RejectedRow(
                    line,
                    _("the row could not be stored: %(error)s") % {"error": error},
                )
            )

    @abstractmethod
    def save(self, values: dict[str, str]) -> None:
        """Store one parsed row, or raise RowError with the reason."""


@dataclass
class _Stored:
    """An initiative as the file describes it, to tell whether a row changes it."""

    fields: dict[str, object]
    theme_ids: set[int] = field(default_factory=set)
    partners: list[tuple[str, str]] = field(default_factory=list)


_INITIATIVE_FIELDS = (
    "name",
    "kind",
    "municipality_id",
    "founded_year",
    "website",
    "description",
    "status",
)


class _InitiativeImporter(_Importer):
    def prepare(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        # Four queries load every initiative with its themes and partners, so a
        # re-import writes only the rows that change.
        self.slugs = set(Initiative.objects.order_by().values_list("slug", flat=True))
        self.by_key: dict[tuple[str, int], int] = {}
        self.stored: dict[int, _Stored] = {}
        for pk, *values in Initiative.objects.order_by("pk").values_list(
            "pk", *_INITIATIVE_FIELDS
        ):
            fields = dict(zip(_INITIATIVE_FIELDS, values, strict=True))
            self.by_key[(slugify(fields["name"]), fields["municipality_id"])] = pk
            self.stored[pk] = _Stored(fields)
        through = Initiative.themes.through.objects.values_list(
            "initiative_id", "theme_id"
        )
        for initiative_id, theme_id in through:
            self.stored[initiative_id].theme_ids.add(theme_id)
        partners = Partner.objects.order_by("position", "id").values_list(
            "initiative_id", "name", "role"
        )
        for initiative_id, name, role in partners:
            self.stored[initiative_id].partners.append((name, role))

    def save(self, values: dict[str, str]) -> None:
        row = parse_initiative(values, self.lookups)
        key = (slugify(row.name), row.municipality.pk)
        new = _Stored(
            fields={
                "name": row.name,
                "kind": row.kind,
                "municipality_id": row.municipality.pk,
                "founded_year": row.founded_year,
                "website": row.website,
                "description": row.description,
                "status": Initiative.Status.PUBLISHED.value,
            },
            theme_ids=set(row.theme_ids),
            partners=row.partners,
        )
        pk = self.by_key.get(key)
        if pk is None:
            pk = Initiative.objects.create(
                slug=self._new_slug(row),
                sort_name=dutch_sort_key(row.name),
                **new.fields,
            ).pk
            old = _Stored({})
            self.report.created += 1
        elif (old := self.stored[pk]) == new:
            self.report.unchanged += 1
            return
        else:
            if new.fields != old.fields:
                Initiative.objects.filter(pk=pk).update(
                    **new.fields,
                    sort_name=dutch_sort_key(row.name),
                    updated_at=timezone.now(),
                )
            if new.theme_ids != old.theme_ids:
                Initiative.themes.through.objects.filter(initiative_id=pk).delete()
            if new.partners != old.partners:
                Partner.objects.filter(initiative_id=pk).delete()
            self.report.updated += 1
        if new.theme_ids != old.theme_ids:
            Initiative.themes.through.objects.bulk_create(
                Initiative.themes.through(initiative_id=pk, theme_id=theme_id)
                for theme_id in row.theme_ids
            )
        if new.partners != old.partners:
            Partner.objects.bulk_create(
                Partner(initiative_id=pk, name=name, role=role, position=position)
                for position, (name, role) in enumerate(row.partners)
            )
        # Only after the writes: a later row with the same key updates this one.
        self.by_key[key] = pk
        self.stored[pk] = new
        # One task per changed row, after its commit (after the whole file with
        # --atomic; never for a dry run, whose writes are rolled back).
        index_later(kind="initiative", object_id=pk)

    def _new_slug(self, row: InitiativeRow) -> str:
        base = slugify(row.name)[:180] or "initiatief"
        candidates = [base, f"{base}-{slugify(row.municipality.display_name)}"]
        number = 2
        while candidates[0] in self.slugs:
            candidates.pop(0)
            if not candidates:
                candidates.append(f"{base}-{number}")
                number += 1
        self.slugs.add(candidates[0])
        return candidates[0]


class _PersonImporter(_Importer):
    def prepare(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        emails = sorted({values["email"].strip().casefold() for _, values in rows})
        self.profiles: dict[str, Profile] = {}
        self.theme_ids: dict[int, set[int]] = {}
        self.account_emails: set[str] = set()
        for start in range(0, len(emails), _CHUNK):
            chunk = emails[start : start + _CHUNK]
            found = list(
                Profile.objects.annotate(key=Lower("email")).filter(key__in=chunk)
            )
            for profile in found:
                self.profiles[profile.email.casefold()] = profile
                self.theme_ids[profile.pk] = set()
            for profile_id, theme_id in Profile.themes.through.objects.filter(
                profile_id__in=[profile.pk for profile in found]
            ).values_list("profile_id", "theme_id"):
                self.theme_ids[profile_id].add(theme_id)
            self.account_emails.update(
                User.objects.annotate(key=Lower("email"))
                .filter(key__in=chunk)
                .values_list("key", flat=True)
            )

    def save(self, values: dict[str, str]) -> None:
        row = parse_person(values, self.lookups)
        profile = self.profiles.get(row.email)
        if row.email in self.account_emails or (
            profile is not None and profile.user_id is not None
        ):
            raise RowError(
                _(
                    "%(email)s belongs to a member with an account; an import does "
                    "not change their own profile"
                )
                % {"email": row.email}
            )
        fields = {"name": row.name, **_person_fields(row)}
        if profile is None:
            profile = profile_create(user=None, **fields)
            self.report.created += 1
        elif self._unchanged(profile, fields):
            self.report.unchanged += 1
            return
        else:
            profile_update(profile=profile, data=fields)
            self.report.updated += 1
        self.profiles[row.email] = profile
        self.theme_ids[profile.pk] = set(row.theme_ids)

    def _unchanged(self, profile: Profile, fields: dict[str, Any]) -> bool:
        municipality = fields["municipality"]
        return (
            self.theme_ids.get(profile.pk) == set(fields["themes"])
            # The id, not the object: reading profile.municipality is a query.
            and profile.municipality_id == (municipality.pk if municipality else None)
            and all(
                getattr(profile, name) == value
                for name, value in fields.items()
                if name not in ("themes", "municipality")
            )
        )


def _person_fields(row: PersonRow) -> dict[str, Any]:
    # A public imported person shows name, organisation, municipality, expertise
    # and themes; the kind stays hidden and the e-mail address is never shown.
    return {
        "email": row.email,
        "organisation": row.organisation,
        "municipality": row.municipality,
        "kind": row.kind,
        "expertise": row.expertise,
        "themes": row.theme_ids,
        "is_public": row.is_public,
        "show_organisation": True,
        "show_municipality": True,
        "show_kind": False,
        "show_expertise": True,
        "show_themes": True,
    }
