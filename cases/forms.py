"""Forms: validate input, no side effects. Consent is one unticked checkbox per purpose."""

import uuid

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cases.models import kvk_nummer_clean, kvk_nummer_validate
from kennisbank.selectors import regeling_list
from schakelteam.organisation.constants import SbiSection, SizeClass
from schakelteam.organisation.models import Advisor
from schakelteam.organisation.selectors import partner_list, postcode_normalise, theme_list

from .constants import (
    AppointmentKind,
    CasusOutcome,
    CasusStatus,
    ConsentPurpose,
    ContactChannel,
    ReferralOutcome,
)
from .selectors import consent_texts_active, mentor_list

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{6,20}$", _("Enter a phone number, e.g. 06 12345678.")
)


def consent_field_name(purpose: str) -> str:
    return f"consent_{purpose}"


class HoneypotForm(forms.Form):
    """Rendered off-screen; people leave it empty, spam robots fill it in."""

    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def is_spam(self) -> bool:
        return self.is_valid() and bool(self.cleaned_data["website"])


MAX_PK = 2**63 - 1


def _pk_ok(value) -> bool:
    """A primary key the database can take; a 20-digit number must not reach SQLite."""
    try:
        return 0 < int(str(value)) <= MAX_PK
    except ValueError:
        return False


class SafeMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _pk_ok(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(pk)[:20]},
                )
        return super()._check_values(value)


class SafeChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _pk_ok(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ThemeChoiceField(SafeMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.localized.name


class IntakeForm(forms.Form):
    """A conversation request or a digital question, in the entrepreneur's own words."""

    # Which consent purposes the form asks; the scan purposes only when a scan comes along.
    purposes = [
        ConsentPurpose.CONTACT,
        ConsentPurpose.SHARE_WITH_PARTNER,
        ConsentPurpose.FOLLOW_UP,
    ]
    scan_purposes = [ConsentPurpose.SHARE_SCAN, ConsentPurpose.RESEARCH]
    contact_required_message = _(
        "We can only help you if we may contact you about this request. Tick the first box."
    )

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(
        label=_("Phone number"), max_length=30, required=False, validators=[phone_validator]
    )
    preferred_channel = forms.ChoiceField(
        label=_("How would you like us to contact you?"),
        choices=ContactChannel.choices,
        initial=ContactChannel.EMAIL,
        widget=forms.RadioSelect,
    )
    preferred_times = forms.CharField(
        label=_("When are you easiest to reach?"),
        max_length=200,
        required=False,
        help_text=_("For example: weekday mornings, or after 4 pm."),
    )
    company_name = forms.CharField(label=_("Company name"), max_length=200)
    kvk_nummer = forms.CharField(
        label=_("KvK number"),
        max_length=20,
        required=False,
        help_text=_("The 8 digits of your Chamber of Commerce registration, if you have one."),
    )
    postcode = forms.CharField(
        label=_("Postcode of your company"), max_length=10, help_text=_("For example: 1315 AB.")
    )
    employees = forms.IntegerField(
        label=_("How many people work in your company, you included?"),
        min_value=1,
        max_value=1_000_000,
        required=False,
    )
    size_class = forms.ChoiceField(
        label=_("Or choose the size of your company"),
        choices=[("", "—"), *SizeClass.choices],
        required=False,
    )
    sbi_section = forms.ChoiceField(
        label=_("Sector"), choices=[("", "—"), *SbiSection.choices], required=False
    )
    themes = ThemeChoiceField(
        label=_("What would you like help with?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    question = forms.CharField(
        label=_("Your question, in your own words"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, with_scan: bool = False, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = theme_list()
        self.consent_texts = consent_texts_active()
        purposes = [
            *self.purposes[:1],
            *(self.scan_purposes if with_scan else []),
            *self.purposes[1:],
        ]
        self.consent_purposes = [p for p in purposes if p in self.consent_texts]
        for purpose in self.consent_purposes:
            self.fields[consent_field_name(purpose)] = forms.BooleanField(
                label=self.consent_label(purpose),
                required=False,
                initial=False,
            )

    def consent_label(self, purpose: str) -> str:
        return self.consent_texts[purpose].text

    def consent_fields(self):
        return [self[consent_field_name(p)] for p in self.consent_purposes]

    def clean_kvk_nummer(self) -> str:
        value = self.cleaned_data["kvk_nummer"]
        if value:
            kvk_nummer_validate(value)
        return kvk_nummer_clean(value)

    def clean_postcode(self) -> str:
        normalised = postcode_normalise(self.cleaned_data["postcode"])
        if normalised is None:
            raise forms.ValidationError(_("Enter a Dutch postcode: four digits and two letters."))
        return normalised

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(consent_field_name(ConsentPurpose.CONTACT)):
            self.add_error(
                consent_field_name(ConsentPurpose.CONTACT), self.contact_required_message
            )
        if cleaned.get("preferred_channel") in (
            ContactChannel.PHONE,
            ContactChannel.VIDEO,
        ) and not cleaned.get("phone"):
            self.add_error("phone", _("Give a phone number so we can call you."))
        return cleaned

    def consents_given(self) -> set[str]:
        return {p for p in self.consent_purposes if self.cleaned_data.get(consent_field_name(p))}


class QuestionForm(IntakeForm):
    """A digital question: answered by e-mail, so phone and call times are optional extras."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("preferred_channel", "preferred_times"):
            del self.fields[name]
        self.fields["question"].label = _("Your question")


class PhoneIntakeForm(IntakeForm):
    """Staff fill this in during a call; each box records consent given by phone."""

    purposes = [*IntakeForm.purposes]
    contact_required_message = _(
        "Ask for permission to contact them about this request; without it nothing is stored."
    )

    def consent_label(self, purpose: str) -> str:
        return _("The entrepreneur agreed by phone to: %(text)s") % {
            "text": self.consent_texts[purpose].text
        }


class AssignForm(forms.Form):
    advisor = SafeChoiceField(label=_("Advisor"), queryset=None)

    def __init__(self, *args, advisors: QuerySet[Advisor], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors


class AppointmentForm(forms.Form):
    prefix = "appointment"

    kind = forms.ChoiceField(
        label=_("Kind"), choices=AppointmentKind.choices, widget=forms.RadioSelect
    )
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=15, max_value=480, initial=60
    )
    location = forms.CharField(label=_("Address or video link"), max_length=300, required=False)


class NoteForm(forms.Form):
    prefix = "note"

    text = forms.CharField(
        label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegelingChoiceField(SafeMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class AdviceForm(forms.Form):
    prefix = "advice"

    text = forms.CharField(
        label=_("Advice given"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    regelingen = RegelingChoiceField(
        label=_("Regelingen offered"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regelingen"].queryset = regeling_list()


class ReferralForm(forms.Form):
    partner = SafeChoiceField(label=_("Partner organisation"), queryset=None, required=False)
    mentor = SafeChoiceField(
        label=_("Or a mentor from the ondernemerspoule"), queryset=None, required=False
    )
    reason = forms.CharField(
        label=_("Why this referral"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("This text is sent to the partner along with the shared details."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partner_list()
        self.fields["mentor"].queryset = mentor_list()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("partner")) == bool(cleaned.get("mentor")):
            raise forms.ValidationError(_("Choose either a partner organisation or a mentor."))
        return cleaned


class CloseForm(forms.Form):
    prefix = "close"

    outcome = forms.ChoiceField(label=_("Outcome"), choices=CasusOutcome.choices)


class AnswerForm(forms.Form):
    prefix = "answer"

    answer = forms.CharField(
        label=_("Your answer (sent by e-mail)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class QuestionPageForm(forms.Form):
    prefix = "qa"

    title = forms.CharField(label=_("Question as it will appear in the kennisbank"), max_length=255)
    short_answer = forms.CharField(
        label=_("Answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Remove names, company details and anything else that points to a person."),
    )


class ReferralRespondForm(forms.Form):
    prefix = "respond"

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required when declining)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Tell the advisor why you decline."))
        return cleaned


class ReferralOutcomeForm(forms.Form):
    prefix = "outcome"

    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReferralOutcome.choices)
    note = forms.CharField(
        label=_("Explanation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CasusFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *CasusStatus.choices]


class SatisfactionForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the help you received?"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
