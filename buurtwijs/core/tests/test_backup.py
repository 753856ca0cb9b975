"""manage.py backup and restore: a site comes back whole in an empty database.

The test database at the start of a test is exactly what `manage.py migrate` makes:
the site is built and backed up inside a savepoint that is then rolled back, and
its files deleted, so the restore lands in a new, migrated, empty site. Runs on
SQLite and, with DATABASE_URL, on PostgreSQL.
"""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client
from wagtail.images.models import Image
from wagtail.models import Page

from buurtwijs.accounts.tests.factories import UserFactory, make_profile
from buurtwijs.core.backup import MANIFEST, row_counts
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory
from buurtwijs.knowledge.models import CasePage, Document
from buurtwijs.knowledge.tests.cases_support import make_case
from buurtwijs.knowledge.tests.documents_support import (
    image_bytes,
    pdf_bytes,
    published_document,
)
from buurtwijs.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def roots(settings: Any, tmp_path: Path) -> tuple[Path, Path]:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.MEDIA_ROOT, settings.DOCUMENTS_ROOT


def build_site() -> dict[str, Any]:
    """A member, an initiative, a published case, a document file and an image."""
    member = UserFactory.create(email="fatima@voorbeeld.nl")
    make_profile(member, name="Fatima de Vries", is_public=True)
    initiative = InitiativeFactory.create(name="De Voedseltuin", slug="de-voedseltuin")
    PartnerFactory.create(initiative=initiative, name="Woningcorporatie Lek")
    make_case(
        "De Voedseltuin, Rotterdam",
        slug="de-voedseltuin-rotterdam",
        initiative=initiative,
        themes=["openbare-ruimte"],
    )
    document = published_document(title="Handreiking moestuin")
    document.file.save(
        "handreiking-moestuin.pdf", ContentFile(pdf_bytes("Zaaien in de buurt"))
    )
    image = Image.objects.create(
        title="Moestuin",
        file=ImageFile(io.BytesIO(image_bytes(size=(40, 30))), name="moestuin.png"),
    )
    return {"document_file": document.file.path, "image_file": image.file.path}


def backup_and_forget(archive: Path, roots: tuple[Path, Path]) -> dict[str, Any]:
    """Build the site, back it up, then undo it all: rows rolled back, files gone."""
    with transaction.atomic():
        paths = build_site()
        call_command("backup", output=archive, stdout=io.StringIO())
        before = {
            "counts": row_counts(),
            "document_sha": sha256(Path(paths["document_file"])),
            "image_sha": sha256(Path(paths["image_file"])),
            **paths,
        }
        transaction.set_rollback(True)
    for root in roots:
        shutil.rmtree(root)
    return before


def test_restore_into_an_empty_database_brings_back_every_row_and_file(
    roots: tuple[Path, Path], tmp_path: Path, client: Client
) -> None:
    archive = tmp_path / "backup.tar.gz"
    before = backup_and_forget(archive, roots)
    assert not get_user_model().objects.exists()
    assert not Path(before["document_file"]).exists()
    assert archive.stat().st_mode & 0o077 == 0  # personal data: owner only

    out = io.StringIO()
    call_command("restore", archive, stdout=out)

    assert "Restore complete." in out.getvalue()
    assert row_counts() == before["counts"]
    assert before["counts"]["accounts.user"] == 1
    assert before["counts"]["knowledge.casepage"] == 1
    assert sha256(Path(before["document_file"])) == before["document_sha"]
    assert sha256(Path(before["image_file"])) == before["image_sha"]
    # What a person notices: the member can log in, the pages are there.
    case = CasePage.objects.get(slug="de-voedseltuin-rotterdam")
    assert case.live
    assert case.get_latest_revision().as_object().specific_class is CasePage
    assert Document.objects.get().file.read().startswith(b"%PDF")
    assert client.login(email="fatima@voorbeeld.nl", password="een-goed-wachtwoord-42")
    assert client.get(case.url).status_code == 200
    # The search index was left out of the archive and rebuilt from the rows.
    assert SearchEntry.objects.filter(kind="initiative", title="De Voedseltuin")
    assert Page.objects.get(depth=1).numchild >= 1
    # New rows get fresh keys (the database's sequences follow the restored rows).
    restored_max = get_user_model().objects.order_by("-pk").first()
    newcomer = UserFactory.create(email="nieuw@voorbeeld.nl", username="nieuw")
    assert restored_max is not None and newcomer.pk > restored_max.pk
    assert InitiativeFactory.create(name="Nieuw", slug="nieuw").pk


def test_restore_refuses_a_site_that_is_not_empty_unless_forced(
    roots: tuple[Path, Path], tmp_path: Path
) -> None:
    archive = tmp_path / "backup.tar.gz"
    before = backup_and_forget(archive, roots)
    UserFactory.create(email="nieuw@voorbeeld.nl")

    with pytest.raises(CommandError, match="not empty: it holds 1 account"):
        call_command("restore", archive, stdout=io.StringIO())
    assert get_user_model().objects.get().email == "nieuw@voorbeeld.nl"

    call_command("restore", archive, force=True, stdout=io.StringIO())
    assert row_counts() == before["counts"]
    assert get_user_model().objects.get().email == "fatima@voorbeeld.nl"


def test_manifest_lists_counts_and_checksums(
    roots: tuple[Path, Path], tmp_path: Path
) -> None:
    archive = tmp_path / "backup.tar.gz"
    before = backup_and_forget(archive, roots)
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest_file = opened.extractfile(MANIFEST)
        assert manifest_file is not None
        manifest = json.load(manifest_file)
    assert names[:2] == ["manifest.json", "database.json"]
    assert manifest["counts"] == before["counts"]
    assert "sessions.session" not in manifest["counts"]
    assert before["document_sha"] in manifest["files"]["documents"].values()
    assert before["image_sha"] in manifest["files"]["media"].values()


def test_restore_names_what_is_wrong_with_a_file_that_is_no_backup(
    tmp_path: Path,
) -> None:
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_text("boodschappen", encoding="utf-8")
    with pytest.raises(CommandError, match="is not a Buurtwijs backup"):
        call_command("restore", bogus)
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", tmp_path / "missing.tar.gz")
