"""The coverage page: initiatives per province and municipalities without one."""

from decimal import Decimal

import pytest
from django.test import Client

from buurtwijs.core.models import Municipality
from buurtwijs.core.urbanity import Urbanity, population_density, urbanity
from buurtwijs.directory.coverage import coverage_by_province
from buurtwijs.directory.models import Initiative
from buurtwijs.directory.tests.factories import InitiativeFactory


def test_urban_from_a_thousand_inhabitants_per_square_kilometre() -> None:
    assert urbanity(population=1000, area_km2=Decimal("1.00")) is Urbanity.URBAN
    assert urbanity(population=999, area_km2=Decimal("1.00")) is Urbanity.RURAL
    assert urbanity(population=None, area_km2=Decimal("5")) is Urbanity.UNKNOWN
    assert urbanity(population=10, area_km2=0) is Urbanity.UNKNOWN
    assert population_density(500, 2.0) == 250


@pytest.mark.django_db
def test_coverage_counts_published_initiatives_and_empty_municipalities() -> None:
    # given Utrecht (urban) with two published initiatives and one pending
    InitiativeFactory.create_batch(2)
    InitiativeFactory.create(status=Initiative.Status.PENDING)

    figures = coverage_by_province()

    utrecht = next(area for area in figures.provinces if area.code == "PV26")
    municipalities = Municipality.objects.filter(province__code="PV26")
    assert utrecht.initiatives == 2
    assert utrecht.municipalities == municipalities.count()
    assert utrecht.without == municipalities.count() - 1
    assert utrecht.urban_without == utrecht.urban - 1
    assert utrecht.rural_without == utrecht.rural
    assert figures.total.initiatives == 2
    assert figures.total.municipalities == 342
    assert figures.total.urban + figures.total.rural == 342
    assert utrecht.cases == 0


@pytest.mark.django_db
def test_coverage_page_has_an_accessible_chart_and_the_table(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    InitiativeFactory.create_batch(3)

    with django_assert_max_num_queries(3):
        response = client.get("/dekking/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html
    assert "<title id=" in html
    assert "<table" in html
    assert "Fryslân" in html
    assert "Praktijkvoorbeelden" in html  # the cases column and chart series


@pytest.mark.django_db
def test_cases_count_in_their_municipality_or_else_their_initiative_province(
    client: Client,
) -> None:
    from buurtwijs.knowledge.tests.cases_support import make_case

    in_rotterdam = InitiativeFactory.create(
        municipality=Municipality.objects.get(code="GM0599")
    )
    make_case("In Utrecht", municipality="GM0344")
    make_case("Via het initiatief", municipality=None, initiative=in_rotterdam)
    make_case("Utrecht wint van initiatief", initiative=in_rotterdam)
    make_case("Nergens", municipality=None)
    make_case("Concept", municipality="GM0344", live=False)

    figures = coverage_by_province()

    by_code = {area.code: area for area in figures.provinces}
    assert by_code["PV26"].cases == 2
    assert by_code["PV28"].cases == 1
    assert figures.total.cases == 4
    assert figures.cases_without_place == 1
    html = client.get("/dekking/").content.decode()
    table = html.split("<table")[1]
    utrecht_row = table.split(">Utrecht</th>")[1].split("</tr>")[0]
    assert [cell.split(">")[-1] for cell in utrecht_row.split("</td>")[:2]] == [
        "0",
        "2",
    ]
