from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.factors import is_throttled, verify_code

WRONG_CODE = _("Der Code stimmt nicht oder ist abgelaufen. Bitte geben Sie den aktuellen Code ein.")
THROTTLED = _("Zu viele falsche Codes hintereinander. Bitte warten Sie einen Moment und versuchen Sie es erneut.")


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
        self.device = verify_code(self.user, code)
        if self.device is None:
            raise forms.ValidationError(THROTTLED if is_throttled(self.user, code) else WRONG_CODE)
        return code


class SetupForm(forms.Form):
    """Confirms that the app shows the codes of the secret it was given."""

    code = CodeField(help_text=_("Die sechs Ziffern, die Ihre App jetzt anzeigt."))

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not self.device.verify_token(code):
            allowed, _details = self.device.verify_is_allowed()
            raise forms.ValidationError(WRONG_CODE if allowed else THROTTLED)
        return code
