"""Staff login forms: password first, then a code from the authenticator app or a recovery code."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AuthenticationForm):
    """Django's form: one error text for unknown user, wrong password and inactive account."""

    error_messages = {
        "invalid_login": _(
            "This combination of username and password is not correct. Note that both "
            "fields may be case-sensitive."
        ),
        "inactive": _(
            "This combination of username and password is not correct. Note that both "
            "fields may be case-sensitive."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.widget.attrs.update({"autocomplete": "username"})
        # Django sets max_length after the field is built, so no validator enforces it: an overlong
        # name would reach authenticate() and the lockout log's 255-character column.
        username.validators.append(MaxLengthValidator(username.max_length))
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class OtpTokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class OtpEnrolForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        help_text=_("Enter the six digits the app shows after you added the key."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
