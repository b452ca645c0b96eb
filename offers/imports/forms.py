"""The upload form of the admin's import page: the partner is picked from those the user may edit, so a crafted
form field naming another partner fails like any invalid choice."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from partners.models import Partner
from partners.scoping import scope_to_editor


class ImportForm(forms.Form):
    partner = forms.ModelChoiceField(queryset=Partner.objects.none(), label=_("Anbieter"))
    file = forms.FileField(
        label=_("Datei"),
        help_text=_(
            "CSV (UTF-8 oder Windows-1252, Semikolon oder Komma) oder XLSX in der Importvorlage, oder open-Qcat-XML."
        ),
    )
    complete = forms.BooleanField(
        label=_("Die Datei enthält alle Angebote des Anbieters"),
        required=False,
        help_text=_("Dann werden Angebote mit Kursnummer, die in der Datei fehlen, archiviert."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        partners = scope_to_editor(Partner.objects.order_by("name"), user, "")
        self.fields["partner"].queryset = partners
        if len(partners) == 1:
            self.fields["partner"].initial = partners[0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_MB * 1024 * 1024:
            size = f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")
            raise forms.ValidationError(
                _("Die Datei ist %(size)s MB groß; erlaubt sind höchstens %(limit)s MB.")
                % {"size": size, "limit": settings.IMPORT_MAX_MB}
            )
        return upload
