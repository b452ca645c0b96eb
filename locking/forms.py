"""The form side of optimistic locking: the version the user opened travels in a hidden field; if the row was
saved since, the form says what is now stored and keeps the user's input. Saving the form again (with the new
version in the hidden field) then deliberately replaces the other change."""

from django import forms
from django.utils.translation import gettext as _

from locking.models import VersionedModel

VALUE_LENGTH = 80


def _display(instance, name: str) -> str:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        value = ", ".join(str(item) for item in getattr(instance, name).all())
    else:
        display = getattr(instance, f"get_{name}_display", None)
        value = display() if display else getattr(instance, name)
    text = "–" if value in (None, "") else str(value)
    return text if len(text) <= VALUE_LENGTH else text[: VALUE_LENGTH - 1] + "…"


class VersionedModelForm(forms.ModelForm):
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = (
            self.instance.version if isinstance(self.instance, VersionedModel) else 1
        )

    def clean(self):
        data = super().clean()
        opened = data.get("opened_version") or self.fields["opened_version"].initial
        if self.instance.pk and not self.instance._state.adding:
            stored = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
            if stored is not None and stored.version != opened:
                self._report_conflict(stored, data)
            self.instance.version = opened  # the model's save checks this version again, closing the race
        return data

    def _report_conflict(self, stored, data) -> None:
        changed = [
            f"{self.fields[name].label}: „{_display(stored, name)}“"
            for name in self.fields
            if name != "opened_version" and _is_model_field(stored, name) and _differs(stored, name, data)
        ]
        message = _(
            "Dieser Datensatz wurde gespeichert, während Sie ihn bearbeitet haben. Ihre Eingaben sind unten "
            "erhalten und wurden noch nicht gespeichert."
        )
        if changed:
            message += " " + _("Jetzt gespeichert: %(fields)s.") % {"fields": "; ".join(changed)}
        message += " " + _("Bitte prüfen und erneut speichern, um diesen Stand zu ersetzen.")
        self.add_error(None, message)
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = stored.version  # a second save is a decision, not an accident


def _is_model_field(instance, name: str) -> bool:
    return name in {field.name for field in instance._meta.get_fields()}


def _differs(stored, name: str, data) -> bool:
    if name not in data:
        return False
    value = data[name]
    field = stored._meta.get_field(name)
    if field.many_to_many:
        return {item.pk for item in getattr(stored, name).all()} != {item.pk for item in value}
    current = getattr(stored, name)
    return (current or None) != (value or None)
