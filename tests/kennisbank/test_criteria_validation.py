"""A criterion whose value does not fit its fact or operator is refused at the field, clearly."""

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from kennisbank.models import RegelingCriterion
from tests.organisation.factories import GemeenteFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def criterion(**kwargs):
    return RegelingCriterion(**kwargs)


@pytest.mark.parametrize(
    ("fact", "operator", "value", "field", "message"),
    [
        ("medewerkers", "lte", "tien", "value", "needs a whole number"),
        ("medewerkers", "lte", 2.5, "value", "needs a whole number"),
        ("medewerkers", "lte", -1, "value", "between 0 and"),
        ("medewerkers", "lte", 10**20, "value", "between 0 and"),
        ("medewerkers", "in", 5, "value", "needs a list"),
        ("medewerkers", "between", [10, 2], "value", "low number must come first"),
        ("medewerkers", "between", [1, 2, 3], "value", "exactly two numbers"),
        ("medewerkers", "eq", [1, 2], "value", "single value"),
        ("sector_sbi", "eq", "Z", "value", "not an SBI section"),
        ("sector_sbi", "eq", "04", "value", "not an SBI section"),
        ("rechtsvorm", "eq", "bvba", "value", "not a known value"),
        ("gemeente", "eq", "atlantis", "value", "not a known value"),
        ("rechtsvorm", "lt", "bv", "operator", "cannot be used"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_at_the_field(fact, operator, value, field, message):
    item = criterion(fact=fact, operator=operator, value=value)

    # Messages are checked against their English source text; the site default is Dutch.
    with override("en"), pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["page", "sort_order"])

    assert field in error.value.message_dict
    with override("en"):
        assert message in " ".join(error.value.message_dict[field])


@pytest.mark.parametrize(
    ("fact", "operator", "value", "normalised"),
    [
        ("medewerkers", "lte", 10, 10),
        ("medewerkers", "lte", "10", 10),
        ("medewerkers", "between", "2, 10", [2, 10]),
        ("sector_sbi", "in", "c, 62", ["C", "62"]),
        ("sector_sbi", "eq", 1, "01"),
        ("rechtsvorm", "not_in", ["stichting", "vereniging"], ["stichting", "vereniging"]),
        ("fase", "eq", " starten ", "starten"),
    ],
)
def test_a_fitting_value_is_accepted_in_its_canonical_form(fact, operator, value, normalised):
    item = criterion(fact=fact, operator=operator, value=value)

    item.full_clean(exclude=["page", "sort_order"])

    assert item.value == normalised


def test_database_values_like_gemeenten_and_themes_are_allowed():
    GemeenteFactory(slug="almere", name="Almere")
    ThemeFactory(slug="innovatie")

    place = criterion(fact="gemeente", operator="eq", value="almere")
    need = criterion(fact="thema_behoefte", operator="in", value="innovatie")
    province = criterion(fact="regio", operator="eq", value="Flevoland")
    for item in (place, need, province):
        item.full_clean(exclude=["page", "sort_order"])


def test_the_admin_form_takes_plain_text_and_reports_at_the_value_field():
    from kennisbank.eligibility_fields import CriterionValueFormField

    field = CriterionValueFormField()

    assert field.clean("bv") == "bv"
    assert field.clean("10") == 10
    assert field.clean('["bv", "nv"]') == ["bv", "nv"]
    assert field.prepare_value("bv") == "bv"
    assert field.prepare_value([2, 10]) == "[2, 10]"
