"""Erasing people never moves a reported figure: events hold no link to a person or company record."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction

from schakelteam.monitoring.dashboard import figures_build, kpi_list
from schakelteam.monitoring.models import MonitoringEvent
from schakelteam.monitoring.periods import period_parse
from tests.monitoring.factories import monitoring_dataset
from tests.organisation.factories import UserFactory

pytestmark = pytest.mark.django_db

PERSONAL_APPS = ["cases", "scan"]


def test_events_have_no_field_that_points_at_a_person():
    for field in MonitoringEvent._meta.get_fields():
        if isinstance(field, models.ForeignKey):
            assert field.related_model._meta.app_label == "organisation"
            assert field.related_model.__name__ in {"Regio", "Gemeente", "Partner"}
        assert not any(
            word in field.name for word in ("email", "name", "kvk", "phone", "note", "user")
        )


def _delete_everything_personal() -> None:
    """Delete every row of the apps that hold people and their companies, and every user."""
    targets = [
        m
        for label in PERSONAL_APPS
        if label in apps.app_configs
        for m in apps.get_app_config(label).get_models()
    ]
    for _ in range(len(targets) + 1):
        for model in targets:
            try:
                with transaction.atomic():
                    model._default_manager.all().delete()
            except (models.ProtectedError, models.RestrictedError, IntegrityError):
                continue
    get_user_model().objects.all().delete()


def test_deleting_people_and_their_cases_leaves_every_figure_equal():
    data = monitoring_dataset()
    UserFactory.create_batch(3)
    kpis = kpi_list(data["regio"])
    year = period_parse("2025", None)
    before = figures_build(year, data["regio"], kpis)
    events_before = MonitoringEvent.objects.count()

    _delete_everything_personal()

    assert MonitoringEvent.objects.count() == events_before
    assert figures_build(year, data["regio"], kpis) == before
