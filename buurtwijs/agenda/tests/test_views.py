"""The public learning agenda, the editors' screens, exports and traceability."""

import csv
import io
import re
import uuid
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from buurtwijs.accounts.models import User
from buurtwijs.agenda import services
from buurtwijs.agenda.models import AgendaItem, AgendaQuestion, LearningAgenda
from buurtwijs.agenda.tests.factories import LONELINESS
from buurtwijs.articles.tests.factories import make_article
from buurtwijs.calls.models import LearningQuestion, Response
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.knowledge.tests.documents_support import published_document


def _lonely_key(agenda: LearningAgenda) -> str:
    question = LearningQuestion.objects.get(call=agenda.call, text=LONELINESS[0])
    return AgendaQuestion.objects.get(agenda=agenda, question=question).cluster_key


@pytest.fixture
def published(analysed_agenda: LearningAgenda, editor: User) -> LearningAgenda:
    agenda = analysed_agenda
    services.agenda_update(
        agenda=agenda,
        title="Leeragenda leefbaarheid",
        commentary="Eenzaamheid springt eruit in elke provincie.",
    )
    services.cluster_rename(
        agenda=agenda,
        key=_lonely_key(agenda),
        label="Eenzame ouderen bereiken",
        editor=editor,
    )
    item = services.agenda_item_adopt(agenda=agenda, cluster_key=_lonely_key(agenda))
    services.agenda_item_update(
        item=item, owner="Team Sociaal Domein", status=AgendaItem.Status.IN_PROGRESS
    )
    services.agenda_set_published(agenda=agenda, published=True)
    return agenda


def test_visitor_and_member_cannot_see_an_unpublished_agenda_or_its_exports(
    analysed_agenda: LearningAgenda, visitor: Client, member: User, client_for
) -> None:
    slug = analysed_agenda.slug
    for client in (visitor, client_for(member)):
        assert client.get(f"/leeragenda/{slug}/").status_code == 404
        assert client.get(f"/leeragenda/{slug}/leeragenda.csv").status_code == 404
        response = client.get("/leeragenda/")
        assert response.status_code == 200
        assert "nog geen leeragenda" in response.text.lower() or (
            slug not in response.text
        )


def test_editor_previews_an_unpublished_agenda(
    analysed_agenda: LearningAgenda, editor: User, client_for
) -> None:
    response = client_for(editor).get(f"/leeragenda/{analysed_agenda.slug}/")
    assert response.status_code == 200


def test_visitor_and_member_cannot_reach_the_admin_screens(
    analysed_agenda: LearningAgenda, visitor: Client, member: User, client_for
) -> None:
    pk = analysed_agenda.pk
    key = _lonely_key(analysed_agenda)
    urls = [
        "/beheer/leeragenda/",
        f"/beheer/leeragenda/{pk}/",
        f"/beheer/leeragenda/{pk}/cluster/{key}/",
    ]
    for url in urls:
        assert visitor.get(url).status_code == 302  # to the login
        assert client_for(member).get(url).status_code in {302, 403}
    response = client_for(member).post(
        f"/beheer/leeragenda/{pk}/cluster/{key}/actie/", {"action": "hide"}
    )
    assert response.status_code in {302, 403}
    assert not analysed_agenda.decisions.exists()


def test_editor_curates_from_the_dashboard(
    analysed_agenda: LearningAgenda, editor: User, client_for
) -> None:
    client = client_for(editor)
    pk = analysed_agenda.pk
    key = _lonely_key(analysed_agenda)
    assert client.get("/beheer/leeragenda/").status_code == 200
    dashboard = client.get(f"/beheer/leeragenda/{pk}/")
    assert dashboard.status_code == 200
    assert LONELINESS[0][:30] in dashboard.text
    assert client.get(f"/beheer/leeragenda/{pk}/cluster/{key}/").status_code == 200
    response = client.post(
        f"/beheer/leeragenda/{pk}/cluster/{key}/actie/",
        {"action": "rename", "label": "Ouderen en eenzaamheid"},
    )
    assert response.status_code == 302
    assert analysed_agenda.clusters.get(key=key).label == "Ouderen en eenzaamheid"
    # bad input gives a message, never an error page
    for data in (
        {"action": "merge", "into": "bestaat-niet"},
        {"action": "split", "questions": ["abc"], "label": "x"},
        {"action": "move", "question": "-1", "into": key},
        {"action": "iets"},
    ):
        bad = client.post(f"/beheer/leeragenda/{pk}/cluster/{key}/actie/", data)
        assert bad.status_code == 302
    assert client.get(f"/beheer/leeragenda/{pk}/cluster/nope/").status_code == 404
    adopted = client.post(
        f"/beheer/leeragenda/{pk}/thema/", {"theme": "sociale-cohesie-en-ontmoeting"}
    )
    assert adopted.status_code == 302
    publish = client.post(
        f"/beheer/leeragenda/{pk}/instellingen/", {"action": "publish"}
    )
    assert publish.status_code == 302
    analysed_agenda.refresh_from_db()
    assert analysed_agenda.is_published


def test_public_page_shows_ranking_breakdowns_items_and_commentary(
    published: LearningAgenda, visitor: Client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(25):
        response = visitor.get("/leeragenda/")
    assert response.status_code == 200
    text = response.text
    assert "Leeragenda leefbaarheid" in text
    assert "Eenzaamheid springt eruit" in text
    assert "Eenzame ouderen bereiken" in text
    assert "Team Sociaal Domein" in text
    assert LONELINESS[0][:30] in text
    assert text.count('role="img"') == 3  # province chart, response map, role chart
    assert "Utrecht" in text and "<caption" in text
    assert visitor.get(f"/leeragenda/{published.slug}/").status_code == 200
    assert visitor.get("/leeragenda/bestaat-niet/").status_code == 404


def test_the_map_shows_responses_per_province(
    published: LearningAgenda, visitor: Client
) -> None:
    assert published.call is not None
    utrecht = Municipality.objects.get(code="GM0344")
    amsterdam = Municipality.objects.get(code="GM0363")
    for place in (utrecht, utrecht, utrecht, amsterdam):
        Response.objects.create(
            call=published.call,
            token=uuid.uuid4(),
            municipality=place,
            retain_until=date(2030, 1, 1),
        )
    text = visitor.get("/leeragenda/").text
    svg = text[text.index('<svg class="bw-map"') :]
    svg = svg[: svg.index("</svg>")]
    assert "Kaart van reacties per provincie" in svg
    circles = dict(re.findall(r'r="([\d.]+)"><title>([^<]+)</title>', svg))
    by_name = {name: float(radius) for radius, name in circles.items()}
    # The circle's area follows the count: three responses, three times the area.
    assert set(by_name) == {"Utrecht: 3", "Noord-Holland: 1"}
    ratio = (by_name["Utrecht: 3"] / by_name["Noord-Holland: 1"]) ** 2
    assert 2.8 < ratio < 3.2
    # The same figures in the table, and the country drawn from every municipality.
    assert svg.count("<circle") == Municipality.objects.count() + 2


def test_exports_as_csv_xlsx_and_pdf(
    published: LearningAgenda, visitor: Client
) -> None:
    base = f"/leeragenda/{published.slug}/leeragenda"
    csv_response = visitor.get(f"{base}.csv")
    assert csv_response.status_code == 200
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert len(rows) > 2
    assert any("Eenzame ouderen bereiken" in row for row in rows)

    xlsx = visitor.get(f"{base}.xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.content))
    values = [cell.value for row in workbook.worksheets[0].iter_rows() for cell in row]
    assert "Eenzame ouderen bereiken" in values
    assert len(workbook.worksheets) == 3

    pdf = visitor.get(f"{base}.pdf")
    assert pdf.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf.content))
    assert reader.metadata is not None
    assert reader.metadata.title == "Leeragenda leefbaarheid"
    assert "Eenzame ouderen bereiken" in "".join(
        page.extract_text() for page in reader.pages
    )
    assert visitor.get(f"{base}.exe").status_code == 404


def test_a_question_shows_what_became_of_it_and_the_item_links_back(
    published: LearningAgenda, visitor: Client
) -> None:
    question = LearningQuestion.objects.get(call=published.call, text=LONELINESS[1])
    item = published.items.get()
    page = visitor.get(question.get_absolute_url())
    assert page.status_code == 200
    assert "Eenzame ouderen bereiken" in page.text
    assert item.get_absolute_url() in page.text
    detail = visitor.get(item.get_absolute_url())
    assert detail.status_code == 200
    assert question.get_absolute_url() in detail.text
    assert "Team Sociaal Domein" in detail.text


def test_theme_items_trace_questions_through_their_themes(
    published: LearningAgenda, visitor: Client
) -> None:
    question = LearningQuestion.objects.get(call=published.call, text=LONELINESS[0])
    theme = question.themes.first()
    assert isinstance(theme, Theme)
    item = services.agenda_item_adopt(agenda=published, theme_slug=theme.slug)
    assert visitor.get(item.get_absolute_url()).status_code == 200
    assert item.get_absolute_url() in visitor.get(question.get_absolute_url()).text


def test_editor_links_suggested_documents_and_articles_as_answers(
    published: LearningAgenda, editor: User, client_for, visitor: Client
) -> None:
    helpful = published_document(
        title="Handreiking eenzame ouderen bereiken in de wijk",
        description="Zo vind en bereik je eenzame ouderen: huisbezoek, buurtkamers.",
    )
    published_document(title="Subsidieregeling zonnepanelen dorpshuis")
    article = make_article("Eenzaamheid in de buurt aanpakken")
    item = published.items.get()
    url = reverse("agenda_item_edit", args=[published.pk, item.pk])
    client = client_for(editor)
    form = client.get(url)
    assert form.status_code == 200
    # The knowledge base's best match for the item is offered to tick.
    suggested = form.context["form"].fields["suggested_documents"].choices
    assert suggested[0] == (helpful.pk, helpful.title)
    saved = client.post(
        url,
        {
            "owner": "Team Sociaal Domein",
            "status": AgendaItem.Status.ANSWERED,
            "description": "",
            "suggested_documents": [helpful.pk],
            "articles": [article.pk],
            "documents": "",
        },
    )
    assert saved.status_code == 302
    assert set(item.documents.all()) == {helpful}
    assert set(item.articles.all()) == {article}
    page = visitor.get(item.get_absolute_url()).text
    assert helpful.title in page
    assert article.title in page
    assert article.url in page
