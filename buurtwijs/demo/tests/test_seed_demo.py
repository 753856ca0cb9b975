"""The demo network command: real content, accounts, generated data, idempotency."""

from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from buurtwijs.accounts.models import Profile, User
from buurtwijs.demo.networks import VOICES
from buurtwijs.demo.real import BOOK_SLUG, CONGRESS_SLUG, REAL_INITIATIVES
from buurtwijs.directory.models import Initiative, Partner
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import Document, PublicationPage
from buurtwijs.search.models import SearchEntry

# Small enough for a quick test, large enough to walk every municipality-poor province.
SMALL = {"initiatives": 240, "people": 60, "documents": 20}
REAL_SLUGS = {item.slug for item in REAL_INITIATIVES}


def seed(**options: object) -> str:
    """Run the command on the test database and return what it printed."""
    out = StringIO()
    call_command(
        "seed_demo", allow_without_debug=True, stdout=out, **{**SMALL, **options}
    )
    return out.getvalue()


def counts() -> dict[str, int]:
    """Row counts of everything the command writes."""
    return {
        "initiatives": Initiative.objects.count(),
        "partners": Partner.objects.count(),
        "initiative_themes": Initiative.themes.through.objects.count(),
        "profiles": Profile.objects.count(),
        "profile_themes": Profile.themes.through.objects.count(),
        "documents": Document.objects.count(),
        "users": User.objects.count(),
        "publications": PublicationPage.objects.count(),
        "events": EventPage.objects.count(),
    }


def generated_names() -> list[str]:
    """Names of the generated initiatives in slug order."""
    return list(
        Initiative.objects.exclude(slug__in=REAL_SLUGS)
        .order_by("slug")
        .values_list("name", flat=True)
    )


@pytest.mark.django_db
def test_seed_creates_named_real_initiatives_published_in_their_municipalities() -> (
    None
):
    seed()

    expected = {
        "Delfshaven Coöperatie": "Rotterdam",
        "Dorpshuis Fort Vreeswijk": "Nieuwegein",
        "In De Boomtak": "Tilburg",
        "Buurtvoorziening De Evenaar": "Amsterdam",
        "De Blauwe Wijkeconomie": "Arnhem",
        "De Voedseltuin": "Rotterdam",
        "Zorgvrijstaat": "Rotterdam",
        "Wijkacademies Opvoeden": "Utrecht",
        "SAMEN030": "Utrecht",
    }
    initiatives = Initiative.objects.filter(slug__in=REAL_SLUGS).select_related(
        "municipality"
    )
    assert {i.name: i.municipality.display_name for i in initiatives} == expected
    for initiative in initiatives:
        assert initiative.status == Initiative.Status.PUBLISHED
        assert initiative.partners.count() >= 3
        assert initiative.themes.exists()
        assert initiative.summary and initiative.description


@pytest.mark.django_db
def test_book_page_offers_a_pdf_download_and_an_order_link(
    settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    seed()
    client = Client()

    page = client.get(f"/publicaties/{BOOK_SLUG}/")
    assert "https://www.eburon.nl/" in page.text
    book = PublicationPage.objects.get(slug=BOOK_SLUG)
    assert book.download is not None
    download = client.get(book.download.url)
    body = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    text = PdfReader(BytesIO(body)).pages[0].extract_text()
    assert "Plekken van hoop en verandering" in text


@pytest.mark.django_db
def test_seeded_network_is_searchable_at_once() -> None:
    seed()
    found = Client().get("/api/v1/search", {"q": "plekken van hoop"}).json()
    assert "Plekken van hoop en verandering" in [
        item["title"] for item in found["items"]
    ]
    assert SearchEntry.objects.filter(kind="initiative").count() == (
        Initiative.objects.filter(status=Initiative.Status.PUBLISHED).count()
    )


@pytest.mark.django_db
def test_book_and_2019_congress_are_live_under_their_sections() -> None:
    seed()

    book = PublicationPage.objects.get(slug=BOOK_SLUG)
    assert book.live
    assert book.get_parent().slug == "publicaties"
    assert (book.publisher, book.year) == ("Eburon", 2019)

    congress = EventPage.objects.get(slug=CONGRESS_SLUG)
    assert congress.live
    assert congress.get_parent().slug == "evenementen"
    assert congress.starts_at < timezone.now()
    assert congress.starts_at.date().isoformat() == "2019-09-19"
    assert "Plekken van hoop en verandering" in congress.programme


@pytest.mark.django_db
def test_demo_editor_logs_in_through_allauth_and_reaches_wagtail_admin() -> None:
    output = seed(site_url="http://127.0.0.1:9000")
    client = Client()

    response = client.post(
        "/account/login/",
        {"login": "redacteur@buurtwijs.test", "password": "buurtwijs-demo"},
    )

    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
    assert "http://127.0.0.1:9000/beheer/" in output
    assert "redacteur@buurtwijs.test" in output


@pytest.mark.django_db
def test_demo_member_logs_in_but_has_no_wagtail_admin() -> None:
    seed()
    client = Client()

    assert client.login(email="lid@buurtwijs.test", password="buurtwijs-demo")
    assert client.get("/beheer/").status_code in {302, 403}


@pytest.mark.django_db
def test_running_twice_duplicates_nothing_and_keeps_a_changed_password() -> None:
    seed()
    editor = User.objects.get(email="redacteur@buurtwijs.test")
    editor.set_password("een-ander-wachtwoord")
    editor.save(update_fields=["password"])
    before = counts()

    output = seed()

    assert counts() == before
    assert "Added: 0 accounts, 0 pages, 0 named initiatives, 0 generated" in output
    editor.refresh_from_db()
    assert editor.check_password("een-ander-wachtwoord")


@pytest.mark.django_db
def test_larger_run_adds_only_what_is_missing() -> None:
    seed(initiatives=100, people=30, documents=10)
    first = generated_names()

    seed(initiatives=150, people=45, documents=15)

    assert Initiative.objects.exclude(slug__in=REAL_SLUGS).count() == 150
    assert Profile.objects.filter(user__isnull=True).count() == 45
    assert Document.objects.count() == 15
    assert set(first) <= set(generated_names())


@pytest.mark.django_db
def test_same_seed_gives_same_names_and_other_seed_gives_other_names() -> None:
    seed(seed=7)
    first = generated_names()
    Initiative.objects.exclude(slug__in=REAL_SLUGS).delete()

    seed(seed=7)
    again = generated_names()
    Initiative.objects.exclude(slug__in=REAL_SLUGS).delete()

    seed(seed=8)
    other = generated_names()

    assert first == again
    assert first != other


@pytest.mark.django_db
def test_generated_initiatives_cover_all_provinces_and_many_municipalities() -> None:
    seed()

    generated = Initiative.objects.exclude(slug__in=REAL_SLUGS)
    provinces = generated.values("municipality__province").distinct().count()
    municipalities = generated.values("municipality").distinct().count()
    assert provinces == 12
    assert municipalities > 100


@pytest.mark.django_db
def test_generated_initiatives_have_two_to_six_partners_and_coordinates() -> None:
    seed(initiatives=60)

    for initiative in Initiative.objects.exclude(slug__in=REAL_SLUGS).select_related(
        "municipality"
    ):
        assert 2 <= initiative.partners.count() <= 6
        assert abs(initiative.latitude - initiative.municipality.latitude) < 0.5
        assert abs(initiative.longitude - initiative.municipality.longitude) < 0.5


@pytest.mark.django_db
def test_no_generated_profile_is_linked_to_an_account() -> None:
    seed()

    # Only the demo accounts have a profile with an account: the editor, the member
    # and the learning networks' participants (who have no password).
    voices = {voice.email for voice in VOICES}
    linked = Profile.objects.filter(user__isnull=False)
    assert set(linked.values_list("user__email", flat=True)) == {
        "redacteur@buurtwijs.test",
        "lid@buurtwijs.test",
        *voices,
    }
    assert User.objects.count() == 2 + len(voices)
    assert not any(
        user.has_usable_password() for user in User.objects.filter(email__in=voices)
    )


@pytest.mark.django_db
def test_generated_documents_are_published_with_text_and_no_file() -> None:
    seed()

    documents = Document.objects.all()
    assert documents.count() == SMALL["documents"]
    for document in documents:
        assert document.status == Document.Status.PUBLISHED
        assert len(document.extracted_text) > 200
        assert not document.file


@pytest.mark.django_db
def test_command_refuses_to_run_without_debug_unless_told() -> None:
    with pytest.raises(CommandError, match="allow-without-debug"):
        call_command("seed_demo", stdout=StringIO(), **SMALL)
    assert not User.objects.exists()
