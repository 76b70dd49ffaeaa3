"""Open data: average domain scores come only from submitted scans with research consent, and an
average over fewer than k scans is hidden."""

import pytest
from django.utils import timezone

from schakelteam.monitoring.opendata import domain_scores

pytestmark = pytest.mark.django_db
scan_factories = pytest.importorskip("tests.scan.factories")


def _scan(definition, geld, mensen=None, *, consent=True, submitted=True):
    from scan.models import ScanResponse

    domains = {"geld": {"now": geld, "future": geld + 10, "need": 10}}
    if mensen is not None:
        domains["mensen"] = {"now": mensen, "future": None, "need": None}
    now = timezone.now()
    return ScanResponse.objects.create(
        definition=definition,
        size_class="5-10",
        sbi_section="G",
        facts_done=True,
        submitted_at=now if submitted else None,
        research_consent_at=now if consent else None,
        result={"domains": domains},
    )


def test_only_consented_submitted_scans_count_and_small_groups_are_hidden():
    definition = scan_factories.definition_published(scan_factories.small_spec())
    _scan(definition, 40, 10)
    _scan(definition, 60, 30)
    _scan(definition, 80)
    _scan(definition, 0, 0, consent=False)
    _scan(definition, 0, 0, submitted=False)

    rows = {r["domain"]: r for r in domain_scores(3)}

    assert rows["geld"]["now_average"] == 60.0 and rows["geld"]["now_count"] == 3
    assert rows["geld"]["future_average"] == 70.0
    assert rows["mensen"]["now_average"] is None  # two scans: under k
    assert rows["mensen"]["now_count"] is None
