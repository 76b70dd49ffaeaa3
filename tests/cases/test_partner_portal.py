"""The partner portal: accept or decline with a reason, report the outcome; the advisor hears of it."""

import pytest
from django.core import mail
from django.urls import reverse

from cases.constants import ReferralStatus
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent
from tests.helpers import staff_login

from .factories import ReferralFactory

pytestmark = pytest.mark.django_db


def test_declining_needs_a_reason(client, partner, partner_contact, committed):
    referral = ReferralFactory(partner=partner)
    staff_login(client, partner_contact.user)
    url = reverse("cases:referral_respond", args=[referral.uuid])
    client.post(url, {"respond-decision": "decline", "respond-reason": ""})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT
    with committed():
        client.post(url, {"respond-decision": "decline", "respond-reason": "Geen capaciteit."})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert MonitoringEvent.objects.get(kind=EventKind.REFERRAL_DECLINED).partner == partner
    assert mail.outbox[-1].to == [referral.casus.advisor.user.email]
    assert "Geen capaciteit." in mail.outbox[-1].body


def test_an_outcome_can_only_follow_an_acceptance(client, partner, partner_contact):
    referral = ReferralFactory(partner=partner)
    staff_login(client, partner_contact.user)
    client.post(
        reverse("cases:referral_outcome", args=[referral.uuid]), {"outcome-outcome": "helped"}
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.SENT


def test_an_answered_referral_cannot_be_answered_again(client, partner, partner_contact, committed):
    referral = ReferralFactory(partner=partner)
    staff_login(client, partner_contact.user)
    url = reverse("cases:referral_respond", args=[referral.uuid])
    with committed():
        client.post(url, {"respond-decision": "accept"})
    with committed():
        client.post(url, {"respond-decision": "decline", "respond-reason": "toch niet"})
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert MonitoringEvent.objects.filter(kind=EventKind.REFERRAL_ACCEPTED).count() == 1


def test_an_advisor_can_see_but_not_answer_a_referral(client, partner):
    referral = ReferralFactory(partner=partner)
    staff_login(client, referral.casus.advisor.user)
    assert client.get(reverse("cases:referral_detail", args=[referral.uuid])).status_code == 200
    response = client.post(
        reverse("cases:referral_respond", args=[referral.uuid]), {"respond-decision": "accept"}
    )
    assert response.status_code == 403
