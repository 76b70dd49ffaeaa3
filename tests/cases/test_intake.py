"""Intake: consent per purpose before anything is stored; spam, duplicates and bad input handled."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import Casus, Company, Consent, ConsentText, Entrepreneur
from schakelteam.events import EventKind, company_key_for
from schakelteam.monitoring.models import MonitoringEvent
from tests.helpers import staff_login

from .conftest import intake_post_data

pytestmark = pytest.mark.django_db

URL = "/gesprek-aanvragen/"


def test_consent_boxes_are_separate_unticked_and_use_the_active_text(client):
    response = client.get(URL)
    form = response.context["form"]
    names = [f.name for f in form.consent_fields()]
    assert names == ["consent_contact", "consent_share_with_partner", "consent_follow_up"]
    html = response.content.decode()
    for name in names:
        tag = html[html.index(f'name="{name}"') - 200 : html.index(f'name="{name}"') + 200]
        assert "checked" not in tag
    assert ConsentText.objects.get(purpose="contact", is_active=True).text_nl in html


def test_nothing_is_stored_without_the_contact_consent(client, almere):
    response = client.post(URL, intake_post_data(consent_contact=None, consent_follow_up="on"))
    assert response.status_code == 200
    assert response.context["form"].errors["consent_contact"]
    assert not Entrepreneur.objects.exists()
    assert not Company.objects.exists()
    assert not Consent.objects.exists()
    assert not mail.outbox
    assert response.context["form"]["name"].value() == "Fatima de Vries"  # kept what they typed


def test_each_consent_records_text_version_time_and_channel(client, almere):
    client.post(URL, intake_post_data(consent_follow_up="on"))
    consents = {c.purpose: c for c in Consent.objects.all()}
    assert set(consents) == {"contact", "follow_up"}
    assert consents["contact"].text.version == 1
    assert consents["contact"].channel == "web" and consents["contact"].recorded_by is None


def test_a_new_request_opens_a_casus_with_sla_event_and_mails(
    client, almere, coordinator, committed
):
    with committed():
        client.post(URL, intake_post_data())
    casus = Casus.objects.get()
    assert casus.company.gemeente == almere
    assert casus.company.size_class == "2-4"
    assert casus.sla_due > casus.created_at
    event = MonitoringEvent.objects.get(kind=EventKind.CASE_OPENED)
    assert event.gemeente == almere and event.origin == "web"
    assert event.company_key == company_key_for("12345678")
    recipients = [m.to[0] for m in mail.outbox]
    assert "fatima@bakkerij.example" in recipients and coordinator.email in recipients
    confirmation = next(m for m in mail.outbox if m.to == ["fatima@bakkerij.example"])
    assert "/mijn-gegevens/" in confirmation.body
    assert "Beste Fatima de Vries" in confirmation.body


def test_an_english_visitor_gets_the_confirmation_in_english(client, almere, committed):
    with committed():
        client.post("/en" + URL, intake_post_data())
    confirmation = next(m for m in mail.outbox if m.to == ["fatima@bakkerij.example"])
    assert confirmation.subject == "We have received your request"
    assert "/en/mijn-gegevens/" in confirmation.body


def test_the_honeypot_makes_robots_think_they_succeeded_but_stores_nothing(client, almere):
    response = client.post(URL, intake_post_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Entrepreneur.objects.exists()


def test_the_same_submission_ten_times_makes_one_casus(client, almere, committed):
    data = intake_post_data()
    for _ in range(10):
        with committed():
            assert client.post(URL, data).status_code == 302
    assert Casus.objects.count() == 1
    assert Entrepreneur.objects.count() == 1
    assert MonitoringEvent.objects.filter(kind=EventKind.CASE_OPENED).count() == 1


def test_a_known_email_keeps_its_stored_details(client, almere):
    client.post(URL, intake_post_data())
    client.post(URL, intake_post_data(name="Iemand Anders", question="Nog een vraag."))
    assert Casus.objects.count() == 2
    assert Entrepreneur.objects.get().name == "Fatima de Vries"


@pytest.mark.parametrize(
    "kvk", ["1234567", "123456789", "abcdefgh", "00000000", "１２３４５６７８"]
)
def test_an_invalid_kvk_number_is_refused_at_the_field(client, almere, kvk):
    response = client.post(URL, intake_post_data(kvk_nummer=kvk))
    assert "kvk_nummer" in response.context["form"].errors
    assert not Casus.objects.exists()


def test_a_kvk_number_with_spaces_is_accepted_as_eight_digits(client, almere):
    client.post(URL, intake_post_data(kvk_nummer="1234 5678"))
    assert Company.objects.get().kvk_nummer == "12345678"


def test_a_postcode_outside_the_region_is_accepted_without_gemeente(client, almere):
    response = client.post(URL, intake_post_data(postcode="9711AA"), follow=True)
    company = Company.objects.get()
    assert company.gemeente is None and company.postcode == "9711 AA"
    assert "Flevoland" in response.content.decode()


def test_a_malformed_postcode_is_refused(client, almere):
    response = client.post(URL, intake_post_data(postcode="ABCD 12"))
    assert "postcode" in response.context["form"].errors


def test_overlong_text_is_refused_without_storing(client, almere):
    response = client.post(URL, intake_post_data(question="x" * 10_001, name="n" * 10_000))
    assert response.status_code == 200
    assert {"question", "name"} <= set(response.context["form"].errors)
    assert not Casus.objects.exists()


def test_a_nul_byte_is_refused_at_the_field(client, almere):
    response = client.post(URL, intake_post_data(question="hallo\x00daar"))
    assert "question" in response.context["form"].errors


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(max_size=300),
    number=st.one_of(st.text(max_size=20), st.integers().map(str)),
)
def test_hostile_input_never_causes_a_server_error(client, almere, text, number):
    cache.clear()  # one test function, many examples: keep the rate limit out of it
    data = intake_post_data(
        name=text,
        question=text,
        company_name=text,
        employees=number,
        kvk_nummer=number,
        postcode=text[:10],
        phone=number,
        themes=[number],
        preferred_channel=text[:5],
    )
    response = client.post(URL, data)
    assert response.status_code in (200, 302)


def test_wrong_types_in_the_form_never_cause_a_server_error(client, almere):
    response = client.post(URL, {"idempotency_key": "not-a-uuid", "consent_contact": ["a", "b"]})
    assert response.status_code == 200


def test_the_public_form_is_rate_limited(client, almere, settings):
    settings.SCHAKELTEAM_RATE_LIMITS = {**settings.SCHAKELTEAM_RATE_LIMITS, "public_form": "3/3600"}
    for _ in range(3):
        client.post(URL, intake_post_data(consent_contact=None))
    assert client.post(URL, intake_post_data()).status_code == 429


def test_a_scan_link_prefills_and_adds_the_scan_consents(client, scan_submitted):
    scan, token = scan_submitted
    response = client.get(URL + f"?scan={token}")
    form = response.context["form"]
    assert form.initial["sbi_section"] == "C"
    assert {"consent_share_scan", "consent_research"} <= set(form.fields)


@pytest.mark.parametrize("token", ["tampered", "x" * 500, ""])
def test_a_bad_scan_link_still_lets_the_entrepreneur_send_a_request(client, almere, token):
    response = client.get(URL + f"?scan={token}")
    assert response.status_code == 200
    assert "consent_share_scan" not in response.context["form"].fields
    client.post(URL + f"?scan={token}", intake_post_data())
    assert Casus.objects.get().scan is None


def test_an_expired_scan_link_is_ignored_with_a_message(client, scan_submitted, time_machine):
    _, token = scan_submitted
    time_machine.move_to("2099-01-01")
    response = client.get(URL + f"?scan={token}")
    assert "consent_share_scan" not in response.context["form"].fields
    assert list(response.context["messages"])


def test_a_digital_question_opens_a_question_casus(client, almere):
    data = intake_post_data(preferred_channel=None, preferred_times=None)
    assert client.post("/vraag-stellen/", data).status_code == 302
    assert Casus.objects.get().origin == "question"


def test_a_phone_intake_records_consent_given_by_phone_and_by_whom(client, almere, coordinator):
    staff_login(client, coordinator)
    response = client.post(reverse("cases:phone_intake"), intake_post_data())
    assert response.status_code == 302
    casus = Casus.objects.get()
    assert casus.origin == "phone"
    consent = Consent.objects.get()
    assert consent.channel == "phone" and consent.recorded_by == coordinator


def test_a_new_consent_text_version_is_shown_and_recorded(client, almere):
    ConsentText.objects.filter(purpose="contact").update(is_active=False)
    ConsentText.objects.create(
        purpose="contact", version=2, text_nl="Nieuwe tekst over contact.", text_en="New text."
    )
    assert "Nieuwe tekst over contact." in client.get(URL).content.decode()
    client.post(URL, intake_post_data())
    assert Consent.objects.get(purpose="contact").text.version == 2
