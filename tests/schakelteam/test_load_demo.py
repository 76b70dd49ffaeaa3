"""`load_demo` fills an empty database and a second run changes nothing."""

import pytest
from django.core.management import call_command

from schakelteam.organisation.models import Gemeente, Partner, Theme

pytestmark = pytest.mark.django_db


def test_load_demo_twice_gives_the_same_organisation():
    call_command("load_demo", stdout=None)
    counts = (Gemeente.objects.count(), Theme.objects.count(), Partner.objects.count())

    call_command("load_demo", stdout=None)

    assert counts == (Gemeente.objects.count(), Theme.objects.count(), Partner.objects.count())
    assert counts[0] == 6
    assert counts[2] == 30
    assert Theme.objects.filter(locale__language_code="en", name="Finance").exists()
