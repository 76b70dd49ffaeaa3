"""Fixtures of the cases tests: one region with a gemeente, themes, and a person for every role."""

import pytest
from django.utils import timezone

from schakelteam.accounts.constants import LinkPurpose
from schakelteam.accounts.roles import Role
from schakelteam.accounts.tokens import magic_link_issue
from tests.organisation.factories import GemeenteFactory, PartnerFactory, ThemeFactory, UserFactory

from .factories import AdvisorFactory, PartnerContactFactory


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what the block scheduled for after its commit (mails, monitoring
    events) when it ends, as the real commit would: each test runs in a transaction that never
    commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def almere():
    return GemeenteFactory()


@pytest.fixture
def themes():
    return [ThemeFactory(slug="personeel"), ThemeFactory(slug="financiering")]


@pytest.fixture
def coordinator():
    return UserFactory(role=Role.COORDINATOR, username="coordinator")


@pytest.fixture
def advisor_a(almere, themes):
    advisor = AdvisorFactory(user__username="advisor_a", user__first_name="Anna")
    advisor.themes.set(themes[:1])
    advisor.gemeenten.set([almere])
    return advisor


@pytest.fixture
def advisor_b():
    return AdvisorFactory(user__username="advisor_b", user__first_name="Bram")


@pytest.fixture
def partner():
    return PartnerFactory(name="Ondernemersloket Almere")


@pytest.fixture
def partner_contact(partner):
    return PartnerContactFactory(partner=partner, user__username="partner_contact")


@pytest.fixture
def other_partner_contact():
    return PartnerContactFactory(user__username="other_partner_contact")


@pytest.fixture
def editor():
    return UserFactory(role=Role.EDITOR, username="editor")


@pytest.fixture
def scan_submitted(almere, themes):
    """A submitted scan and its result token, as the scan app hands them out."""
    from scan.models import ScanDefinition, ScanResponse

    definition = ScanDefinition.objects.create(name="Bedrijfsscan test")
    scan = ScanResponse.objects.create(
        definition=definition,
        size_class="5-10",
        sbi_section="C",
        postcode="1315",
        gemeente=almere,
        submitted_at=timezone.now(),
        result={
            "domains": {"personeel": {"now": 40, "future": 70, "need": 30}},
            "attention_themes": ["personeel"],
            "direction": "groeien",
        },
    )
    scan.help_themes.set(themes[1:])
    token = magic_link_issue(purpose=LinkPurpose.SCAN_RESULT, subject_uuid=scan.uuid).raw_token
    return scan, token


def mijn_gegevens_token(entrepreneur) -> str:
    return magic_link_issue(
        purpose=LinkPurpose.MIJN_GEGEVENS, subject_uuid=entrepreneur.uuid
    ).raw_token


def intake_post_data(**overrides) -> dict:
    import uuid

    data = {
        "idempotency_key": str(uuid.uuid4()),
        "name": "Fatima de Vries",
        "email": "fatima@bakkerij.example",
        "phone": "06 12345678",
        "preferred_channel": "phone",
        "preferred_times": "ochtend",
        "company_name": "Bakkerij De Vries",
        "kvk_nummer": "12345678",
        "postcode": "1315 AB",
        "employees": "4",
        "sbi_section": "G",
        "question": "Ik wil een tweede winkel openen en zoek financiering.",
        "consent_contact": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
