"""Backups: the database and the uploaded files in one archive, and back.

An archive (``.tar.gz``) holds:

- ``manifest.json``: when and from which database it was made, the applied
  migrations, the number of rows per model and a SHA-256 checksum per file;
- ``database.json``: every row of every model in Django's JSON serialisation
  (``dumpdata --all``), with the primary keys as they are. That format does not
  depend on the database, so a backup of SQLite restores into PostgreSQL and back;
- ``media/…`` and ``documents/…``: the files under MEDIA_ROOT (images, Wagtail
  documents) and DOCUMENTS_ROOT (the knowledge base's files).

Left out, because they are rebuilt or worthless after a restore: sessions (everyone
logs in again) and the search indexes (rebuilt by the restore).

A restore empties the database with ``flush`` (without re-creating content types
and permissions) and loads the rows with their own keys, content types and
permissions included: ids stored inside JSON, such as a page revision's content
type, stay right. No model signal receiver runs during the load. It runs in one
transaction and compares the row counts with the manifest before committing, then
empties the cache and rebuilds the search indexes.
"""

import datetime
import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import django
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
# Rebuilt after a restore (search indexes) or not worth keeping (sessions).
EXCLUDED_MODELS = {
    "sessions.session",
    "search.searchentry",
    "search.searchtext",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
}
CHUNK = 1024 * 1024

Log = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class FileRoot:
    name: str  # the folder in the archive
    path: Path


def file_roots() -> list[FileRoot]:
    return [
        FileRoot("media", Path(settings.MEDIA_ROOT)),
        FileRoot("documents", Path(settings.DOCUMENTS_ROOT)),
    ]


def backed_up_models() -> list[type[models.Model]]:
    """Every concrete model with a table of its own, minus the excluded ones."""
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in EXCLUDED_MODELS
        and not model._meta.proxy
        and model._meta.managed
    ]


def row_counts(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per model, counted without any default manager's filter."""
    return {
        model._meta.label_lower: model._base_manager.using(using).count()
        for model in backed_up_models()
    }


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under root (path, path relative to root), sorted."""
    if not root.is_dir():
        return
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path, path.relative_to(root).as_posix()


def _sha256(stream: Any) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def default_backup_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"buurtwijs-{stamp}.tar.gz"


def backup_create(
    *, path: Path, using: str = DEFAULT_DB_ALIAS, log: Log | None = None
) -> dict[str, Any]:
    """Write the database and the files to one archive at path; return its manifest.

    The archive is written next to its final name and renamed when complete, so an
    interrupted backup never looks like a finished one. It holds personal data:
    only its owner may read it (mode 600).
    """
    say = log or (lambda _message: None)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    with tempfile.TemporaryDirectory(prefix="buurtwijs-backup-") as work:
        dump = Path(work) / DATABASE
        # Inside an enclosing transaction (a test's) the snapshot is already set.
        outer = connection.in_atomic_block
        with transaction.atomic(using=using):
            if connection.vendor == "postgresql" and not outer:
                # One snapshot for every table while the site keeps running.
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    )
            counts = row_counts(using)
            migrations = applied_migrations(using)
            call_command(
                "dumpdata",
                *sorted({m._meta.label for m in backed_up_models()}),
                all=True,
                format="json",
                output=str(dump),
                database=using,
                verbosity=0,
            )
        say(f"Database: {sum(counts.values()):,} rows in {len(counts)} tables.")
        files: dict[str, dict[str, str]] = {}
        for root in file_roots():
            files[root.name] = {
                relative: _sha256(file.open("rb"))
                for file, relative in _files(root.path)
            }
            say(f"Files in {root.path}: {len(files[root.name]):,}.")
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database_vendor": connection.vendor,
            "django": django.get_version(),
            "migrations": migrations,
            "counts": counts,
            "files": files,
        }
        partial = path.with_name(path.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with (
            os.fdopen(descriptor, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz") as archive,
        ):
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(dump, arcname=DATABASE)
            for root in file_roots():
                for file, relative in _files(root.path):
                    archive.add(file, arcname=f"{root.name}/{relative}")
        partial.replace(path)
    say(f"Backup written to {path} ({path.stat().st_size / 1_000_000:,.1f} MB).")
    return manifest


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(tz=datetime.UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of an archive, or BackupError saying what is wrong with it."""
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest: dict[str, Any] = json.load(member)
    except FileNotFoundError as exc:
        raise BackupError(f"There is no file {path}.") from exc
    except (tarfile.TarError, OSError, KeyError, ValueError) as exc:
        raise BackupError(
            f"{path} is not a Buurtwijs backup (made by manage.py backup): {exc}"
        ) from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{path} has backup format {manifest.get('format')!r}; this version "
            f"reads format {FORMAT}."
        )
    return manifest


def _check_target(manifest: dict[str, Any], *, using: str, force: bool) -> list[str]:
    """Refuse a restore that would not fit or would overwrite data; return notes."""
    here = set(applied_migrations(using))
    there = set(manifest["migrations"])
    if here != there:
        missing = sorted(there - here)
        extra = sorted(here - there)
        details = []
        if missing:
            details.append(
                f"the backup has {len(missing)} migration(s) this database lacks "
                f"(first: {missing[0]}): run this version's `manage.py migrate`, "
                "or restore with the newer Buurtwijs version that made the backup"
            )
        if extra:
            details.append(
                f"this database has {len(extra)} migration(s) the backup lacks "
                f"(first: {extra[0]}): restore with the Buurtwijs version that made "
                "the backup, then upgrade (`manage.py migrate`)"
            )
        raise BackupError(
            "The backup was made with a different database schema; "
            + "; ".join(details)
            + "."
        )
    notes = []
    accounts = get_user_model()._base_manager.using(using).count()
    files = {root.name: sum(1 for _ in _files(root.path)) for root in file_roots()}
    if accounts or any(files.values()):
        held = [f"{accounts:,} account(s)"] if accounts else []
        held += [
            f"{count:,} file(s) in {root.path}"
            for root in file_roots()
            if (count := files[root.name])
        ]
        if not force:
            raise BackupError(
                "This site is not empty: it holds "
                + ", ".join(held)
                + ". A restore replaces every row in the database; restore into a "
                "new, migrated database, or add --force to delete what is here."
            )
        notes.append("Replaced what was here: " + ", ".join(held) + ".")
    return notes


def backup_restore(
    *,
    path: Path,
    force: bool = False,
    using: str = DEFAULT_DB_ALIAS,
    log: Log | None = None,
) -> dict[str, Any]:
    """Restore an archive made by backup_create; return its manifest.

    Refuses (BackupError) when the database schema differs from the backup's or,
    without force, when the site already holds accounts or files.
    """
    say = log or (lambda _message: None)
    manifest = read_manifest(path)
    for note in _check_target(manifest, using=using, force=force):
        say(note)
    with (
        tempfile.TemporaryDirectory(prefix="buurtwijs-restore-") as work,
        tarfile.open(path, mode="r:gz") as archive,
    ):
        dump = Path(work) / DATABASE
        member = archive.extractfile(DATABASE)
        if member is None:
            raise BackupError(f"{path} holds no {DATABASE}.")
        with dump.open("wb") as out:
            while chunk := member.read(CHUNK):
                out.write(chunk)
        with transaction.atomic(using=using):
            if connections[using].vendor == "postgresql":
                # Checks still deferred in an enclosing transaction would stop
                # TRUNCATE ("pending trigger events"): run them now.
                connections[using].check_constraints()
            # Empty every table, content types and permissions included; the dump
            # brings its own with the same keys.
            call_command(
                "flush",
                interactive=False,
                database=using,
                inhibit_post_migrate=True,
                verbosity=0,
            )
            with _model_signals_muted():
                call_command("loaddata", str(dump), database=using, verbosity=0)
            counts = row_counts(using)
            wrong = {
                label: (expected, counts.get(label))
                for label, expected in manifest["counts"].items()
                if counts.get(label) != expected
            }
            if wrong:
                raise BackupError(
                    "The restored row counts differ from the backup's, so nothing "
                    "was changed: "
                    + ", ".join(
                        f"{label} {found} instead of {expected}"
                        for label, (expected, found) in sorted(wrong.items())[:5]
                    )
                )
        say(f"Database: {sum(counts.values()):,} rows restored.")
        restored = _restore_files(archive, manifest)
    for root in file_roots():
        say(f"Files in {root.path}: {restored[root.name]:,} restored.")
    # Cached pages and answers belong to the site that was here.
    cache.clear()
    # The search indexes were left out of the backup: build them from the rows.
    quiet = io.StringIO()
    call_command("search_rebuild", stdout=quiet)
    call_command("wagtail_update_index", stdout=quiet, stderr=quiet)
    say("Search indexes rebuilt.")
    return manifest


@contextmanager
def _model_signals_muted() -> Iterator[None]:
    """No receiver of the model signals runs while the rows are loaded.

    The rows come exactly as they were; receivers would add to them (an app that
    records an index version on each save, or Django's m2m_changed, which loaddata
    sends without a raw flag, creates rows the dump brings as well) or queue work
    for every row. What they keep up to date (search indexes, caches) is rebuilt
    or emptied after the load.
    """
    signals = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
    kept = [signal.receivers for signal in signals]
    try:
        for signal in signals:
            signal.receivers = []
            signal.sender_receivers_cache.clear()
        yield
    finally:
        for signal, receivers in zip(signals, kept, strict=True):
            signal.receivers = receivers
            signal.sender_receivers_cache.clear()


def _restore_files(
    archive: tarfile.TarFile, manifest: dict[str, Any]
) -> dict[str, int]:
    """Write the archive's files under their roots and check every checksum."""
    roots = {root.name: root.path for root in file_roots()}
    restored = dict.fromkeys(roots, 0)
    for member in archive:
        if member.name in (MANIFEST, DATABASE) or member.isdir():
            continue
        parts = PurePosixPath(member.name).parts
        if (
            not member.isfile()
            or len(parts) < 2
            or parts[0] not in roots
            or any(part in ("", ".", "..") for part in parts)
            or PurePosixPath(member.name).is_absolute()
        ):
            raise BackupError(f"Unexpected entry in the backup: {member.name!r}.")
        relative = "/".join(parts[1:])
        expected = manifest["files"].get(parts[0], {}).get(relative)
        if expected is None:
            raise BackupError(f"{member.name} is in the backup but not in its list.")
        target = roots[parts[0]].joinpath(*parts[1:])
        target.parent.mkdir(parents=True, exist_ok=True)
        source = archive.extractfile(member)
        if source is None:
            raise BackupError(f"{member.name} cannot be read from the backup.")
        digest = hashlib.sha256()
        with target.open("wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != expected:
            raise BackupError(f"{member.name} does not match its checksum.")
        restored[parts[0]] += 1
    for name, listed in manifest["files"].items():
        if restored.get(name, 0) != len(listed):
            raise BackupError(
                f"The backup lists {len(listed)} file(s) in {name} but holds "
                f"{restored.get(name, 0)}."
            )
    return restored
