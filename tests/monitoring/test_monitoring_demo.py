"""The monitoring demo loads the deal's countable targets, demo indicators and events, idempotently."""

import pytest

from schakelteam.demo.generate import events_generate
from schakelteam.demo.loader import monitoring_load, organisation_load
from schakelteam.monitoring.dashboard import deal_of, figures_build, kpi_list
from schakelteam.monitoring.models import KpiDefinition, MonitoringEvent, RegionalIndicator
from schakelteam.organisation.models import Regio

pytestmark = pytest.mark.django_db


def test_demo_monitoring_twice_changes_nothing_and_fills_the_dashboard():
    organisation_load()
    monitoring_load()
    counts = (
        KpiDefinition.objects.count(),
        RegionalIndicator.objects.count(),
        MonitoringEvent.objects.count(),
    )
    monitoring_load()
    assert counts == (
        KpiDefinition.objects.count(),
        RegionalIndicator.objects.count(),
        MonitoringEvent.objects.count(),
    )
    assert KpiDefinition.objects.get(slug="flev-bijeenkomsten-per-gemeente").target == 2
    assert not RegionalIndicator.objects.filter(is_demo=False).exists()
    assert MonitoringEvent.objects.count() >= 6000

    regio = Regio.objects.get(slug="flevoland")
    kpis = kpi_list(regio)
    figures = figures_build(deal_of(kpis), regio, kpis)
    share = next(k for k in figures["kpis"] if k["slug"] == "flev-klein-mkb-ondersteund-pct")
    assert share["unit"] == "%" and 0 < share["actual"] < 100
    assert figures["sla"]["share"] > 50
    assert figures["funnel"] and figures["satisfaction"]["count"] > 0
    assert len(figures["breakdowns"]["theme"]) >= 5


def test_events_generate_makes_about_n_events():
    organisation_load()
    made = events_generate(500, seed=1)
    assert 500 <= made < 600
    assert MonitoringEvent.objects.count() == made


def test_editors_may_manage_regional_figures_and_coordinators_also_kpis():
    from django.contrib.auth.models import Group

    from schakelteam.accounts.roles import ROLE_GROUPS, Role

    organisation_load()
    monitoring_load()
    editors = Group.objects.get(name=ROLE_GROUPS[Role.EDITOR])
    coordinators = Group.objects.get(name=ROLE_GROUPS[Role.COORDINATOR])
    editor_perms = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_regionalindicator", "change_regionalindicator", "access_admin"} <= editor_perms
    assert "change_kpidefinition" not in editor_perms
    assert "change_kpidefinition" in set(
        coordinators.permissions.values_list("codename", flat=True)
    )
