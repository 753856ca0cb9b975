"""Registering, the waiting list and cancelling, through the services."""

from datetime import timedelta

import pytest
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from buurtwijs.events.models import Registration
from buurtwijs.events.services import (
    RegistrationRefused,
    cancel_token,
    event_waiting_list_fill,
    registration_cancel,
    registration_create,
    registration_from_token,
)
from buurtwijs.events.tests.factories import make_event

pytestmark = pytest.mark.django_db


def register(event, email: str = "fatima@voorbeeld.nl", **kwargs):  # noqa: ANN001, ANN201
    kwargs.setdefault("name", "Fatima el Amrani")
    kwargs.setdefault("language", "nl")
    return registration_create(event=event, email=email, **kwargs)


def run_on_commit(django_capture_on_commit_callbacks, action):  # noqa: ANN001, ANN201
    with django_capture_on_commit_callbacks(execute=True):
        return action()


def test_visitor_registration_is_confirmed_and_mailed_in_dutch_with_cancel_link(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = make_event(title="Werkplaats buurtbudget", capacity=20)

    result = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: register(event, consent_text="Ik ga akkoord."),
    )

    registration = result.registration
    assert registration.status == Registration.Status.CONFIRMED
    assert not result.waiting
    assert registration.consent_text == "Ik ga akkoord."
    assert registration.consent_at is not None
    [mail] = mailoutbox
    assert mail.to == ["fatima@voorbeeld.nl"]
    assert mail.subject == "Je bent aangemeld: Werkplaats buurtbudget"
    assert "Beste Fatima el Amrani" in mail.body
    token = cancel_token(registration)
    assert f"/evenementen/afmelden/{token}/" in mail.body
    assert f"/evenementen/{event.pk}/evenement.ics" in mail.body


def test_confirmation_is_in_english_for_an_english_registration(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = make_event(title="Webinar warmtenet")
    run_on_commit(
        django_capture_on_commit_callbacks, lambda: register(event, language="en")
    )
    [mail] = mailoutbox
    assert mail.subject == "You are registered: Webinar warmtenet"
    assert "Dear Fatima el Amrani" in mail.body


def test_registering_twice_in_other_capitals_is_refused_without_a_second_row() -> None:
    event = make_event()
    register(event)

    with pytest.raises(RegistrationRefused) as refused:
        register(event, email="  Fatima@Voorbeeld.NL ")

    assert refused.value.code == "duplicate"
    assert "al aangemeld" in refused.value.message
    assert Registration.objects.filter(event=event).count() == 1


def test_database_refuses_a_second_row_for_the_same_address() -> None:
    event = make_event()
    register(event)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event, name="X", email="FATIMA@voorbeeld.nl", nonce="x"
        )


def test_full_event_puts_people_on_the_waiting_list(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = make_event(title="Leersessie", capacity=1)
    register(event, email="eerste@voorbeeld.nl")

    result = run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: register(event, email="tweede@voorbeeld.nl"),
    )

    assert result.waiting
    assert mailoutbox[-1].subject == "Je staat op de wachtlijst: Leersessie"
    with pytest.raises(RegistrationRefused) as refused:
        register(event, email="tweede@voorbeeld.nl")
    assert "wachtlijst" in refused.value.message


def test_past_event_and_closed_registration_are_refused() -> None:
    past = make_event(starts_at=timezone.now() - timedelta(hours=1))
    closed = make_event(registration_open=False)

    with pytest.raises(RegistrationRefused) as too_late:
        register(past)
    with pytest.raises(RegistrationRefused) as shut:
        register(closed)

    assert too_late.value.code == "past"
    assert "al geweest" in too_late.value.message
    assert shut.value.code == "closed"
    assert not Registration.objects.exists()


def test_cancelling_promotes_the_first_on_the_waiting_list_and_mails_them(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    event = make_event(title="Werkplaats", capacity=1)
    first = register(event, email="eerste@voorbeeld.nl").registration
    second = register(event, email="tweede@voorbeeld.nl").registration
    third = register(event, email="derde@voorbeeld.nl").registration

    run_on_commit(
        django_capture_on_commit_callbacks,
        lambda: registration_cancel(token=cancel_token(first)),
    )

    statuses = dict(
        Registration.objects.filter(event=event).values_list("email", "status")
    )
    assert statuses == {
        "eerste@voorbeeld.nl": "cancelled",
        "tweede@voorbeeld.nl": "confirmed",
        "derde@voorbeeld.nl": "waiting",
    }
    second.refresh_from_db()
    assert second.promoted_at is not None
    [mail] = mailoutbox
    assert mail.to == ["tweede@voorbeeld.nl"]
    assert mail.subject == "Er is een plek vrijgekomen: Werkplaats"
    assert third.status == "waiting"


def test_more_places_after_an_edit_go_to_the_waiting_list() -> None:
    event = make_event(capacity=1)
    register(event, email="eerste@voorbeeld.nl")
    register(event, email="tweede@voorbeeld.nl")
    register(event, email="derde@voorbeeld.nl")
    event.capacity = 2
    event.save(update_fields=["capacity"])

    promoted = event_waiting_list_fill(event=event)

    assert [r.email for r in promoted] == ["tweede@voorbeeld.nl"]


def test_forged_token_is_refused_as_invalid() -> None:
    event = make_event()
    registration = register(event).registration
    forged = signing.Signer(salt="other").sign_object([registration.pk, "x"])

    for token in (forged, "zomaar-iets", cancel_token(registration) + "x"):
        with pytest.raises(RegistrationRefused) as refused:
            registration_cancel(token=token)
        assert refused.value.code == "invalid"
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_a_used_token_says_it_was_already_cancelled() -> None:
    registration = register(make_event()).registration
    token = cancel_token(registration)
    registration_cancel(token=token)

    with pytest.raises(RegistrationRefused) as refused:
        registration_cancel(token=token)

    assert refused.value.code == "used"
    assert "al afgemeld" in refused.value.message


def test_registering_again_after_cancelling_reuses_the_row_with_a_new_link() -> None:
    event = make_event()
    old = register(event).registration
    old_token = cancel_token(old)
    registration_cancel(token=old_token)

    new = register(event).registration

    assert new.pk == old.pk
    assert new.status == "confirmed"
    with pytest.raises(RegistrationRefused) as refused:
        registration_from_token(token=old_token)
    assert refused.value.code == "replaced"
    assert registration_from_token(token=cancel_token(new)).pk == new.pk


def test_token_of_a_started_event_no_longer_cancels() -> None:
    event = make_event()
    registration = register(event).registration
    event.starts_at = timezone.now() - timedelta(minutes=5)
    event.save(update_fields=["starts_at"])

    with pytest.raises(RegistrationRefused) as refused:
        registration_cancel(token=cancel_token(registration))

    assert refused.value.code == "past"


def test_visitors_from_one_address_are_limited_per_hour(settings) -> None:  # noqa: ANN001
    settings.EVENT_REGISTRATIONS_PER_HOUR = 2
    event = make_event()
    register(event, email="a@voorbeeld.nl", client_key="k")
    register(event, email="b@voorbeeld.nl", client_key="k")

    with pytest.raises(RegistrationRefused) as refused:
        register(event, email="c@voorbeeld.nl", client_key="k")

    assert refused.value.code == "rate_limited"
    assert Registration.objects.count() == 2
