from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from accounts.factors import is_throttled, verify_code

WRONG_CODE = _("Der Code stimmt nicht oder ist abgelaufen. Bitte geben Sie den aktuellen Code ein.")
THROTTLED = _("Zu viele falsche Codes hintereinander. Bitte warten Sie einen Moment und versuchen Sie es erneut.")


# Longer passwords are no safer and cost hashing time; 1,024 characters leave room for any password manager.
PASSWORD_MAX_LENGTH = 1024


class BoundedLoginMixin:
    """Overlong input is a field error before anything is looked up or counted: the user name would not fit the
    lock-out table (a 500 on PostgreSQL) and a megabyte password would tie up a worker hashing it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].validators.append(MaxLengthValidator(self.fields["username"].max_length))
        self.fields["password"].validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))
        self.fields["password"].widget.attrs["maxlength"] = PASSWORD_MAX_LENGTH


class LoginForm(BoundedLoginMixin, AuthenticationForm):
    pass


class AdminLoginForm(BoundedLoginMixin, AdminAuthenticationForm):
    pass


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("label", _("Code"))
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"})


class SecondFactorForm(forms.Form):
    """The login's second step: a code from the app or one recovery code."""

    code = CodeField(help_text=_("Sechs Ziffern aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes."))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        # Asked before trying: after a wrong code the throttle holds at once, which is no reason to say "too many".
        if is_throttled(self.user, code):
            raise forms.ValidationError(THROTTLED)
        self.device = verify_code(self.user, code)
        if self.device is None:
            raise forms.ValidationError(WRONG_CODE)
        return code


class SetupForm(forms.Form):
    """Confirms that the app shows the codes of the secret it was given."""

    code = CodeField(help_text=_("Die sechs Ziffern, die Ihre App jetzt anzeigt."))

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not self.device.verify_is_allowed()[0]:
            raise forms.ValidationError(THROTTLED)
        if not self.device.verify_token(code):
            raise forms.ValidationError(WRONG_CODE)
        return code
