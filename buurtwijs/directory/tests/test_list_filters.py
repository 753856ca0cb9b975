"""The public initiative list: filters, search, Dutch order, pagination, the map."""

import pytest
from django.test import Client

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative, PartnerRole
from buurtwijs.directory.selectors import (
    InitiativeFilters,
    initiative_detail_public,
    initiative_list_public,
    initiative_search_public,
)
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory
from conftest import TaskRunner

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:  # noqa: ANN001
    return [initiative.name for initiative in response.context["page_obj"]]


def test_theme_filter_shows_only_initiatives_with_that_theme(client: Client) -> None:
    energy = Theme.objects.get(slug="duurzaamheid-en-energie")
    green = InitiativeFactory.create(name="Zonnedak Zuid")
    green.themes.add(energy)
    InitiativeFactory.create(name="Buurthuis Noord")

    response = client.get("/initiatieven/?thema=duurzaamheid-en-energie")

    assert names(response) == ["Zonnedak Zuid"]
    assert energy.name in response.content.decode()  # shown as an active filter


def test_province_municipality_kind_and_partner_filters_combine(
    client: Client,
) -> None:
    rotterdam = Municipality.objects.get(code="GM0599")
    match = InitiativeFactory.create(
        name="Wijkcoöperatie Delfshaven",
        municipality=rotterdam,
        kind="stadscooperatie",
    )
    PartnerFactory.create(initiative=match, role=PartnerRole.HOUSING_CORPORATION)
    PartnerFactory.create(initiative=match, role=PartnerRole.HOUSING_CORPORATION)
    InitiativeFactory.create(name="Elders", kind="stadscooperatie")  # Utrecht
    other_kind = InitiativeFactory.create(name="Ander soort", municipality=rotterdam)
    PartnerFactory.create(initiative=other_kind, role=PartnerRole.HOUSING_CORPORATION)

    response = client.get(
        "/initiatieven/?provincie=PV28&gemeente=GM0599&soort=stadscooperatie"
        "&partner=housing_corporation"
    )

    # two matching partners, still one row
    assert names(response) == ["Wijkcoöperatie Delfshaven"]
    assert (
        client.get("/initiatieven/?partner=funder").context["page_obj"].paginator.count
        == 0
    )


def test_search_ignores_case_and_accents_in_name_summary_and_description(
    client: Client, tasks: TaskRunner
) -> None:
    # The kind is searchable too: these are not "coöperaties".
    InitiativeFactory.create(name="Buurtcoöperatie Oog in Al", summary="")
    InitiativeFactory.create(
        name="Tuin", summary="Een VOEDSELTUIN voor iedereen", kind="netwerk"
    )
    InitiativeFactory.create(
        name="Café", summary="", description="Wij koken samen.", kind="netwerk"
    )
    InitiativeFactory.create(name="Iets anders", summary="niets", kind="netwerk")
    tasks.run()

    assert names(client.get("/initiatieven/?q=cooperatie")) == [
        "Buurtcoöperatie Oog in Al"
    ]
    assert names(client.get("/initiatieven/?q=COÖPERATIE oog")) == [
        "Buurtcoöperatie Oog in Al"
    ]
    assert names(client.get("/initiatieven/?q=voedseltuin")) == ["Tuin"]
    assert names(client.get("/initiatieven/?q=KOKEN")) == ["Café"]
    assert names(client.get("/initiatieven/?q=cafe")) == ["Café"]


def test_name_order_is_dutch(client: Client) -> None:
    for name in [
        "Zuid",
        "'s-Hertogenbosch Samen",
        "Échte Buren",
        "appel",
        "IJsselzicht",
    ]:
        InitiativeFactory.create(name=name)

    assert names(client.get("/initiatieven/")) == [
        "appel",
        "Échte Buren",
        "'s-Hertogenbosch Samen",
        "IJsselzicht",
        "Zuid",
    ]


def test_sort_by_newest_and_by_municipality(client: Client) -> None:
    InitiativeFactory.create(
        name="A in Utrecht", municipality=Municipality.objects.get(code="GM0344")
    )
    InitiativeFactory.create(
        name="B in Amsterdam", municipality=Municipality.objects.get(code="GM0363")
    )

    assert names(client.get("/initiatieven/?sorteer=newest")) == [
        "B in Amsterdam",
        "A in Utrecht",
    ]
    assert names(client.get("/initiatieven/?sorteer=municipality")) == [
        "B in Amsterdam",
        "A in Utrecht",
    ]
    # an unknown order is no reason for an empty page: it falls back to the name
    assert names(client.get("/initiatieven/?sorteer=random")) == [
        "A in Utrecht",
        "B in Amsterdam",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "thema=bestaat-niet",
        "provincie=PV99",
        "gemeente=GM9999",
        "soort=kasteel",
        "partner=alien",
        "q=" + "x" * 300,
        "q=nul%00byte",
    ],
)
def test_unknown_filter_value_gives_an_empty_result_with_a_message(
    client: Client, query: str
) -> None:
    InitiativeFactory.create()

    response = client.get(f"/initiatieven/?{query}")

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    assert response.context["unknown_filters"]
    assert "Start again without filters" in response.content.decode() or (
        "Opnieuw beginnen" in response.content.decode()
    )


def test_page_past_the_end_gives_the_last_page_and_links_keep_the_filters(
    client: Client,
) -> None:
    InitiativeFactory.create_batch(30, kind="dorpshuis")

    response = client.get("/initiatieven/?soort=dorpshuis&pagina=99")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(response.context["page_obj"]) == 6
    assert "?soort=dorpshuis&amp;pagina=1" in response.content.decode()
    assert client.get("/initiatieven/?pagina=abc").context["page_obj"].number == 1


def test_active_filter_has_a_link_that_drops_only_that_filter(client: Client) -> None:
    InitiativeFactory.create()

    response = client.get("/initiatieven/?soort=dorpshuis&provincie=PV26&pagina=2")

    chips = {f["name"]: f["remove_query"] for f in response.context["active_filters"]}
    assert chips == {"provincie": "soort=dorpshuis", "soort": "provincie=PV26"}


def test_list_has_a_get_form_export_links_and_a_map_section(client: Client) -> None:
    InitiativeFactory.create()

    html = client.get("/initiatieven/?soort=buurtcooperatie").content.decode()

    assert 'method="get"' in html
    assert 'href="/initiatieven/export.csv?soort=buurtcooperatie"' in html
    assert 'href="/initiatieven/export.xlsx?soort=buurtcooperatie"' in html
    assert 'data-geojson-url="/initiatieven/kaart.geojson?soort=buurtcooperatie"' in (
        html
    )
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "<script>" not in html  # CSP: no inline scripts


@pytest.mark.parametrize("count", [3, 40])
def test_list_query_count_does_not_grow_with_the_results(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
    count: int,
) -> None:
    theme = Theme.objects.get(slug="wonen")
    for initiative in InitiativeFactory.create_batch(count):
        initiative.themes.add(theme)
        PartnerFactory.create(initiative=initiative)

    with django_assert_max_num_queries(6):
        client.get("/initiatieven/?thema=wonen&partner=municipality&q=linde")
    with django_assert_max_num_queries(3):
        client.get("/initiatieven/kaart.geojson?thema=wonen")


def test_map_geojson_places_initiatives_without_coordinates_at_their_municipality(
    client: Client,
) -> None:
    InitiativeFactory.create(name="Eigen plek", latitude=52.1, longitude=5.1)
    InitiativeFactory.create(name="In de gemeente")
    InitiativeFactory.create(name="Wacht", status=Initiative.Status.PENDING)
    utrecht = Municipality.objects.get(code="GM0344")

    response = client.get("/initiatieven/kaart.geojson")

    assert response["Content-Type"].startswith("application/geo+json")
    features = {f["properties"]["name"]: f for f in response.json()["features"]}
    assert set(features) == {"Eigen plek", "In de gemeente"}
    assert features["Eigen plek"]["geometry"]["coordinates"] == [5.1, 52.1]
    assert features["In de gemeente"]["geometry"]["coordinates"] == [
        utrecht.longitude,
        utrecht.latitude,
    ]
    assert "contact" not in response.content.decode()
    assert client.get("/initiatieven/kaart.geojson?thema=nope").json() == {
        "type": "FeatureCollection",
        "features": [],
    }


def test_older_selectors_still_answer() -> None:
    initiative = InitiativeFactory.create(slug="oud")
    assert list(initiative_list_public()) == [initiative]
    assert initiative_detail_public(slug="oud") == initiative
    assert list(initiative_search_public(filters=InitiativeFilters())) == [initiative]
