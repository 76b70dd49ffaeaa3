"""In the page editor, a criterion whose value does not fit its fact is refused at its value field."""

import pytest
from django.utils.translation import override

from kennisbank.models import RegelingPage
from tests.kennisbank.regelingencheck_factories import regeling_make, site_ready  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_ready")]


def edit_form(page, criterion: dict):
    form_class = RegelingPage.get_edit_handler().get_form_class()
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body-count": "0",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-ORDER": "1",
        "criteria-0-knockout": "on",
        **{f"criteria-0-{k}": v for k, v in criterion.items()},
    }
    return form_class(data, instance=page, for_user=None)


@pytest.mark.parametrize(
    ("criterion", "message"),
    [
        ({"fact": "medewerkers", "operator": "lte", "value": "tien"}, "whole number"),
        ({"fact": "sector_sbi", "operator": "eq", "value": "Z"}, "SBI section"),
        ({"fact": "medewerkers", "operator": "between", "value": "10"}, "list"),
    ],
)
def test_a_bad_value_is_refused_at_the_value_field(criterion, message):
    page = regeling_make(title="Iets")

    form = edit_form(page, criterion)

    # Messages are checked against their English source text; the site default is Dutch.
    with override("en"):
        assert not form.is_valid()
        errors = form.formsets["criteria"].forms[0].errors
        assert message in " ".join(errors["value"])


def test_a_plain_text_value_is_accepted_and_stored_canonically():
    page = regeling_make(title="Iets")

    form = edit_form(page, {"fact": "rechtsvorm", "operator": "in", "value": "bv, nv"})

    assert form.is_valid(), form.errors
    assert form.formsets["criteria"].forms[0].instance.value == ["bv", "nv"]
