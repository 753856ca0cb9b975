"""Initiatives reach the site search index through the services, after the commit."""

from pathlib import Path

import pytest

from buurtwijs.accounts.models import User
from buurtwijs.directory.importing.services import directory_import
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.selectors import InitiativeFilters, initiative_search_public
from buurtwijs.directory.services import initiative_moderate
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.search.models import SearchEntry
from conftest import TaskRunner

pytestmark = pytest.mark.django_db


def _indexed(initiative: Initiative) -> bool:
    return SearchEntry.objects.filter(
        kind="initiative", object_id=str(initiative.pk)
    ).exists()


def _found(words: str) -> list[str]:
    found = initiative_search_public(filters=InitiativeFilters(q=words))
    return [initiative.name for initiative in found]


def test_approved_initiative_becomes_findable_after_the_task_runs(
    tasks: TaskRunner, owner: User
) -> None:
    initiative = InitiativeFactory.create(
        name="Voedseltuin Vogelwijk", status=Initiative.Status.PENDING, owner=owner
    )
    tasks.run()
    assert not _indexed(initiative)

    initiative_moderate(initiative=initiative, approve=True)
    assert not _indexed(initiative)  # only after the commit and the task
    tasks.run()

    assert _indexed(initiative)
    assert _found("voedseltuin") == ["Voedseltuin Vogelwijk"]


def test_rejected_or_pending_initiative_is_not_in_the_index(
    tasks: TaskRunner,
) -> None:
    pending = InitiativeFactory.create(
        name="Wachtende Voedseltuin", status=Initiative.Status.PENDING
    )
    rejected = InitiativeFactory.create(
        name="Afgewezen Voedseltuin", status=Initiative.Status.PENDING
    )
    initiative_moderate(initiative=rejected, approve=False)
    tasks.run()

    assert not _indexed(pending)
    assert not _indexed(rejected)
    assert _found("voedseltuin") == []


def test_a_published_initiative_that_is_rejected_later_leaves_the_index(
    tasks: TaskRunner,
) -> None:
    initiative = InitiativeFactory.create(name="Zonnedak Zuilen")
    tasks.run()
    assert _indexed(initiative)

    initiative.status = Initiative.Status.PENDING
    initiative.save(update_fields=["status"])
    initiative_moderate(initiative=initiative, approve=False)
    tasks.run()

    assert not _indexed(initiative)


def test_stop_words_only_search_is_no_search(tasks: TaskRunner) -> None:
    InitiativeFactory.create_batch(2)
    tasks.run()

    assert len(_found("de het een")) == 2
    assert len(_found("?!")) == 2


def test_imported_initiatives_are_indexed_and_an_update_is_reindexed(
    tasks: TaskRunner, tmp_path: Path
) -> None:
    header = "name,kind,municipality,founded,website,description,themes,partners\n"
    sheet = tmp_path / "initiatieven.csv"
    sheet.write_text(
        header + "Repair Café Lombok,anders,Utrecht,2015,,Samen repareren.,,\n",
        encoding="utf-8",
    )
    directory_import(kind="initiatives", file=sheet)
    tasks.run()
    assert _found("repareren") == ["Repair Café Lombok"]

    sheet.write_text(
        header + "Repair Café Lombok,anders,Utrecht,2015,,Fietsen maken.,,\n",
        encoding="utf-8",
    )
    directory_import(kind="initiatives", file=sheet)
    tasks.run()

    assert _found("repareren") == []
    assert _found("fietsen") == ["Repair Café Lombok"]
