"""The small library most search tests look in."""

import pytest

from buurtwijs.knowledge.models import DocumentKind
from buurtwijs.search.tests.helpers import add_document
from conftest import TaskRunner


@pytest.fixture
def library(tasks: TaskRunner) -> None:
    add_document(
        "Modelstatuten buurtcoöperatie",
        "Het statuut regelt wie lid wordt van de coöperatie.",
        kind=DocumentKind.STATUTES,
    )
    add_document(
        "Zo vraag je subsidie aan",
        "Een subsidieaanvraag bij de gemeente begint met een projectplan.",
        kind=DocumentKind.FUNDING,
    )
    add_document("Moestuin in de wijk", "Groente kweken met buren in Zuilen.")
    tasks.run()
