"""Public forms of the kennisbank: overview filters, site search and event registration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kennisbank.constants import RegelingKind, RegelingLevel

MAX_QUERY_LENGTH = 200


class RegelingFilterForm(forms.Form):
    """GET filters of the regeling overview; an invalid value is dropped with a message, never a 500."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *RegelingKind.choices]
    )
    niveau = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *RegelingLevel.choices]
    )
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    open = forms.BooleanField(label=_("Only regelingen open now"), required=False)

    def __init__(self, *args, themes=(), gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *themes]
        self.fields["gemeente"].choices = [("", _("All municipalities")), *gemeenten]

    def filters(self) -> dict:
        """The valid filters only; call after is_valid()."""
        data = getattr(self, "cleaned_data", {})
        return {key: value for key, value in data.items() if value}


class SimpleFilterForm(forms.Form):
    """One optional choice (theme or gemeente) for the smaller overviews."""

    def __init__(self, *args, name: str, label, choices, empty_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[name] = forms.ChoiceField(
            label=label, required=False, choices=[("", empty_label), *choices]
        )
        self.name = name

    def value(self) -> str:
        return getattr(self, "cleaned_data", {}).get(self.name, "")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    type = forms.ChoiceField(label=_("Type of page"), required=False)

    def __init__(self, *args, type_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All pages")), *type_choices]


class EventRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send nothing else to this address unless you allow it below."),
    )
    organisation = forms.CharField(
        label=_("Company or organisation"), max_length=200, required=False
    )
    consent_contact = forms.BooleanField(
        label=_("You may contact me about this meeting (for example if the time changes)."),
        required=False,
    )
    # Honeypot: people never see or fill this; bots do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())
