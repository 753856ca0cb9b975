"""The library at /kennisbank/: list, filters, closing soon, detail and downloads."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.services import document_moderate, document_upload
from buurtwijs.knowledge.tests import documents_support as files
from buurtwijs.knowledge.tests.documents_support import (
    days_from_today,
    published_document,
)


@pytest.fixture(autouse=True)
def documents_root(settings, tmp_path: Path) -> Path:  # noqa: ANN001
    settings.DOCUMENTS_ROOT = tmp_path / "documents"
    return settings.DOCUMENTS_ROOT


def in_english(client: Client) -> Client:
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def titles(response) -> list[str]:  # noqa: ANN001
    return [document.title for document in response.context["page_obj"]]


def shared_file(
    uploader: User, editor: User, *, visibility: str = "public", name: str = "Plan.pdf"
) -> Document:
    document = document_upload(
        user=uploader,
        title="Projectplan voedseltuin",
        kind="projectplan",
        file=files.upload(name, files.pdf_bytes("Projectplan voedseltuin")),
        visibility=visibility,
    )
    return document_moderate(document=document, editor=editor, approve=True)


# --- The list ----------------------------------------------------------------------


def test_list_shows_published_documents_only(client: Client, member: User) -> None:
    published_document(title="Statuten De Linde")
    published_document(title="Nog te beoordelen", status=Document.Status.PENDING)
    published_document(title="Afgewezen", status=Document.Status.REJECTED)

    response = client.get("/kennisbank/")

    assert response.status_code == 200
    assert titles(response) == ["Statuten De Linde"]


def test_members_only_documents_are_listed_for_members_only(
    client: Client,
    member: User,
    client_for,  # noqa: ANN001
) -> None:
    published_document(title="Openbaar")
    published_document(title="Voor leden", visibility="members")

    assert titles(client.get("/kennisbank/")) == ["Openbaar"]
    assert sorted(titles(client_for(member).get("/kennisbank/"))) == [
        "Openbaar",
        "Voor leden",
    ]


def test_filters_on_kind_theme_municipality_and_province(
    client: Client, db: None
) -> None:
    published_document(
        title="Subsidie Utrecht",
        kind="subsidie",
        deadline=days_from_today(100),
        municipality="GM0344",
        themes=["wonen"],
    )
    published_document(
        title="Onderzoek Rotterdam", kind="onderzoek", municipality="GM0599"
    )
    published_document(title="Landelijke handreiking", themes=["wonen"])

    assert titles(client.get("/kennisbank/?soort=subsidie")) == ["Subsidie Utrecht"]
    assert sorted(titles(client.get("/kennisbank/?thema=wonen"))) == [
        "Landelijke handreiking",
        "Subsidie Utrecht",
    ]
    assert titles(client.get("/kennisbank/?gemeente=GM0599")) == ["Onderzoek Rotterdam"]
    assert titles(client.get("/kennisbank/?provincie=PV26")) == ["Subsidie Utrecht"]
    assert titles(client.get("/kennisbank/?thema=wonen&soort=onderzoek")) == []


@pytest.mark.parametrize(
    "query",
    [
        "soort=toverboek",
        "thema=bestaat-niet",
        "gemeente=GM9999",
        "provincie=%00%27%22",
        "thema=" + "x" * 5000,
        "soort=subsidie&gemeente=<script>",
    ],
)
def test_unknown_filter_value_gives_an_empty_result_with_a_message(
    client: Client, db: None, query: str
) -> None:
    published_document(title="Statuten De Linde")

    response = in_english(client).get(f"/kennisbank/?{query}")

    assert response.status_code == 200
    assert titles(response) == []
    assert "a filter has a value we do not know" in response.content.decode()


def test_unknown_sort_falls_back_to_newest(client: Client, db: None) -> None:
    published_document(title="Oud", published_at=timezone.now() - timedelta(days=3))
    published_document(title="Nieuw")

    assert titles(client.get("/kennisbank/?sorteer=willekeurig")) == ["Nieuw", "Oud"]
    assert titles(client.get("/kennisbank/?sorteer=title")) == ["Nieuw", "Oud"]


def test_page_past_the_end_shows_the_last_page(client: Client, db: None) -> None:
    for number in range(25):
        published_document(title=f"Handreiking {number:02d}")

    response = client.get("/kennisbank/?pagina=99")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert len(titles(response)) == 5
    assert client.get("/kennisbank/?pagina=abc").context["page_obj"].number == 1


def test_list_queries_do_not_grow_with_the_number_of_documents(
    client: Client,
    member: User,
    client_for,
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    for number in range(20):
        published_document(
            title=f"Handreiking {number}",
            municipality="GM0344",
            themes=["wonen", "veiligheid"],
            kind="subsidie",
            deadline=days_from_today(number + 1),
        )
    browser = client_for(member)

    with django_assert_max_num_queries(12):
        response = browser.get("/kennisbank/?thema=wonen")
    assert len(titles(response)) == 20
    with django_assert_max_num_queries(8):
        client.get("/kennisbank/")


# --- Closing soon ------------------------------------------------------------------


def test_closing_soon_lists_subsidies_due_in_the_coming_weeks_soonest_first(
    client: Client, db: None
) -> None:
    published_document(
        title="Over drie weken", kind="subsidie", deadline=days_from_today(21)
    )
    published_document(title="Morgen", kind="subsidie", deadline=days_from_today(1))
    published_document(title="Vandaag", kind="subsidie", deadline=days_from_today(0))
    published_document(title="Verlopen", kind="subsidie", deadline=days_from_today(-1))
    published_document(
        title="Volgend jaar", kind="subsidie", deadline=days_from_today(300)
    )
    published_document(
        title="Geen subsidie", kind="onderzoek", deadline=days_from_today(2)
    )
    published_document(
        title="Nog niet gepubliceerd",
        kind="subsidie",
        deadline=days_from_today(3),
        status=Document.Status.PENDING,
    )

    response = client.get("/kennisbank/")

    closing = [document.title for document in response.context["closing_soon"]]
    assert closing == ["Vandaag", "Morgen", "Over drie weken"]
    assert (
        "Verlopen"
        not in response.content.decode()
        .split("sluit-binnenkort")[1]
        .split("</section>")[0]
    )


# --- One document ------------------------------------------------------------------


def test_detail_shows_metadata_and_the_uploaders_public_name_never_the_email(
    client: Client, member: User, editor: User
) -> None:
    profile = member.profile
    profile.is_public = True
    profile.save(update_fields=["is_public"])
    document = shared_file(member, editor)

    html = client.get(f"/kennisbank/{document.pk}/").content.decode()

    assert "Projectplan voedseltuin" in html
    assert "Anouk Jansen" in html
    assert member.email not in html
    assert f"/kennisbank/{document.pk}/downloaden/" in html


def test_detail_hides_a_private_uploaders_name(
    client: Client, member: User, editor: User
) -> None:
    document = shared_file(member, editor)

    html = client.get(f"/kennisbank/{document.pk}/").content.decode()

    assert "Anouk Jansen" not in html
    assert member.email not in html


def test_pending_document_is_seen_by_its_uploader_and_editors_only(
    client: Client,
    member: User,
    other_member: User,
    editor: User,
    client_for,  # noqa: ANN001
) -> None:
    document = document_upload(
        user=member,
        title="Wacht op redactie",
        kind="pilotidee",
        file=files.upload("idee.pdf", files.pdf_bytes("Idee")),
    )
    url = f"/kennisbank/{document.pk}/"

    assert client.get(url).status_code == 404
    assert client_for(other_member).get(url).status_code == 404
    assert client_for(member).get(url).status_code == 200
    assert client_for(editor).get(url).status_code == 200
    assert client_for(editor).get(f"{url}downloaden/").status_code == 200
    assert Document.objects.get(pk=document.pk).download_count == 0


def test_unknown_document_is_404(client: Client, db: None) -> None:
    assert client.get("/kennisbank/999999/").status_code == 404
    assert client.get("/kennisbank/999999/downloaden/").status_code == 404


# --- Downloads ---------------------------------------------------------------------


def test_download_streams_the_file_with_its_name_and_counts_it(
    client: Client, member: User, editor: User
) -> None:
    document = shared_file(member, editor, name="Projectplan Oog in Al.pdf")

    response = client.get(f"/kennisbank/{document.pk}/downloaden/")
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    client.get(f"/kennisbank/{document.pk}/downloaden/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert (
        "Projectplan Oog in Al.pdf" in disposition
        or quote("Projectplan Oog in Al.pdf") in disposition
    )
    assert body.startswith(b"%PDF-")
    assert Document.objects.get(pk=document.pk).download_count == 2


def test_members_only_download_is_refused_to_visitors_and_non_members(
    client: Client,
    member: User,
    other_member: User,
    editor: User,
    client_for,  # noqa: ANN001
) -> None:
    from buurtwijs.accounts.tests.factories import UserFactory

    document = shared_file(member, editor, visibility="members")
    url = f"/kennisbank/{document.pk}/downloaden/"
    outsider = UserFactory.create(email="geen.lid@voorbeeld.nl", username="geenlid")

    visitor_response = client.get(url)
    assert visitor_response.status_code == 302
    assert "/account/login/" in visitor_response["Location"]
    assert client.get(f"/kennisbank/{document.pk}/").status_code == 302
    assert client_for(outsider).get(url).status_code == 403
    member_response = client_for(other_member).get(url)
    assert member_response.status_code == 200
    assert "no-store" in member_response["Cache-Control"]
    assert Document.objects.get(pk=document.pk).download_count == 1


def test_files_are_not_reachable_under_media_url(
    client: Client, member: User, editor: User, documents_root: Path
) -> None:
    document = shared_file(member, editor, visibility="members")

    assert not str(documents_root).startswith(str(django_settings.MEDIA_ROOT))
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_download_of_a_file_missing_on_disk_is_404_not_500(
    client: Client, member: User, editor: User
) -> None:
    document = shared_file(member, editor)
    document.file.delete(save=False)

    assert client.get(f"/kennisbank/{document.pk}/downloaden/").status_code == 404


def test_image_thumbnail_follows_the_documents_visibility(
    client: Client,
    member: User,
    editor: User,
    client_for,
    tasks,  # noqa: ANN001
) -> None:
    document = document_upload(
        user=member,
        title="Fotoverslag buurtfeest",
        kind="beeldmateriaal",
        file=files.upload("feest.png", files.image_bytes("PNG")),
        visibility="members",
    )
    document_moderate(document=document, editor=editor, approve=True)
    tasks.run()

    url = f"/kennisbank/{document.pk}/miniatuur.jpg"
    assert client.get(url).status_code == 302
    response = client_for(member).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    html = client_for(member).get(f"/kennisbank/{document.pk}/").content.decode()
    assert url in html


# --- Mine --------------------------------------------------------------------------


def test_my_documents_lists_my_uploads_with_their_state(
    member: User,
    other_member: User,
    client_for,  # noqa: ANN001
) -> None:
    document_upload(
        user=member,
        title="Mijn statuten",
        kind="statuten",
        file=files.upload("s.pdf", files.pdf_bytes("S")),
    )
    document_upload(
        user=other_member,
        title="Van iemand anders",
        kind="statuten",
        file=files.upload("s.pdf", files.pdf_bytes("S")),
    )

    response = in_english(client_for(member)).get("/kennisbank/mijn-documenten/")

    html = response.content.decode()
    assert "Mijn statuten" in html
    assert "Awaiting moderation" in html
    assert "Van iemand anders" not in html
