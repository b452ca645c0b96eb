"""The public form of an in-house request: a company asks a provider for a course at its site, and may also ask a
counselling office for advice (then with that office's consent text too)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counselling.consent import CONSENT_TEXT
from offers.models import InhouseRequest
from partners.models import Partner

INHOUSE_CONSENT_VERSION = "2026-11-inhouse"
INHOUSE_CONSENT_TEXT = _(
    "Ich willige ein, dass der Anbieter meine Angaben speichert, um die Anfrage zu beantworten, und dass der "
    "Lotsendienst sie dafür weitergibt. Ich kann die Einwilligung jederzeit widerrufen."
)


class InhouseRequestForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=INHOUSE_CONSENT_TEXT,
        error_messages={"required": _("Ohne Ihre Einwilligung können wir die Anfrage nicht weitergeben.")},
    )
    counselling_consent = forms.BooleanField(label=CONSENT_TEXT, required=False)
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(required=False, label=_("Bitte dieses Feld leer lassen"))

    class Meta:
        model = InhouseRequest
        fields = [
            "company", "contact_name", "email", "phone", "site_postcode", "site_city", "participants", "period",
            "message", "counselling_office",
        ]  # fmt: skip
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        labels = {"counselling_office": _("Auch eine Beratungsstelle einbeziehen (freiwillig)")}
        help_texts = {
            "counselling_office": _("Die Beratungsstelle hilft bei Förderung und Planung; sie erhält Ihre Anfrage.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counselling_office"].queryset = Partner.objects.contact_points().taking_requests()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["site_postcode"].widget.attrs.update({"autocomplete": "postal-code", "inputmode": "numeric"})

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean(self):
        data = super().clean()
        if data.get("counselling_office") and not data.get("counselling_consent"):
            self.add_error(
                "counselling_consent", _("Damit die Beratungsstelle Ihre Anfrage erhält, willigen Sie bitte ein.")
            )
        return data
