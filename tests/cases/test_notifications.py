"""E-mail notifications go out from tasks, in the entrepreneur's language; follow-up invitations and
satisfaction links work once and only with consent."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cases.constants import ConsentPurpose
from cases.models import Casus, Satisfaction
from cases.services import handling
from cases.services.followup import followup_invitations_send
from schakelteam.events import EventKind
from schakelteam.monitoring.models import MonitoringEvent

from .factories import CasusFactory

pytestmark = pytest.mark.django_db


def _closed(advisor, committed, **kwargs) -> Casus:
    casus = CasusFactory(advisor=advisor, status="toegewezen", **kwargs)
    with committed():
        handling.casus_close(casus=casus, outcome="geholpen")
    return casus


def test_the_closing_mail_is_in_the_entrepreneurs_language(advisor_a, committed):
    _closed(advisor_a, committed, company__entrepreneur__language="en")
    message = mail.outbox[-1]
    assert message.subject == "Your request to the MKB Schakelteam has been closed"
    assert "/en/tevredenheid/" in message.body and "/en/mijn-gegevens/" in message.body


def test_the_satisfaction_link_records_one_score(client, advisor_a, committed):
    _closed(advisor_a, committed)
    path = re.search(r"https?://[^/]+(/tevredenheid/\S+/)", mail.outbox[-1].body).group(1)
    assert client.get(path).status_code == 200
    with committed():
        client.post(path, {"score": "4"})
        client.post(path, {"score": "1"})
    assert Satisfaction.objects.get().score == 4
    assert MonitoringEvent.objects.get(kind=EventKind.SATISFACTION_GIVEN).value == 4
    assert client.get("/tevredenheid/tampered/").status_code == 404


def test_a_score_outside_one_to_five_is_refused(client, advisor_a, committed):
    _closed(advisor_a, committed)
    path = re.search(r"https?://[^/]+(/tevredenheid/\S+/)", mail.outbox[-1].body).group(1)
    assert client.post(path, {"score": "9"}).status_code == 200
    assert not Satisfaction.objects.exists()


def test_follow_up_invitations_go_once_and_only_with_consent(
    advisor_a, settings, scan_submitted, committed
):
    scan, _ = scan_submitted
    settings.SCHAKELTEAM_FOLLOWUP_DAYS = 30
    wanted = _closed(
        advisor_a, committed, consents=[ConsentPurpose.CONTACT, ConsentPurpose.FOLLOW_UP], scan=scan
    )
    _closed(advisor_a, committed)  # no follow-up consent
    Casus.objects.update(closed_at=timezone.now() - datetime.timedelta(days=31))
    mail.outbox.clear()

    with committed():
        assert followup_invitations_send() == 1
    assert mail.outbox[-1].to == [wanted.entrepreneur.email]
    from schakelteam.accounts.models import MagicLink

    assert MagicLink.objects.filter(purpose="vervolgscan", subject_uuid=scan.uuid).count() == 1
    with committed():
        assert followup_invitations_send() == 0
        call_command("send_followup_invitations")
    assert len(mail.outbox) == 1


def test_the_vervolgscan_invitation_links_to_the_site_in_the_entrepreneurs_language(
    advisor_a, settings, scan_submitted, committed
):
    scan, _ = scan_submitted
    settings.SCHAKELTEAM_FOLLOWUP_DAYS = 30
    _closed(
        advisor_a,
        committed,
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.FOLLOW_UP],
        scan=scan,
        company__entrepreneur__language="en",
    )
    Casus.objects.update(closed_at=timezone.now() - datetime.timedelta(days=31))
    mail.outbox.clear()

    with committed():
        followup_invitations_send()  # run from the Dutch back office

    assert re.search(r"https?://[^/]+/en/vervolgscan/\S+/", mail.outbox[-1].body)


def test_staff_notifications_reach_coordinators_advisors_and_partner_contacts(
    advisor_a, coordinator, partner, partner_contact, committed
):
    from cases.services.referrals import referral_create

    casus = CasusFactory(consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_WITH_PARTNER])
    with committed():
        handling.casus_assign(casus=casus, advisor=advisor_a)
        referral_create(casus=casus, partner=partner, reason="Personeel")
    recipients = [m.to for m in mail.outbox]
    assert [advisor_a.user.email] in recipients
    referral_mail = mail.outbox[-1]
    assert referral_mail.to == [partner_contact.user.email]
    assert (
        "/partnerportaal/" in referral_mail.body and casus.entrepreneur.email in referral_mail.body
    )
