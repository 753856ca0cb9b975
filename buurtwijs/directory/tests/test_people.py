"""The public people directory shows public profiles, and of them only shown fields."""

from typing import Any

import pytest
from django.test import Client

from buurtwijs.accounts.models import Profile
from buurtwijs.accounts.tests.factories import make_profile
from buurtwijs.core.models import Municipality, Theme
from conftest import TaskRunner

pytestmark = pytest.mark.django_db


def public_profile(name: str, **fields: Any) -> Profile:
    defaults: dict[str, Any] = {
        "is_public": True,
        "organisation": "Stichting Buurtkracht",
        "municipality": Municipality.objects.get(code="GM0599"),  # Rotterdam
        "kind": "professional",
        "expertise": "Ik werk aan ontmoeting in de wijk.",
        "email": f"{name.split()[0].lower()}@voorbeeld.nl",
        "themes": [Theme.objects.get(slug="ontmoeting-en-eenzaamheid")],
    }
    return make_profile(name=name, **{**defaults, **fields})


def profile_html(client: Client, url: str) -> str:
    """The page without its filter form, whose options name every theme."""
    html = client.get(url).content.decode()
    return html.split("</form>")[-1]


def names(response) -> list[str]:  # noqa: ANN001
    return [profile.name for profile in response.context["page_obj"]]


def test_only_public_profiles_are_listed(client: Client) -> None:
    public_profile("Anna Bakker")
    public_profile("Piet Privé", is_public=False)

    response = client.get("/mensen/")

    assert names(response) == ["Anna Bakker"]
    assert client.get("/mensen/").status_code == 200


def test_hidden_fields_and_email_are_never_shown(client: Client) -> None:
    profile = public_profile(
        "Sanne de Wit",
        show_organisation=False,
        show_municipality=False,
        show_kind=False,
        show_expertise=False,
        show_themes=False,
    )

    for url in ("/mensen/", f"/mensen/{profile.slug}/"):
        html = profile_html(client, url)
        assert "Sanne de Wit" in html
        assert "Stichting Buurtkracht" not in html
        assert "Rotterdam" not in html
        assert "ontmoeting in de wijk" not in html
        assert "Ontmoeting en eenzaamheid" not in html
        assert "sanne@voorbeeld.nl" not in html


def test_shown_fields_are_on_list_and_detail(client: Client) -> None:
    profile = public_profile("Anna Bakker")

    for url in ("/mensen/", f"/mensen/{profile.slug}/"):
        html = profile_html(client, url)
        assert "Stichting Buurtkracht" in html
        assert "Rotterdam, Zuid-Holland" in html
        assert "ontmoeting in de wijk" in html
        assert "Ontmoeting en eenzaamheid" in html
        assert "anna@voorbeeld.nl" not in html


def test_filters_never_match_on_hidden_fields(
    client: Client, tasks: TaskRunner
) -> None:
    public_profile("Zichtbaar")
    public_profile(
        "Verborgen",
        show_municipality=False,
        show_themes=False,
        show_kind=False,
        show_organisation=False,
        show_expertise=False,
    )
    tasks.run()

    for query in (
        "provincie=PV28",
        "thema=ontmoeting-en-eenzaamheid",
        "soort=professional",
        "q=buurtkracht",
        "q=ONTMOETING",
    ):
        assert names(client.get(f"/mensen/?{query}")) == ["Zichtbaar"], query


def test_search_finds_names_without_accents(client: Client, tasks: TaskRunner) -> None:
    public_profile("Chantal Öztürk")
    public_profile("Bram Jansen")
    tasks.run()

    assert names(client.get("/mensen/?q=ozturk")) == ["Chantal Öztürk"]


def test_unknown_filter_value_gives_an_empty_list_with_a_message(
    client: Client,
) -> None:
    public_profile("Anna Bakker")

    response = client.get("/mensen/?soort=astronaut")

    assert response.status_code == 200
    assert names(response) == []
    assert response.context["unknown_filters"]


def test_private_or_unknown_profile_detail_is_not_found(client: Client) -> None:
    private = public_profile("Piet Privé", is_public=False)

    assert client.get(f"/mensen/{private.slug}/").status_code == 404
    assert client.get("/mensen/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("count", [2, 30])
def test_people_list_query_count_is_bounded(
    client: Client,
    django_assert_max_num_queries,  # noqa: ANN001
    count: int,
) -> None:
    for number in range(count):
        public_profile(f"Persoon {number}", email=f"p{number}@voorbeeld.nl")

    with django_assert_max_num_queries(6):
        response = client.get("/mensen/?provincie=PV28")
    assert len(response.context["page_obj"]) == min(count, 24)
