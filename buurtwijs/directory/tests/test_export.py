"""Downloads of the public initiatives: CSV, XLSX and GeoJSON, with the filters."""

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from buurtwijs.core.models import Theme
from buurtwijs.directory.models import Initiative, PartnerRole
from buurtwijs.directory.tests.factories import InitiativeFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiatives() -> list[Initiative]:
    housing = InitiativeFactory.create(
        name="Woonbuurt Oost",
        kind="bewonersinitiatief",
        contact_email="geheim@voorbeeld.nl",
        latitude=52.09,
        longitude=5.12,
    )
    housing.themes.add(Theme.objects.get(slug="wonen"))
    PartnerFactory.create(
        initiative=housing, name="Woonin", role=PartnerRole.HOUSING_CORPORATION
    )
    InitiativeFactory.create(name='=HYPERLINK("http://kwaad")', kind="netwerk")
    InitiativeFactory.create(name="Nog niet", status=Initiative.Status.PENDING)
    return [housing]


def body(response) -> bytes:  # noqa: ANN001
    return b"".join(response.streaming_content)


def test_csv_is_utf8_with_bom_comma_separated_and_respects_filters(
    client: Client, initiatives: list[Initiative]
) -> None:
    response = client.get("/initiatieven/export.csv?soort=bewonersinitiatief")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Naam"] == "Woonbuurt Oost"
    assert record["Webadres"] == "http://testserver/initiatieven/" + (
        initiatives[0].slug + "/"
    )
    assert "Woonin" in record["Partners"]
    assert "geheim@voorbeeld.nl" not in raw.decode("utf-8-sig")


def test_csv_defuses_formulas_and_never_has_pending_or_contact(
    client: Client, initiatives: list[Initiative]
) -> None:
    text = body(client.get("/initiatieven/export.csv")).decode("utf-8-sig")

    assert "'=HYPERLINK" in text
    assert "Nog niet" not in text
    assert "geheim@" not in text


def test_xlsx_has_a_header_and_one_row_per_initiative_as_text(
    client: Client, initiatives: list[Initiative]
) -> None:
    response = client.get("/initiatieven/export.xlsx")

    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(body(response)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 3
    assert rows[0][0] == "Naam"
    assert {row[0] for row in rows[1:]} == {
        "Woonbuurt Oost",
        '\'=HYPERLINK("http://kwaad")',
    }
    assert all("geheim@" not in str(cell) for row in rows for cell in row)


def test_geojson_is_a_feature_collection_of_the_filtered_initiatives(
    client: Client, initiatives: list[Initiative]
) -> None:
    response = client.get("/initiatieven/export.geojson?thema=wonen")

    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(body(response))
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [5.12, 52.09]}
    assert feature["properties"]["name"] == "Woonbuurt Oost"
    assert feature["properties"]["location"] == "initiative"
    assert "contact_email" not in json.dumps(data)


@pytest.mark.parametrize("extension", ["csv", "xlsx", "geojson"])
def test_unknown_filter_gives_an_empty_download_not_an_error(
    client: Client, initiatives: list[Initiative], extension: str
) -> None:
    response = client.get(f"/initiatieven/export.{extension}?thema=bestaat-niet")

    assert response.status_code == 200
    if extension == "geojson":
        assert json.loads(body(response))["features"] == []
    if extension == "csv":
        assert len(body(response).decode("utf-8-sig").splitlines()) == 1


def test_export_reads_in_chunks_with_a_bounded_number_of_queries(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    theme = Theme.objects.get(slug="wonen")
    for initiative in InitiativeFactory.create_batch(50):
        initiative.themes.add(theme)
        PartnerFactory.create(initiative=initiative)

    with django_assert_max_num_queries(8):
        lines = body(client.get("/initiatieven/export.csv")).decode().splitlines()
    assert len(lines) == 51
