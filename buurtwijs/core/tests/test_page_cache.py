"""Cookieless visitors get kept pages; changes and sessions always get fresh ones."""

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.directory.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()


def test_a_visitor_gets_the_kept_page_without_touching_the_database(
    django_assert_num_queries,
) -> None:
    initiative = InitiativeFactory.create(name="Voedseltuin De Groene Hoek")
    first = Client().get(initiative.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = Client().get(initiative.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Voedseltuin De Groene Hoek" in second.text
    # Security headers still come with a kept page.
    assert second["X-Content-Type-Options"] == "nosniff"


def test_a_change_is_seen_at_once() -> None:
    initiative = InitiativeFactory.create(name="Buurtkamer Oost")
    url = initiative.get_absolute_url()
    assert "Buurtkamer Oost" in Client().get(url).text
    initiative.name = "Buurtkamer Oost-Indische Buurt"
    initiative.save()
    fresh = Client().get(url)
    assert fresh["X-Page-Cache"] == "miss"
    assert "Buurtkamer Oost-Indische Buurt" in fresh.text


def test_people_with_a_session_always_get_a_fresh_page(
    member: User, password: str
) -> None:
    client = Client()
    client.login(email=member.email, password=password)
    Client().get("/initiatieven/")
    response = client.get("/initiatieven/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_each_language_is_kept_apart() -> None:
    Client().get("/initiatieven/")
    english = Client()
    english.cookies["buurtwijs_language"] = "en"
    response = english.get("/initiatieven/")
    assert response["X-Page-Cache"] == "miss"
    assert 'lang="en"' in response.text
    assert english.get("/initiatieven/")["X-Page-Cache"] == "hit"


def test_pages_with_a_form_and_private_areas_are_never_kept() -> None:
    initiative = InitiativeFactory.create()
    # The contact form sets the CSRF cookie: such a page is made for one person.
    contact = Client().get(f"{initiative.get_absolute_url()}contact/")
    assert contact.status_code == 200
    assert "X-Page-Cache" not in contact
    assert "X-Page-Cache" not in Client().get("/api/v1/themes")
    assert "X-Page-Cache" not in Client().get("/healthz")


def test_signing_in_does_not_empty_the_kept_pages(member: User, password: str) -> None:
    initiative = InitiativeFactory.create(name="Repair Café Lombok")
    url = initiative.get_absolute_url()
    assert Client().get(url)["X-Page-Cache"] == "miss"

    signed_in = Client()
    response = signed_in.post(
        "/account/login/", {"login": member.email, "password": password}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_login is not None

    assert Client().get(url)["X-Page-Cache"] == "hit"
