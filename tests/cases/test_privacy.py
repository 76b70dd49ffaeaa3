"""/mijn-gegevens/, withdrawal, erasure and retention: identity goes, history included; the numbers
monitoring counts stay exactly the same; the JSON export holds everything about the person."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases.constants import ConsentPurpose
from cases.models import Casus, Company, Entrepreneur
from cases.services import handling
from cases.services.privacy import casus_retention_apply, consent_withdraw
from schakelteam.monitoring.models import MonitoringEvent
from tests.kennisbank.factories import RegelingPageFactory

from .conftest import mijn_gegevens_token
from .factories import AppointmentFactory, CasusFactory, ReferralFactory, consent_give

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_casus(advisor_a, partner, scan_submitted, committed):
    scan, _ = scan_submitted
    referral = ReferralFactory(
        partner=partner,
        casus__advisor=advisor_a,
        casus__scan=scan,
        casus__company__entrepreneur__name="Karin Visser",
        casus__company__name="Visser Hoveniers",
        casus__question="Karin hier, ik zoek een stagiair.",
    )
    casus = referral.casus
    consent_give(casus.entrepreneur, ConsentPurpose.RESEARCH)
    AppointmentFactory(casus=casus, location="Kerkstraat 1")
    with committed():
        handling.note_add(casus=casus, text="Karin belt terug.")
        handling.advice_record(
            casus=casus, text="Karin: stage via school.", regelingen=[RegelingPageFactory()]
        )
        handling.casus_contact_record(casus=casus)
    return casus


def test_the_json_export_contains_everything_held_about_the_person(client, busy_casus):
    token = mijn_gegevens_token(busy_casus.entrepreneur)
    response = client.get(reverse("cases:mijn_gegevens_export", args=[token]))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["person"]["name"] == "Karin Visser"
    assert data["companies"][0]["kvk_nummer"] == busy_casus.company.kvk_nummer
    assert {c["purpose"] for c in data["consents"]} == {"contact", "share_with_partner", "research"}
    exported = data["casussen"][0]
    assert exported["question"] == busy_casus.question
    assert exported["notes"][0]["text"] == "Karin belt terug."
    assert exported["advice"][0]["regelingen"]
    assert exported["appointments"][0]["location"] == "Kerkstraat 1"
    assert exported["referrals"][0]["reason"]
    assert data["scans"][0]["uuid"] == str(busy_casus.scan.uuid)


def test_withdrawing_the_contact_consent_anonymises_everything_history_included(
    busy_casus, committed
):
    events_before = list(MonitoringEvent.objects.order_by("pk").values())
    consent = busy_casus.entrepreneur.consents.get(purpose="contact")
    with committed():
        consent_withdraw(consent=consent)

    person = Entrepreneur.objects.get()
    assert (person.name, person.email, person.phone) == ("", "", "")
    casus = Casus.objects.get()
    assert casus.question == "" and casus.scan is None and casus.status == "gesloten"
    assert (
        casus.company.name == "" and casus.company.kvk_nummer == "" and casus.company.postcode == ""
    )
    assert casus.company.gemeente is not None and casus.company.size_class == "2-4"
    assert not casus.notes.exists()
    assert casus.advices.get().text == "" and casus.advices.get().regelingen.exists()
    assert casus.appointments.get().location == ""
    assert casus.referrals.get().reason == ""
    secrets = ("Karin", "Visser", busy_casus.company.kvk_nummer, "Kerkstraat")
    for model in (Entrepreneur, Company, Casus):
        for row in model.history.all().values():
            assert not any(s in str(v) for v in row.values() for s in secrets), model
    for row in busy_casus.referrals.model.history.all().values():
        assert "Karin" not in str(row)
    # Existing monitoring events are untouched; only the closing of the open case was added.
    assert {e["kind"] for e in events_before} == {"advice_given", "first_contact"}
    after = list(MonitoringEvent.objects.order_by("pk").values())
    assert after[: len(events_before)] == events_before
    assert [e["kind"] for e in after[len(events_before) :]] == ["case_closed"]
    assert not person.consents.filter(withdrawn_at=None).exists()


def test_erasing_a_closed_case_leaves_monitoring_totals_equal(client, advisor_a):
    casus = CasusFactory(advisor=advisor_a, status="toegewezen")
    handling.casus_close(casus=casus, outcome="geholpen")
    before = MonitoringEvent.objects.count()
    token = mijn_gegevens_token(casus.entrepreneur)
    url = reverse("cases:mijn_gegevens_erase", args=[token])
    assert client.get(url).status_code == 200
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    assert Entrepreneur.objects.get().anonymised_at is not None
    assert MonitoringEvent.objects.count() == before
    assert client.get(reverse("cases:mijn_gegevens", args=[token])).status_code == 404


def test_withdrawing_research_consent_takes_the_scan_out_of_research(client, busy_casus):
    scan = busy_casus.scan
    scan.research_consent_at = timezone.now()
    scan.save()
    token = mijn_gegevens_token(busy_casus.entrepreneur)
    client.post(reverse("cases:mijn_gegevens_withdraw", args=[token]), {"purpose": "research"})
    scan.refresh_from_db()
    assert scan.research_consent_at is None
    assert Entrepreneur.objects.get().anonymised_at is None


def test_withdrawing_the_partner_consent_blocks_new_referrals(client, busy_casus, partner):
    from cases.exceptions import ConsentRequired
    from cases.services.referrals import referral_create

    token = mijn_gegevens_token(busy_casus.entrepreneur)
    client.post(
        reverse("cases:mijn_gegevens_withdraw", args=[token]), {"purpose": "share_with_partner"}
    )
    with pytest.raises(ConsentRequired):
        referral_create(casus=busy_casus, partner=partner, reason="nog een")


def test_an_expired_link_is_a_404(client, busy_casus, time_machine):
    token = mijn_gegevens_token(busy_casus.entrepreneur)
    time_machine.move_to(timezone.now() + datetime.timedelta(days=400))
    assert client.get(reverse("cases:mijn_gegevens", args=[token])).status_code == 404


def test_retention_anonymises_only_old_closed_cases_and_is_idempotent(advisor_a, settings):
    settings.SCHAKELTEAM_CASE_RETENTION_DAYS = 30
    old = CasusFactory(advisor=advisor_a, status="toegewezen")
    handling.casus_close(casus=old, outcome="geholpen")
    Casus.objects.filter(pk=old.pk).update(closed_at=timezone.now() - datetime.timedelta(days=31))
    recent = CasusFactory(advisor=advisor_a, status="toegewezen")
    handling.casus_close(casus=recent, outcome="geholpen")
    open_ = CasusFactory()
    before = MonitoringEvent.objects.count()

    assert casus_retention_apply() == {"casussen": 1, "entrepreneurs": 1}
    old.refresh_from_db()
    recent.refresh_from_db()
    open_.refresh_from_db()
    assert old.question == "" and old.entrepreneur.name == ""
    assert recent.question and open_.question
    assert casus_retention_apply() == {"casussen": 0, "entrepreneurs": 0}
    assert MonitoringEvent.objects.count() == before


def test_the_retention_command_reports_its_counts(capsys):
    call_command("apply_case_retention")
    assert "Anonymised 0 case(s)" in capsys.readouterr().out
