"""Registering for an event: stored once per address, closes at capacity, counted in monitoring."""

import datetime

import pytest
from django.utils import timezone

from kennisbank.models import EventRegistration
from kennisbank.services import RegistrationClosed, event_places_left, event_register
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.kennisbank.factories import EventPageFactory

pytestmark = pytest.mark.django_db

FORM = {"name": "Anna de Vries", "email": "anna@example.org", "organisation": "Bakkerij Anna"}


def test_registration_through_the_page_is_stored_and_confirmed(
    client, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=5)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url, {**FORM, "consent_contact": "on"}, follow=True)

    registration = EventRegistration.objects.get()
    assert registration.event_id == event.pk
    assert registration.consent_contact is True
    assert response.status_code == 200
    assert "4 / 5" in response.text
    recorded = MonitoringEvent.objects.get(kind=EventKind.EVENT_REGISTERED)
    assert recorded.gemeente_id == event.gemeente_id
    assert "Anna" not in str(recorded.__dict__)


def test_double_submit_gives_one_registration(client):
    event = EventPageFactory(capacity=5)

    client.post(event.url, FORM)
    client.post(event.url, {**FORM, "email": "ANNA@example.org"})

    assert EventRegistration.objects.count() == 1


def test_registration_closes_at_capacity():
    event = EventPageFactory(capacity=2)
    event_register(event=event, name="A", email="a@example.org")
    event_register(event=event, name="B", email="b@example.org")

    with pytest.raises(RegistrationClosed):
        event_register(event=event, name="C", email="c@example.org")

    assert event.registrations.count() == 2
    assert event_places_left(event) == 0


def test_a_full_event_shows_no_form_and_refuses_a_post(client):
    event = EventPageFactory(capacity=1)
    event_register(event=event, name="A", email="a@example.org")

    page = client.get(event.url)
    client.post(event.url, {**FORM, "email": "late@example.org"})

    assert 'name="email"' not in page.text
    assert EventRegistration.objects.count() == 1


def test_a_past_event_takes_no_registrations():
    start = timezone.now() - datetime.timedelta(days=3)
    event = EventPageFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=1))

    with pytest.raises(RegistrationClosed):
        event_register(event=event, name="A", email="a@example.org")


def test_invalid_input_is_shown_at_the_field_and_kept(client):
    event = EventPageFactory()

    response = client.post(
        event.url, {"name": "Bram 🚀", "email": "geen-adres", "organisation": "x" * 10_000}
    )

    assert response.status_code == 200
    assert EventRegistration.objects.count() == 0
    assert response.context["form"].errors.keys() == {"email", "organisation"}
    assert 'value="Bram 🚀"' in response.text
    assert 'aria-invalid="true"' in response.text


def test_nul_bytes_and_wrong_types_never_give_a_server_error(client):
    event = EventPageFactory()

    response = client.post(
        event.url, {"name": "A\x00B", "email": ["a@example.org", "x"], "consent_contact": "??"}
    )

    assert response.status_code == 200
    assert EventRegistration.objects.count() == 0


def test_the_honeypot_silently_drops_bots(client):
    event = EventPageFactory()

    client.post(event.url, {**FORM, "website": "http://spam.example"})

    assert EventRegistration.objects.count() == 0


def test_registrations_on_the_english_page_count_for_the_dutch_event():
    from wagtail.models import Locale

    event = EventPageFactory(capacity=1)
    english = event.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    event_register(event=english.specific, name="A", email="a@example.org")

    assert event.registrations.count() == 1
    with pytest.raises(RegistrationClosed):
        event_register(event=event, name="B", email="b@example.org")


def test_registrations_are_removed_a_month_after_the_event():
    from kennisbank.retention import event_registrations_purge

    event = EventPageFactory()
    event_register(event=event, name="A", email="a@example.org")

    assert event_registrations_purge(event.ends_at + datetime.timedelta(days=29)) == 0
    assert event_registrations_purge(event.ends_at + datetime.timedelta(days=31)) == 1
    assert EventRegistration.objects.count() == 0


def test_too_many_registrations_from_one_address_get_a_429(client, settings):
    settings.SCHAKELTEAM_RATE_LIMITS = {
        **settings.SCHAKELTEAM_RATE_LIMITS,
        "registration": "2/3600",
    }
    event = EventPageFactory(capacity=10)

    codes = [
        client.post(event.url, {**FORM, "email": f"p{n}@example.org"}).status_code for n in range(3)
    ]

    assert codes == [302, 302, 429]


def test_an_unsaved_event_in_the_admin_preview_has_all_places_left():
    event = EventPageFactory.build(capacity=12, gemeente=EventPageFactory().gemeente)

    assert event_places_left(event) == 12
