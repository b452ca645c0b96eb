from datetime import timedelta

from django import forms
from django.core.cache import cache
from django.db.models import F
from django.forms import inlineformset_factory
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from counselling.consent import CONSENT_TEXT, CONSENT_VERSION
from counselling.models import Case, ClientKind, Company, Inquiry, Need, NeedsAnalysis, PlanStep, Referral, Session
from counselling.querysets import offices_of
from counselling.selectors import counsellors_of
from locking.forms import VersionedModelForm
from multilingual.text import translated
from offers.models import FundingProgramme, Offer
from partners.models import Language, Partner
from places.lookup import locate
from places.validators import validate_postcode

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


EMPTY_LABEL = _("– bitte wählen –")


def german_blank_choices(form) -> None:
    """Django 6.1's blank choice label has no German translation yet; use our own."""
    for field in form.fields.values():
        if getattr(field, "empty_label", None) is not None:
            field.empty_label = EMPTY_LABEL
        elif isinstance(field, forms.ChoiceField) and field.choices and field.choices[0][0] == "":
            field.choices = [("", EMPTY_LABEL), *list(field.choices)[1:]]


class DeskForm(forms.ModelForm):
    # The case page shows several forms with fields of the same name; each form's ids start with its own word.
    id_format = "id_%s"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", self.id_format)
        super().__init__(*args, **kwargs)
        german_blank_choices(self)


OFFICE_CHOICES_KEY = "counselling:office-choices"


def office_choices() -> list[tuple[str, str]]:
    """The offices a request can go to; also kept in the cache for the form shown while the database is down."""
    choices = list(Partner.objects.contact_points().taking_requests().values_list("slug", "name"))
    cache.set(OFFICE_CHOICES_KEY, choices, timeout=None)
    return choices


class VersionedDeskForm(VersionedModelForm, DeskForm):
    """A desk form for a record two counsellors may edit at once: a save over someone else's change is refused."""


class LanguageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Language) -> str:
        return translated(obj, "name")


class OfficeChoiceField(forms.ModelChoiceField):
    """Each office with the languages its counsellors speak, so a visitor can pick one that speaks theirs."""

    def label_from_instance(self, obj: Partner) -> str:
        languages = ", ".join(translated(language, "name") for language in obj.languages.all())
        return f"{obj.name} ({languages})" if languages else obj.name


def offices_speaking(code: str, near: str | None = None):
    """The offices taking requests that speak the language (ISO code), the nearest to the postcode first."""
    offices = Partner.objects.contact_points().taking_requests().filter(languages__code=code)
    place = locate(near) if near else None
    if place is not None:
        return offices.with_distance_from(place).order_by(F("distance_km").asc(nulls_last=True), "name", "pk")
    return offices


class InquiryForm(DeskForm):
    language = LanguageChoiceField(
        queryset=Language.objects.exclude(code="de"),
        to_field_name="code",
        required=False,
        empty_label=_("Deutsch"),
        label=_("In welcher Sprache möchten Sie beraten werden?"),
        help_text=_("Wir schlagen Ihnen eine Beratungsstelle vor, die Ihre Sprache spricht."),
        error_messages={"invalid_choice": _("Diese Sprache kennen wir nicht. Bitte wählen Sie aus der Liste.")},
    )
    office = OfficeChoiceField(
        queryset=Partner.objects.none(), to_field_name="slug", label=_("Gewünschte Beratungsstelle")
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Ohne Ihre Einwilligung können wir die Anfrage nicht speichern.")},
    )
    # Honeypot: hidden from people by CSS, filled in by bots.
    website = forms.CharField(required=False, label=_("Bitte dieses Feld leer lassen"))

    class Meta:
        model = Inquiry
        fields = ["kind", "name", "email", "phone", "postcode", "topic", "message", "language", "office"]
        widgets = {"kind": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 5})}
        labels = {"name": _("Name (bei Unternehmen: Name des Unternehmens)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = (
            Partner.objects.contact_points().taking_requests().prefetch_related("languages")
        )
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["postcode"].widget.attrs.update({"autocomplete": "postal-code", "inputmode": "numeric"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            raise forms.ValidationError(_("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an."))
        return data


class OfflineInquiryForm(InquiryForm):
    """The request form shown again with the visitor's input while the database is unreachable.

    It never reads the database: the offices come from the cache (or just the one the visitor chose), and the
    model validation (unique checks and constraints query the database) is skipped. It is never saved.
    """

    def __init__(self, data):
        super().__init__(data)
        chosen = data.get("office", "")
        known = cache.get(OFFICE_CHOICES_KEY) or ([(chosen, chosen)] if chosen else [])
        self.fields["office"] = forms.ChoiceField(
            choices=[("", EMPTY_LABEL), *known], label=self.fields["office"].label, required=False
        )
        language = self.fields["language"]
        spoken = data.get("language", "")  # kept as sent: the language names are in the database
        self.fields["language"] = forms.ChoiceField(
            choices=[("", language.empty_label), *([(spoken, spoken)] if spoken else [])],
            label=language.label,
            help_text=language.help_text,
            required=False,
        )

    def _post_clean(self):
        pass


class InquiryPrefillForm(forms.Form):
    """GET parameters other pages (the Lotse) use to prefill the request form. Invalid values are ignored."""

    who = forms.ChoiceField(choices=ClientKind.choices, required=False)
    postcode = forms.CharField(required=False, validators=[validate_postcode])
    topic = forms.CharField(max_length=1000, required=False)
    office = forms.SlugField(required=False)
    language = forms.SlugField(required=False)

    def prefill(self) -> dict:
        self.is_valid()
        data = {key: value for key, value in self.cleaned_data.items() if value}
        initial = {"kind": data.get("who"), "postcode": data.get("postcode"), "message": data.get("topic")}
        if (
            data.get("office")
            and Partner.objects.contact_points().taking_requests().filter(slug=data["office"]).exists()
        ):
            initial["office"] = data["office"]
        if data.get("language") and Language.objects.filter(code=data["language"]).exists():
            initial["language"] = data["language"]
            if "office" not in initial:  # no office chosen yet: the nearest one that speaks the language
                speaking = offices_speaking(data["language"], near=data.get("postcode")).first()
                initial["office"] = speaking.slug if speaking else None
        return {key: value for key, value in initial.items() if value}


class CaseForm(VersionedDeskForm):
    class Meta:
        model = Case
        fields = [
            "client_kind", "name", "email", "phone", "postcode", "gender", "target_group", "company",
            "step", "goal_kind", "sector", "goal", "target_qualification", "counsellor", "status", "outcome", "notes",
        ]  # fmt: skip
        widgets = {"goal": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Company.objects.for_office(office)
        if "counsellor" in self.fields:
            self.fields["counsellor"].queryset = counsellors_of(office)

    def clean(self):
        data = super().clean()
        closed = data.get("status") == Case.Status.CLOSED
        if closed and not data.get("outcome"):
            self.add_error("outcome", _("Bitte beim Abschluss ein Ergebnis angeben."))
        if data.get("outcome") and not closed:
            self.add_error("outcome", _("Ein Ergebnis gibt es erst, wenn der Fall abgeschlossen ist."))
        return data


class CaseCreateForm(CaseForm):
    office = forms.ModelChoiceField(queryset=Partner.objects.none(), label=_("Beratungsstelle"))
    consent = forms.BooleanField(
        label=_("Die Einwilligung zur Verarbeitung liegt vor (Text in Version %(version)s).")
        % {"version": CONSENT_VERSION},
        error_messages={"required": _("Ohne Einwilligung dürfen keine personenbezogenen Daten gespeichert werden.")},
    )

    class Meta(CaseForm.Meta):
        fields = ["office", *[f for f in CaseForm.Meta.fields if f not in ("status", "outcome", "counsellor")]]

    def __init__(self, *args, user, **kwargs):
        offices = offices_of(user)
        super().__init__(*args, office=offices.first(), **kwargs)
        self.fields["office"].queryset = offices
        self.fields["company"].queryset = Company.objects.visible_to(user)
        self.fields["office"].initial = offices.first()

    def clean(self):
        data = super().clean()
        company = data.get("company")
        if company and data.get("office") and company.office_id != data["office"].pk:
            self.add_error("company", _("Das Unternehmen gehört zu einer anderen Beratungsstelle."))
        return data


class SessionForm(VersionedDeskForm):
    id_format = "session_%s"

    class Meta:
        model = Session
        fields = ["date", "minutes", "channel", "topics", "notes", "next_steps", "follow_up"]
        widgets = {
            "date": DATE,
            "follow_up": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].widget.attrs.update({"min": 1, "max": 600})

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ein Gespräch kann nicht in der Zukunft liegen."))
        opened_on = self.instance.case.opened_on if self.instance.case_id else None
        if opened_on and day < opened_on:
            raise forms.ValidationError(
                _("Das Gespräch kann nicht vor Beginn der Beratung (%(day)s) liegen.")
                % {"day": formats.date_format(opened_on, "SHORT_DATE_FORMAT")}
            )
        return day

    def clean_minutes(self):
        minutes = self.cleaned_data["minutes"]
        if not 1 <= minutes <= 600:
            raise forms.ValidationError(_("Bitte eine Dauer zwischen 1 und 600 Minuten angeben."))
        return minutes

    def clean(self):
        data = super().clean()
        if data.get("follow_up") and data.get("date") and data["follow_up"] < data["date"]:
            self.add_error("follow_up", _("Die Wiedervorlage darf nicht vor dem Gespräch liegen."))
        return data


class CaseSearchForm(forms.Form):
    """The desk's case search. Sent by POST and held in the session, so names never appear in URLs or logs."""

    q = forms.CharField(label=_("Suche nach Name, Aktenzeichen oder Ziel"), required=False, max_length=200)


class OfferSearchForm(forms.Form):
    angebot = forms.CharField(label=_("Angebot im Katalog suchen"), required=False, max_length=200)


class OfferSelect(forms.Select):
    """Each offer names its funding programmes (data-funding), so static/js/plan-funding.js can offer only those."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.funding_by_offer: dict[int, list[int]] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        offer_pk = getattr(value, "value", value)
        if offer_pk != "":
            option["attrs"]["data-funding"] = " ".join(map(str, self.funding_by_offer.get(offer_pk, [])))
        return option


def funding_by_offer(offers) -> dict[int, list[int]]:
    links = Offer.funding_programmes.through.objects.filter(offer__in=offers.values("pk"))
    mapping: dict[int, list[int]] = {}
    for offer_pk, programme_pk in links.values_list("offer_id", "fundingprogramme_id"):
        mapping.setdefault(offer_pk, []).append(programme_pk)
    return mapping


class PlanStepForm(VersionedDeskForm):
    id_format = "plan_%s"

    class Meta:
        model = PlanStep
        fields = ["offer", "title", "planned_start", "planned_end", "funding", "status", "note"]
        widgets = {"offer": OfferSelect, "planned_start": DATE, "planned_end": DATE}
        help_texts = {
            "title": _("Freitext, wenn das Angebot nicht im Katalog steht."),
            "funding": _(
                "Bei einem Angebot aus dem Katalog nur dessen Förderungen; bei einem Freitext-Schritt alle "
                "(dann nicht am Angebot geprüft)."
            ),
        }

    def __init__(self, *args, offer_query: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        offers = Offer.objects.published()
        offers = offers.search(offer_query) if offer_query else offers
        self.fields["offer"].queryset = offers.select_related("provider")
        self.fields["offer"].widget.funding_by_offer = funding_by_offer(offers)
        self.fields["funding"].queryset = FundingProgramme.objects.filter(active=True)

    def clean(self):
        data = super().clean()
        if not data.get("offer") and not data.get("title"):
            raise forms.ValidationError(_("Bitte ein Angebot wählen oder den Schritt als Freitext beschreiben."))
        self._check_funding(data.get("offer"), data.get("funding"))
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", _("Das Ende darf nicht vor dem Beginn liegen."))
        return data

    def _check_funding(self, offer, funding) -> None:
        if not offer or not funding or offer.funding_programmes.filter(pk=funding.pk).exists():
            return
        possible = ", ".join(str(programme) for programme in offer.funding_programmes.order_by("name"))
        message = _("Das Angebot „%(offer)s“ ist nicht über „%(funding)s“ förderfähig. Möglich: %(possible)s.")
        names = {"offer": offer.title, "funding": funding, "possible": possible or _("keine Förderung")}
        self.add_error("funding", message % names)


class PlanStepStatusForm(DeskForm):
    class Meta:
        model = PlanStep
        fields = ["status"]


class ReferralForm(VersionedDeskForm):
    id_format = "referral_%s"

    class Meta:
        model = Referral
        fields = ["partner", "offer", "date", "status", "note"]
        widgets = {"date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(active=True)
        self.fields["offer"].queryset = Offer.objects.published()

    def clean(self):
        data = super().clean()
        if not data.get("partner") and not data.get("offer"):
            raise forms.ValidationError(_("Bitte einen Partner oder ein Angebot wählen."))
        return data


class ReferralStatusForm(DeskForm):
    class Meta:
        model = Referral
        fields = ["status"]


class CompanyForm(VersionedDeskForm):
    office = forms.ModelChoiceField(queryset=Partner.objects.none(), label=_("Beratungsstelle"))

    class Meta:
        model = Company
        fields = ["office", "name", "sector", "size", "postcode", "contact"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices_of(user)
        self.fields["office"].initial = offices_of(user).first()


class NeedsAnalysisForm(DeskForm):
    class Meta:
        model = NeedsAnalysis
        fields = ["date", "notes"]
        widgets = {"date": DATE, "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Eine Bedarfsanalyse kann nicht in der Zukunft liegen."))
        return day


NeedFormSet = inlineformset_factory(
    NeedsAnalysis,
    Need,
    form=DeskForm,
    fields=["step", "sector", "topic", "employees"],
    extra=2,
    min_num=1,
    validate_min=True,
    max_num=20,  # more needs than one analysis records; a bigger posted TOTAL_FORMS is a form error, built no further
    absolute_max=20,
    validate_max=True,
    can_delete=False,
)


class StatsForm(forms.Form):
    office = forms.ModelChoiceField(queryset=Partner.objects.none(), label=_("Beratungsstelle"), required=False)
    start = forms.DateField(label=_("von"), required=False, widget=DATE)
    end = forms.DateField(label=_("bis"), required=False, widget=DATE)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices_of(user)
        german_blank_choices(self)

    def period(self):
        """(office, start, end); falls back to the first office and this calendar year."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        office = data.get("office") or self.fields["office"].queryset.first()
        start = data.get("start") or today.replace(month=1, day=1)
        end = data.get("end") or today.replace(month=12, day=31)
        if end < start:
            start, end = end, start
        return office, start, end


class AuditPeriodForm(forms.Form):
    start = forms.DateField(label=_("von"), required=False, widget=DATE)
    end = forms.DateField(label=_("bis"), required=False, widget=DATE)

    def period(self):
        """(start, end); falls back to the last 30 days, and swaps a reversed period."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or today - timedelta(days=30)
        end = data.get("end") or today
        return (end, start) if end < start else (start, end)
