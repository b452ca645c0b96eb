"""The case page's forms for the way to a vocational qualification: follow a qualification path, record a
milestone."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counselling.forms import DATE, VersionedDeskForm
from counselling.models import Milestone
from offers.models import QualificationPath


class FollowPathForm(forms.Form):
    path = forms.ModelChoiceField(
        label=_("Qualifizierungsweg"),
        queryset=QualificationPath.objects.none(),
        error_messages={
            "required": _("Bitte einen Qualifizierungsweg wählen."),
            "invalid_choice": _("Diesen Qualifizierungsweg gibt es nicht (mehr)."),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "path_%s")
        super().__init__(*args, **kwargs)
        self.fields["path"].queryset = QualificationPath.objects.published()


class MilestoneForm(VersionedDeskForm):
    id_format = "milestone_%s"

    class Meta:
        model = Milestone
        fields = ["kind", "date", "result", "note"]
        widgets = {"date": DATE}
        help_texts = {"result": _("Nur beim Prüfungsergebnis.")}

    def clean(self):
        data = super().clean()
        kind, result = data.get("kind"), data.get("result")
        if kind == Milestone.Kind.EXAM_RESULT and not result:
            self.add_error("result", _("Bitte das Ergebnis der Prüfung angeben."))
        elif kind and kind != Milestone.Kind.EXAM_RESULT and result:
            self.add_error("result", _("Ein Ergebnis gibt es nur beim Meilenstein „Prüfungsergebnis“."))
        return data
