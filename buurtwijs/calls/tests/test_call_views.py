"""Responding to a call: the form, the confirmation, the copy, and every bad input."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from buurtwijs.calls.models import Answer, LearningQuestion, Response
from buurtwijs.calls.services import RESPONSES_PER_HOUR
from buurtwijs.calls.tests.factories import (
    CONSENT,
    make_call,
    question,
    response_data,
)
from buurtwijs.core.antispam import form_started_token

pytestmark = pytest.mark.django_db

URL = "/oproepen/wat-wil-jij-leren/"


def test_call_page_shows_a_form_built_from_the_questions(visitor: Client) -> None:
    call = make_call()

    response = visitor.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    for q in call.questions.all():
        assert f'name="vraag_{q.pk}"' in html
    assert "<fieldset" in html and "<legend" in html  # choice questions are groups
    assert 'name="token"' in html
    assert CONSENT in html
    assert '<datalist id="gemeenten">' in html


def test_visitor_responds_and_sees_the_confirmation(visitor: Client) -> None:
    call = make_call()

    response = visitor.post(URL, response_data(call))

    assert response.status_code == 302
    assert response["Location"] == f"{URL}bedankt/"
    thanks = visitor.get(response["Location"])
    assert thanks.status_code == 200
    assert "Dank je voor je reactie" in thanks.content.decode()
    stored = Response.objects.get()
    assert stored.municipality is not None and stored.municipality.code == "GM0344"
    assert stored.role == "professional"
    assert stored.answers.count() == call.questions.count()
    themes = stored.answers.get(kind="themes")
    assert themes.values == ["armoede-en-schulden", "ontmoeting-en-eenzaamheid"]
    assert "Armoede en schulden" in themes.text


def test_consent_is_stored_with_its_exact_text_and_time(visitor: Client) -> None:
    call = make_call()
    before = timezone.now()

    visitor.post(URL, response_data(call))

    stored = Response.objects.get()
    assert stored.consent_text == CONSENT
    assert stored.consent_given_at is not None
    assert before <= stored.consent_given_at <= timezone.now()
    assert stored.retain_until == (before + timedelta(days=730)).date()
    # a later change of the call's text leaves the stored consent as it was
    call.consent_text = "Andere tekst"
    call.save(update_fields=["consent_text"])
    stored.refresh_from_db()
    assert stored.consent_text == CONSENT


def test_response_without_consent_is_not_stored(visitor: Client) -> None:
    call = make_call()
    data = response_data(call)
    del data["consent"]

    response = visitor.post(URL, data)

    assert response.status_code == 400
    assert Response.objects.count() == 0
    assert 'aria-invalid="true"' in response.content.decode()


def test_copy_by_email_when_asked_and_the_address_is_not_stored(
    visitor: Client,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    call = make_call()

    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(URL, response_data(call, copy_email="bewoner@voorbeeld.nl"))

    assert len(mail.outbox) == 1
    copy = mail.outbox[0]
    assert copy.to == ["bewoner@voorbeeld.nl"]
    assert "Hoe houden we vrijwilligers vast" in copy.body
    assert call.title in copy.subject
    assert CONSENT in copy.body
    stored = Response.objects.get()
    assert stored.copy_requested
    assert "bewoner@voorbeeld.nl" not in str(
        list(Answer.objects.values_list("text", "values"))
    )


def test_no_copy_without_an_address(
    visitor: Client,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    call = make_call()

    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(URL, response_data(call))

    assert mail.outbox == []
    assert Response.objects.get().copy_requested is False


def test_missing_required_answers_keep_everything_typed(visitor: Client) -> None:
    call = make_call()
    required = question(call, "text", marked=True)
    data = response_data(call, **{f"vraag_{required.pk}": ""})

    response = visitor.post(URL, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert Response.objects.count() == 0
    assert "Armoede en eenzaamheid stapelen zich op" in html  # typed text stays
    assert 'value="Utrecht"' in html
    assert f'href="#id_vraag_{required.pk}"' in html  # error summary links
    assert f'id="id_vraag_{required.pk}_error"' in html
    assert 'role="alert"' in html
    assert data["token"] in html  # the same token, so a resend is still one


def test_unknown_municipality_gets_a_suggestion(visitor: Client) -> None:
    call = make_call()
    place = question(call, "municipality")

    response = visitor.post(URL, response_data(call, **{f"vraag_{place.pk}": "Utreht"}))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Utreht" in html
    assert "Utrecht" in html.split(f'id="id_vraag_{place.pk}_error"')[1][:400]
    assert Response.objects.count() == 0


def test_municipality_by_code_or_odd_spelling_is_found(visitor: Client) -> None:
    call = make_call()
    place = question(call, "municipality")

    visitor.post(URL, response_data(call, **{f"vraag_{place.pk}": "gm0363"}))
    visitor.post(URL, response_data(call, **{f"vraag_{place.pk}": "'s-gravenhage"}))

    codes = sorted(Response.objects.values_list("municipality__code", flat=True))
    assert codes == ["GM0363", "GM0518"]


def test_closed_call_shows_a_clear_page_without_a_form(visitor: Client) -> None:
    call = make_call(opens_in=timedelta(days=-60), closes_in=timedelta(days=-1))

    response = visitor.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post"' not in html
    assert "bw-call-closed" in html

    sent = visitor.post(URL, response_data(call))
    assert sent.status_code == 200
    assert "bw-call-closed" in sent.content.decode()
    assert Response.objects.count() == 0


def test_call_not_yet_open_shows_when_it_opens(visitor: Client) -> None:
    call = make_call(opens_in=timedelta(days=3), closes_in=timedelta(days=30))

    response = visitor.get(URL)
    sent = visitor.post(URL, response_data(call))

    assert response.status_code == 200
    assert "bw-call-closed" in response.content.decode()
    assert sent.status_code == 200
    assert Response.objects.count() == 0


def test_draft_call_is_not_public(visitor: Client, editor, client_for) -> None:  # noqa: ANN001
    make_call(status="draft")

    assert visitor.get(URL).status_code == 404
    assert visitor.get("/oproepen/").content.decode().count(URL) == 0
    assert client_for(editor).get(URL).status_code == 200


def test_unknown_call_is_404(visitor: Client) -> None:
    assert visitor.get("/oproepen/bestaat-niet/").status_code == 404


def test_double_submit_stores_one_response_and_confirms_both(
    visitor: Client,
) -> None:
    call = make_call()
    data = response_data(call)

    first = visitor.post(URL, data)
    second = visitor.post(URL, data)
    # a retry from another connection without the session's cookie
    third = Client().post(URL, data)

    assert first.status_code == second.status_code == third.status_code == 302
    assert first["Location"] == second["Location"] == third["Location"]
    assert Response.objects.count() == 1
    assert Answer.objects.count() == call.questions.count()
    assert LearningQuestion.objects.count() == 1


def test_retry_after_the_call_closed_still_confirms(visitor: Client) -> None:
    call = make_call()
    data = response_data(call)
    visitor.post(URL, data)
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save(update_fields=["closes_at"])

    again = visitor.post(URL, data)

    assert again.status_code == 302
    assert Response.objects.count() == 1


def test_honeypot_stores_nothing(visitor: Client) -> None:
    call = make_call()

    response = visitor.post(
        URL, response_data(call, website_url="https://spam.example")
    )

    assert response.status_code == 400
    assert "lijkt automatisch verstuurd" in response.content.decode()
    assert Response.objects.count() == 0


def test_too_fast_stores_nothing_and_keeps_the_answers(visitor: Client) -> None:
    call = make_call()

    response = visitor.post(
        URL, response_data(call, started=form_started_token(time.time()))
    )

    assert response.status_code == 400
    assert Response.objects.count() == 0
    assert "Hoe houden we vrijwilligers vast" in response.content.decode()


def test_tampered_time_trap_is_refused_and_renewed(visitor: Client) -> None:
    call = make_call()
    tampered = "MTcwMDAwMDAwMC4w:1abcde:tampered"

    response = visitor.post(URL, response_data(call, started=tampered))

    assert response.status_code == 400
    assert Response.objects.count() == 0
    html = response.content.decode()
    assert tampered not in html  # a fresh start time, so sending again works
    assert "Hoe houden we vrijwilligers vast" in html


def test_too_many_responses_from_one_address(visitor: Client) -> None:
    call = make_call()
    for _ in range(RESPONSES_PER_HOUR):
        assert visitor.post(URL, response_data(call)).status_code == 302

    refused = visitor.post(URL, response_data(call))

    assert refused.status_code == 429
    assert Response.objects.count() == RESPONSES_PER_HOUR
    assert "Hoe houden we vrijwilligers vast" in refused.content.decode()
    # another address is not affected
    other = Client(REMOTE_ADDR="192.0.2.7").post(URL, response_data(call))
    assert other.status_code == 302


def test_learning_questions_come_from_marked_answers_only(visitor: Client) -> None:
    call = make_call()

    visitor.post(URL, response_data(call))

    learning = LearningQuestion.objects.get()
    assert learning.text == "Hoe houden we vrijwilligers vast als de subsidie stopt?"
    assert learning.call == call
    assert learning.response == Response.objects.get()
    assert learning.municipality is not None
    assert learning.municipality.code == "GM0344"
    assert learning.role == "professional"
    assert learning.urgency == 4
    assert learning.themes.count() == 0  # left for the analysis engine


def test_empty_optional_answers_are_fine(visitor: Client) -> None:
    call = make_call()
    optional = [q for q in call.questions.all() if not q.required]
    data = response_data(call)
    for q in optional:
        data.pop(f"vraag_{q.pk}")

    response = visitor.post(URL, data)

    assert response.status_code == 302
    assert Response.objects.get().role == ""


def test_strange_input_never_gives_a_server_error(visitor: Client) -> None:
    call = make_call()
    place = question(call, "municipality")
    scale = question(call, "scale")
    data = response_data(
        call,
        token="geen-token",
        **{f"vraag_{place.pk}": "\x00" * 3, f"vraag_{scale.pk}": "9"},
    )

    response = visitor.post(URL, data)

    assert response.status_code == 400
    assert Response.objects.count() == 0


def test_missing_token_still_stores_the_response(visitor: Client) -> None:
    call = make_call()
    data = response_data(call)
    del data["token"]

    response = visitor.post(URL, data)

    assert response.status_code == 302
    assert Response.objects.count() == 1


def test_confirmation_needs_a_response_from_this_browser(visitor: Client) -> None:
    make_call()

    response = visitor.get(f"{URL}bedankt/")

    assert response.status_code == 302
    assert response["Location"] == URL


def test_call_list_shows_open_and_past_calls(visitor: Client) -> None:
    make_call()
    make_call(
        slug="oude-oproep",
        title="Oude oproep",
        opens_in=timedelta(days=-90),
        closes_in=timedelta(days=-30),
    )

    response = visitor.get("/oproepen/")

    html = response.content.decode()
    assert response.status_code == 200
    assert URL in html and "/oproepen/oude-oproep/" in html
    assert html.index(URL) < html.index("/oproepen/oude-oproep/")
