"""Which regelingen are live and offered has one definition (kennisbank.selectors.regeling_list):
the overview, the regelingencheck, the advisor's advice form, the editors' report and the open-data
export all offer the published Dutch pages, each once, and no drafts."""

import pytest
from wagtail.models import Locale

from cases.forms import AdviceForm
from kennisbank.importing import regelingen_export_json
from kennisbank.matching import regelingen_rules_load
from kennisbank.selectors import regeling_list, regelingen_attention
from tests.kennisbank.factories import RegelingPageFactory
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]


@pytest.fixture
def offered():
    """A published regeling with an English translation, next to a draft."""
    page = regeling_make(title="Klein", slug="klein")
    english = Locale.objects.get(language_code="en")
    page.get_parent().copy_for_translation(english, copy_parents=True)
    translation = page.copy_for_translation(english).specific
    translation.title, translation.slug = "Small firms", "small-firms"
    translation.save_revision().publish()
    RegelingPageFactory(title="Concept", live=False)
    return page


def test_the_advisor_offers_each_live_regeling_once(offered):
    choices = list(AdviceForm().fields["regelingen"].queryset)

    assert choices == [offered]


def test_every_door_offers_the_same_regelingen(offered):
    assert [page.title for page in regeling_list()] == ["Klein"]
    assert [item.title for item in regelingen_rules_load()] == ["Klein"]
    assert [row["title"] for row in regelingen_export_json()] == ["Klein"]
    assert sorted(r["title"] for r in regelingen_export_json(live_only=False)) == [
        "Concept",
        "Klein",
    ]


def test_the_editors_report_looks_at_the_offered_regelingen_only(offered):
    stale = regelingen_attention()["stale"]

    assert [page.title for page in stale] == ["Klein"]
