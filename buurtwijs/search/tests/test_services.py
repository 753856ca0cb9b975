"""Keeping the index in step with what is public."""

from django.utils import timezone
from wagtail.models import Page

from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import Document, Visibility
from buurtwijs.search.models import SearchEntry
from buurtwijs.search.services import index_later, search_index_rebuild
from buurtwijs.search.tests.helpers import add_document, titles
from conftest import TaskRunner


def test_a_pending_or_members_only_document_is_not_found(tasks: TaskRunner) -> None:
    add_document("Geheim draaiboek", "voedselbank", status=Document.Status.PENDING)
    add_document("Ledenlijst draaiboek", "voedselbank", visibility=Visibility.MEMBERS)
    add_document("Open draaiboek", "voedselbank")
    tasks.run()
    assert titles("draaiboek") == ["Open draaiboek"]


def test_an_initiative_that_is_no_longer_public_leaves_the_index(
    tasks: TaskRunner,
) -> None:
    initiative = InitiativeFactory.create(name="Wijkkeuken Hoograven")
    index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert titles("wijkkeuken") == ["Wijkkeuken Hoograven"]
    Initiative.objects.filter(pk=initiative.pk).update(
        status=Initiative.Status.REJECTED
    )
    index_later(kind="initiative", object_id=initiative.pk)
    tasks.run()
    assert titles("wijkkeuken") == []
    assert not SearchEntry.objects.filter(kind="initiative").exists()


def test_rebuild_indexes_every_public_record_once(db: None) -> None:
    InitiativeFactory.create(name="Energiecoöperatie Zuid")
    InitiativeFactory.create(name="Niet gepubliceerd", status=Initiative.Status.PENDING)
    assert search_index_rebuild(kinds=["initiative"]) == 1
    assert search_index_rebuild(kinds=["initiative"]) == 1
    assert titles("energiecooperaties") == ["Energiecoöperatie Zuid"]


def test_publishing_and_unpublishing_a_page_updates_the_index(
    tasks: TaskRunner,
) -> None:
    agenda = Page.objects.get(slug="agenda")
    event = EventPage(
        title="Leerbijeenkomst buurtbudgetten",
        slug="leerbijeenkomst-buurtbudgetten",
        starts_at=timezone.now(),
        intro="Bewoners beslissen zelf over het geld voor hun buurt.",
    )
    agenda.add_child(instance=event)
    tasks.run()
    assert titles("buurtbudget") == []  # a draft is not public

    event.save_revision().publish()
    tasks.run()
    assert titles("buurtbudget") == ["Leerbijeenkomst buurtbudgetten"]

    event.unpublish()
    tasks.run()
    assert titles("buurtbudget") == []
