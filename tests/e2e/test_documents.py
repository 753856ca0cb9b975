"""The knowledge base in a real browser: library, a document, a member's upload."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.services import document_moderate, document_upload
from buurtwijs.knowledge.tests import documents_support as files
from buurtwijs.knowledge.tests.documents_support import (
    days_from_today,
    published_document,
)
from tests.e2e.axe import assert_accessible


@pytest.fixture
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


@pytest.fixture
def library(
    transactional_db: None, documents_root: Path, member: User, editor: User
) -> Document:
    published_document(
        title="Buurtfonds Utrecht: aanvraagronde ontmoeting",
        kind="subsidie",
        deadline=days_from_today(10),
        municipality="GM0344",
        themes=["ontmoeting-en-eenzaamheid"],
        description="Bijdrage tot € 5.000 voor ontmoetingsplekken in de wijk.",
    )
    published_document(
        title="Onderzoek naar buurtcoöperaties in Rotterdam",
        kind="onderzoek",
        municipality="GM0599",
        themes=["participatie-en-samenwerking"],
    )
    shared = document_upload(
        user=member,
        title="Modelstatuten voor een buurtcoöperatie",
        kind="statuten",
        description="Vrij te gebruiken als voorbeeld.",
        file=files.upload("Modelstatuten.pdf", files.pdf_bytes("Artikel 1 Naam")),
        licence="CC BY 4.0",
    )
    return document_moderate(document=shared, editor=editor, approve=True)


def sign_in(page: Page, user: User, base_url: str) -> None:
    """Give the browser the session of a signed-in user."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )


def test_library_and_document_page_are_accessible(
    page: Page, library: Document, screenshot: Callable[[Page, str], None]
) -> None:
    page.goto("/kennisbank/")

    expect(page.locator(".bw-card")).to_have_count(3)
    expect(page.locator("#sluit-binnenkort")).to_be_visible()
    expect(page.locator("section[aria-labelledby=sluit-binnenkort]")).to_contain_text(
        "Buurtfonds Utrecht"
    )
    assert_accessible(page)
    screenshot(page, "documents-list")

    page.locator("#id_soort").select_option("statuten")
    with page.expect_navigation():
        page.locator(".bw-filters button[type=submit]").click()
    expect(page.locator(".bw-card")).to_have_count(1)

    with page.expect_navigation():
        page.get_by_role("link", name="Modelstatuten voor een buurtcoöperatie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Modelstatuten voor een buurtcoöperatie"
    )
    download_link = page.locator(f"a[href='/kennisbank/{library.pk}/downloaden/']")
    expect(download_link).to_be_visible()
    expect(page.locator("main")).to_contain_text("CC BY 4.0")
    assert "anouk@voorbeeld.nl" not in page.content()
    assert_accessible(page)
    screenshot(page, "documents-detail")

    with page.expect_download() as download_info:
        download_link.click()
    assert download_info.value.suggested_filename == "Modelstatuten.pdf"


def test_unknown_filter_shows_a_message_not_an_error(
    page: Page, library: Document
) -> None:
    response = page.goto("/kennisbank/?thema=bestaat-niet")

    assert response is not None and response.status == 200
    expect(page.locator(".bw-filter-alert")).to_contain_text("bestaat-niet")
    assert_accessible(page)


def test_member_uploads_a_file_through_the_form(
    page: Page,
    live_server: object,
    documents_root: Path,
    member: User,
    screenshot: Callable[[Page, str], None],
) -> None:
    sign_in(page, member, str(live_server))
    page.goto("/kennisbank/delen/")
    form = page.locator("main form")

    # a PNG under a PDF name is refused with a message on the form
    form.locator("[name=title]").fill("Projectplan voedseltuin De Linde")
    form.locator("[name=kind]").select_option("projectplan")
    form.locator("[name=file]").set_input_files(
        files={
            "name": "plan.pdf",
            "mimeType": "application/pdf",
            "buffer": files.image_bytes("PNG"),
        }
    )
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("[name=file]")).to_have_attribute("aria-invalid", "true")
    assert Document.objects.count() == 0
    assert_accessible(page)
    screenshot(page, "documents-upload-refused")

    # the real PDF goes through
    form.locator("[name=file]").set_input_files(
        files={
            "name": "Projectplan De Linde.pdf",
            "mimeType": "application/pdf",
            "buffer": files.pdf_bytes("Projectplan voedseltuin"),
        }
    )
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    assert page.url.endswith("/kennisbank/mijn-documenten/")
    expect(page.locator("main table")).to_contain_text(
        "Projectplan voedseltuin De Linde"
    )
    document = Document.objects.get()
    assert document.status == Document.Status.PENDING
    assert document.file_name == "Projectplan De Linde.pdf"
    assert document.uploaded_by == member
    assert_accessible(page)
