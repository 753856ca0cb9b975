"""Public initiative pages show only what has been approved."""

import pytest
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative, PartnerRole
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_published_initiative_shows_its_partners_and_roles(client: Client) -> None:
    initiative = InitiativeFactory.create(
        name="Delfshaven Coöperatie", slug="delfshaven-cooperatie"
    )
    PartnerFactory.create(
        initiative=initiative,
        name="Woonstad Rotterdam",
        role=PartnerRole.HOUSING_CORPORATION,
    )

    response = client.get("/initiatieven/delfshaven-cooperatie/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Delfshaven Coöperatie" in html
    assert "Woonstad Rotterdam" in html
    assert "Woningcorporatie" in html


def test_pending_initiative_is_not_public(client: Client) -> None:
    InitiativeFactory.create(slug="wacht-op-redactie", status=Initiative.Status.PENDING)
    assert client.get("/initiatieven/wacht-op-redactie/").status_code == 404
    assert "wacht-op-redactie" not in client.get("/initiatieven/").content.decode()


def test_contact_address_of_an_initiative_is_never_printed(client: Client) -> None:
    InitiativeFactory.create(slug="geheim-adres", contact_email="bestuur@voorbeeld.nl")
    assert (
        "bestuur@voorbeeld.nl"
        not in client.get("/initiatieven/geheim-adres/").content.decode()
    )


def test_initiative_list_paginates_with_a_fixed_number_of_queries(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    InitiativeFactory.create_batch(30)
    with django_assert_max_num_queries(6):
        first = client.get("/initiatieven/")
    assert len(first.context["page_obj"]) == 24
    second = client.get("/initiatieven/?pagina=2")
    assert len(second.context["page_obj"]) == 6


def test_detail_page_lists_the_documents_and_meetings_linked_to_it(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    from datetime import UTC, datetime

    from buurtwijs.cms.models import IndexPage
    from buurtwijs.events.models import EventPage
    from buurtwijs.knowledge.models import Document

    initiative = InitiativeFactory.create(slug="samen030", name="SAMEN030")
    Document.objects.create(
        title="Statuten buurtcoöperatie",
        kind="statuten",
        initiative=initiative,
        status=Document.Status.PUBLISHED,
    )
    Document.objects.create(
        title="Nog niet beoordeeld", kind="projectplan", initiative=initiative
    )
    agenda = IndexPage.objects.get(slug="agenda")
    agenda.add_child(
        instance=EventPage(
            title="Ledenavond SAMEN030",
            slug="ledenavond",
            starts_at=datetime(2026, 12, 3, 19, 0, tzinfo=UTC),
            initiative=initiative,
        )
    )

    with django_assert_max_num_queries(14):
        html = client.get("/initiatieven/samen030/").content.decode()

    assert "Statuten buurtcoöperatie" in html
    assert "Ledenavond SAMEN030" in html
    assert "Nog niet beoordeeld" not in html


def test_detail_page_lists_live_public_cases_and_members_only_documents_for_members(
    client: Client,
    member: User,
    client_for,  # noqa: ANN001
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    from buurtwijs.knowledge.models import Document
    from buurtwijs.knowledge.tests.cases_support import make_case

    initiative = InitiativeFactory.create(slug="de-evenaar", name="De Evenaar")
    make_case("Buurtvoorziening werkt samen", initiative=initiative)
    make_case("Concept van de casus", initiative=initiative, live=False)
    make_case("Casus elders", municipality="GM0599")
    Document.objects.create(
        title="Ledenverslag",
        kind="onderzoek",
        initiative=initiative,
        status=Document.Status.PUBLISHED,
        visibility="members",
    )

    with django_assert_max_num_queries(14):
        html = client.get("/initiatieven/de-evenaar/").content.decode()
    member_html = client_for(member).get("/initiatieven/de-evenaar/").content.decode()

    assert "Buurtvoorziening werkt samen" in html
    assert "Concept van de casus" not in html
    assert "Casus elders" not in html
    assert "Ledenverslag" not in html
    assert "Ledenverslag" in member_html


def test_detail_page_queries_do_not_grow_with_its_links(
    client: Client,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from buurtwijs.knowledge.models import Document
    from buurtwijs.knowledge.tests.cases_support import make_case

    initiative = InitiativeFactory.create(slug="samen", name="Samen")
    make_case("Eerste casus", initiative=initiative)
    client.get("/initiatieven/samen/")  # warm the site-root cache
    with CaptureQueriesContext(connection) as few:
        client.get("/initiatieven/samen/")
    for number in range(6):
        make_case(f"Casus {number}", initiative=initiative)
        Document.objects.create(
            title=f"Document {number}",
            kind="statuten",
            initiative=initiative,
            status=Document.Status.PUBLISHED,
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get("/initiatieven/samen/").content.decode()

    assert "Casus 5" in html and "Document 5" in html
    assert len(many.captured_queries) == len(few.captured_queries)


def test_detail_page_lists_learning_questions_from_its_place_and_themes(
    client: Client, member: User
) -> None:
    from buurtwijs.calls.services import learning_question_create

    care = Theme.objects.get(slug="zorg-en-gezondheid")
    initiative = InitiativeFactory.create(slug="zorgbuurt", name="Zorgbuurt")
    initiative.themes.add(care)
    learning_question_create(
        author=member,
        text="Hoe vinden we mantelzorgers die hulp nodig hebben?",
        municipality=initiative.municipality,
        themes=[care],
    )
    learning_question_create(
        author=member,
        text="Hoe richten we een energiecoöperatie op?",
        municipality=Municipality.objects.get(code="GM0014"),
        themes=[care],
    )

    html = client.get("/initiatieven/zorgbuurt/").content.decode()

    assert "Hoe vinden we mantelzorgers die hulp nodig hebben?" in html
    assert "energiecoöperatie" not in html
