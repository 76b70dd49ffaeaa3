"""An advisor preparing the conversation reads the shared scan in words: the names of the subjects,
the questions with the answers the entrepreneur chose, the direction and the attention points with
their advice; never the slugs the scan stores."""

import pytest
from django.urls import reverse

from cases.constants import CasusStatus, ConsentPurpose
from scan import services
from scan.models import Question
from tests.helpers import staff_login
from tests.scan.factories import definition_published

from .factories import CasusFactory

pytestmark = pytest.mark.django_db

ANSWERS = {
    "g1": "1",
    "g2": "2",
    "g-ambitie": "5",
    "m1": "4",
    "knel": "ja",
    "knel-welke": "Geen monteurs te vinden",
    "m-ambitie": "5",
}


def _scan_sent_by_entrepreneur():
    definition = definition_published()
    scan = services.scan_start(definition=definition)
    services.scan_facts_save(scan=scan, size_class="5-10", sbi_section="G", postcode="1315")
    questions = Question.objects.filter(domain__definition=definition, slug__in=ANSWERS)
    services.scan_answers_save(scan=scan, answers={q: ANSWERS[q.slug] for q in questions})
    scan, _token = services.scan_submit(scan=scan)
    return scan


@pytest.fixture
def casus_page(client, advisor_a):
    casus = CasusFactory(
        advisor=advisor_a,
        status=CasusStatus.TOEGEWEZEN,
        scan=_scan_sent_by_entrepreneur(),
        consents=[ConsentPurpose.CONTACT, ConsentPurpose.SHARE_SCAN],
    )
    staff_login(client, advisor_a.user)
    return client.get(reverse("cases:casus_detail", args=[casus.uuid])).content.decode()


def test_the_advisor_sees_subject_names_not_slugs(casus_page):
    assert 'scope="row">Geld</th>' in casus_page
    assert 'scope="row">Mensen</th>' in casus_page
    assert 'scope="row">geld</th>' not in casus_page


def test_the_advisor_reads_each_question_with_the_chosen_answer(casus_page):
    assert ">Zicht op geld?</dt>" in casus_page
    assert ">Slecht</dd>" in casus_page
    assert ">Knelpunt?</dt>" in casus_page and ">Ja</dd>" in casus_page
    assert ">Geen monteurs te vinden</dd>" in casus_page
    assert ">ja</dd>" not in casus_page and ">1</dd>" not in casus_page


def test_the_advisor_reads_the_direction_and_the_attention_points_with_advice(casus_page):
    assert "<strong>Groeien</strong>" in casus_page
    assert "<strong>groeien</strong>" not in casus_page
    assert "Standaard." in casus_page  # the reason of the rule that chose it
    assert "<strong>Geld</strong> (Aandachtspunt): Maak een kasoverzicht." in casus_page
