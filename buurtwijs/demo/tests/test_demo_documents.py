"""Generated documents fill the library: published, with text, some closing soon."""

import datetime

import pytest

from buurtwijs.demo import load
from buurtwijs.demo.documents import generate_documents
from buurtwijs.knowledge.models import Document, TextStatus
from buurtwijs.knowledge.selectors import document_closing_soon

TODAY = datetime.date(2026, 3, 2)


@pytest.mark.django_db
def test_generated_documents_load_published_with_their_text_and_fill_closing_soon() -> (
    None
):
    specs = generate_documents(load.load_places(), seed=2019, count=600, today=TODAY)
    soon = [
        spec
        for spec in specs
        if spec.deadline and TODAY < spec.deadline <= TODAY + datetime.timedelta(35)
    ]
    assert soon, "some subsidies close in the coming weeks"

    load.load_documents(specs, lambda line: None)

    documents = Document.objects.all()
    assert documents.count() == 600
    assert not documents.exclude(status=Document.Status.PUBLISHED).exists()
    assert not documents.exclude(text_status=TextStatus.EXTRACTED).exists()
    assert not documents.filter(published_at__isnull=True).exists()
    closing = document_closing_soon(members=False, today=TODAY, weeks=6, limit=50)
    assert {document.title for document in closing} >= {spec.title for spec in soon}
    deadlines = [document.deadline for document in closing]
    assert None not in deadlines
    assert deadlines == sorted(day for day in deadlines if day is not None)


def test_same_seed_and_day_give_the_same_documents() -> None:
    places = [
        load.Place(
            code="GM0344",
            name="Utrecht",
            province_code="PV26",
            province="Utrecht",
            population=360_000,
            area_km2=99.0,
            latitude=52.09,
            longitude=5.12,
        )
    ]
    first = generate_documents(places, seed=7, count=50, today=TODAY)
    again = generate_documents(places, seed=7, count=50, today=TODAY)
    assert first == again
