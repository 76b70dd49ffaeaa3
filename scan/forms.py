"""Forms of the scan flow: the company facts and one generated form per domain step."""

import re

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kennisbank.facts import LEGAL_FORMS
from schakelteam.organisation.constants import SbiSection, SizeClass
from schakelteam.organisation.selectors import postcode_normalise, theme_list

from .constants import TurnoverClass
from .scoring import QuestionSnap

MAX_NUMBER = 10**9
MAX_TEXT = 500


class HoneypotMixin(forms.Form):
    """A field people never see; bots fill it. The view then pretends all went well."""

    website = forms.CharField(
        required=False,
        max_length=200,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    @property
    def shown_fields(self) -> list:
        return [f for f in self if f.name != "website"]


class EmptyForm(HoneypotMixin):
    pass


class FactsForm(HoneypotMixin):
    size_class = forms.ChoiceField(
        label=_("How many people work in your company, yourself included?"),
        choices=SizeClass.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how many people work in your company.")},
    )
    sbi_section = forms.ChoiceField(
        label=_("In which sector does your company mainly work?"),
        choices=[("", _("Choose a sector"))] + list(SbiSection.choices),
        help_text=_(
            "Your registration at the KVK mentions your SBI code; its letter is the sector."
        ),
        error_messages={"required": _("Choose the sector of your company.")},
    )
    postcode = forms.CharField(
        label=_("Postcode of your (main) business address"),
        required=False,
        max_length=10,
        help_text=_(
            "For example 8232 AB. We only keep the four digits, to find your municipality."
        ),
    )
    founded_year = forms.IntegerField(
        label=_("In which year did your company start?"),
        required=False,
        min_value=1800,
        error_messages={"invalid": _("Enter a year, for example 2012.")},
    )
    legal_form = forms.ChoiceField(
        label=_("Legal form"),
        required=False,
        choices=[("", _("Choose a legal form"))] + list(LEGAL_FORMS) + [("anders", _("Other"))],
    )
    turnover_class = forms.ChoiceField(
        label=_("Roughly, what was your turnover last financial year?"),
        required=False,
        choices=[("", _("Choose"))] + list(TurnoverClass.choices),
    )
    help_themes = forms.ModelMultipleChoiceField(
        label=_("On which subjects would you like to know more or get help?"),
        queryset=theme_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.now().year
        self.fields["founded_year"].max_value = year
        self.fields["founded_year"].validators.append(MaxValueValidator(year))
        self.fields["help_themes"].queryset = theme_list()

    def clean_postcode(self) -> str:
        value = self.cleaned_data["postcode"].strip()
        if not value:
            return ""
        if re.fullmatch(r"[1-9][0-9]{3}", value):  # the four digits we kept last time
            return value
        normalised = postcode_normalise(value)
        if normalised is None:
            raise forms.ValidationError(_("Enter a Dutch postcode, for example 8232 AB."))
        return normalised


def _field_for(question: QuestionSnap) -> forms.Field:
    common = {"label": question.text, "required": False, "help_text": question.help_text}
    choices = [(o.value, o.label) for o in question.options]
    if question.kind == "multiple":
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if question.kind in {"scale", "single", "yes_no"}:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == "number":
        return forms.IntegerField(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, **common)
    return forms.CharField(max_length=MAX_TEXT, **common)


class DomainStepForm(HoneypotMixin):
    """The shown questions of one domain; answers are optional here and checked on submit."""

    def __init__(self, *args, questions: list[QuestionSnap], initial_answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            field = _field_for(q)
            if q.required:
                field.label_suffix = ""
            self.fields[f"q-{q.slug}"] = field
            value = initial_answers.get(q.slug)
            if value is not None:
                self.initial[f"q-{q.slug}"] = value

    def answers(self) -> dict[str, object]:
        """{slug: value or None}; text is stripped, an empty choice clears the answer."""
        out: dict[str, object] = {}
        for q in self.questions:
            value = self.cleaned_data.get(f"q-{q.slug}")
            if isinstance(value, str):
                value = value.strip() or None
            out[q.slug] = value if value not in ("", []) else None
        return out


class ResumeLinkForm(HoneypotMixin):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We only use it to send this one link and don't keep it."),
    )


class ConsentForm(forms.Form):
    research = forms.BooleanField(
        required=False,
        label=_(
            "Yes, the schakelteam may use my scan, without my name or contact details, in the "
            "regional research database and to compare companies."
        ),
    )
