"""The regelingencheck questionnaire: one field per fact the current criteria use, built from
kennisbank.facts so the questions, the criteria and the evaluation share one definition."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisbank.facts import FACTS, Choices, CompanyFacts, Fact, FactType, fact_choices

SHOW_NOT_FITTING = "past_niet"

_NUMBER = r"(\d{1,15})"
_EXACT = re.compile(rf"^{_NUMBER}$")
_RANGE = re.compile(rf"^{_NUMBER}\s*[-–]\s*{_NUMBER}$")
_OPEN = re.compile(rf"^{_NUMBER}\s*\+$")


class FactNumberField(forms.CharField):
    """A whole number (7), a range (5-10) or an open range (251+), as a scan's size class gives."""

    def __init__(self, *, maximum: int, **kwargs: Any) -> None:
        self.maximum = maximum
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict:
        return {**super().widget_attrs(widget), "inputmode": "numeric", "autocomplete": "off"}

    def to_python(self, value: Any) -> int | tuple[int, int | None] | None:
        text = super().to_python(value).replace(".", "").replace(" ", "")
        if not text:
            return None
        if len(text) > 40:
            raise forms.ValidationError(_("Enter a whole number, like 7, or a range, like 5-10."))
        if match := _EXACT.match(text):
            return self._checked(int(match.group(1)))
        if match := _RANGE.match(text):
            low, high = self._checked(int(match.group(1))), self._checked(int(match.group(2)))
            if low > high:
                raise forms.ValidationError(_("Put the lower number first, like 5-10."))
            return (low, high)
        if match := _OPEN.match(text):
            return (self._checked(int(match.group(1))), None)
        raise forms.ValidationError(_("Enter a whole number, like 7, or a range, like 5-10."))

    def _checked(self, number: int) -> int:
        if number > self.maximum:
            raise forms.ValidationError(
                _("Enter a number no larger than %(max)s."), params={"max": f"{self.maximum:,}"}
            )
        return number

    def prepare_value(self, value: Any) -> Any:
        return number_text(value) if isinstance(value, tuple | list) else value


def number_text(value: Any) -> str:
    """7 → "7", (5, 10) → "5-10", (251, None) → "251+"."""
    if isinstance(value, tuple | list) and len(value) == 2:
        low, high = value
        if high is None:
            return f"{low}+"
        return str(low) if low == high else f"{low}-{high}"
    return str(value)


def fact_field(fact: Fact, dynamic: dict[str, Choices]) -> forms.Field:
    common = {"label": fact.question, "required": False}
    if fact.type == FactType.INTEGER:
        help_text = _("A number, or a range such as 5-10. Leave empty if you don't know.")
        return FactNumberField(maximum=fact.maximum, help_text=help_text, **common)
    choices = [(str(v), label) for v, label in fact_choices(fact, dynamic)]
    if fact.type == FactType.MULTI_CHOICE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.ChoiceField(choices=[("", _("I don't know / skip"))] + choices, **common)


class RegelingencheckForm(forms.Form):
    """Only the answers travel in the URL; every field is optional (unknown → "maybe")."""

    def __init__(self, *args: Any, facts: list[Fact], dynamic: dict[str, Choices], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for fact in facts:
            self.fields[fact.key] = fact_field(fact, dynamic)
        self.fields[SHOW_NOT_FITTING] = forms.BooleanField(
            label=_("Also show the regelingen that do not fit, with the reason"), required=False
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        # A known fact that no criterion uses now is not asked and simply ignored (old links).
        allowed = set(self.fields) | set(FACTS)
        unknown = sorted(set(self.data) - allowed) if self.is_bound else []
        if unknown:
            names = ", ".join(name[:30] for name in unknown[:5])
            raise forms.ValidationError(
                _(
                    "These questions do not exist (anymore): %(names)s. Remove them from the address."
                ),
                params={"names": names},
            )
        return cleaned

    def facts(self) -> CompanyFacts:
        """The answered facts (unanswered ones stay unknown)."""
        return CompanyFacts.from_values(self.cleaned_data)
