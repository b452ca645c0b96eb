"""What the API shows of each public record: the fields the public pages show, nothing more (no drafts, no
counselling data, no editors)."""

from rest_framework import serializers

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from partners.models import ContactPerson, Language, Partner, Service


class WebUrlMixin:
    """`web_url`: the absolute address of the record's public page."""

    def get_web_url(self, obj) -> str:
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


class StepSerializer(serializers.ModelSerializer):
    class Meta:
        model = QualificationStep
        fields = ["slug", "name", "order", "who", "next_step"]


def slug_name(model):
    """A serializer of a vocabulary entry as {slug, name}."""
    meta = type("Meta", (), {"model": model, "fields": ["slug", "name"]})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})


StepRefSerializer = slug_name(QualificationStep)
SectorSerializer = slug_name(Sector)
TargetGroupSerializer = slug_name(TargetGroup)
ServiceSerializer = slug_name(Service)


class LanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Language
        fields = ["code", "name"]


class FundingProgrammeSerializer(WebUrlMixin, serializers.ModelSerializer):
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = FundingProgramme
        fields = ["slug", "name", "short_name", "sponsor", "legal_basis", "eligible", "pays", "description", "url",
                  "region", "active", "web_url"]  # fmt: skip


class FundingRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = FundingProgramme
        fields = ["slug", "name", "short_name"]


class ContactPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = ["name", "position", "phone", "email"]


class PartnerSerializer(WebUrlMixin, serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display")
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Partner
        fields = ["slug", "name", "kind", "kind_label", "street", "postcode", "city", "latitude", "longitude",
                  "phone", "email", "website", "is_contact_point", "web_url"]  # fmt: skip


class PartnerDetailSerializer(PartnerSerializer):
    services = ServiceSerializer(many=True)
    languages = LanguageSerializer(many=True)
    contact_persons = ContactPersonSerializer(many=True)

    class Meta(PartnerSerializer.Meta):
        fields = [*PartnerSerializer.Meta.fields, "description", "opening_hours", "accessibility", "services",
                  "languages", "contact_persons"]  # fmt: skip


class ProviderRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partner
        fields = ["slug", "name"]


class RunSerializer(serializers.ModelSerializer):
    schedule_label = serializers.CharField(source="get_schedule_display")
    learning_form_label = serializers.CharField(source="get_learning_form_display")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Run
        fields = ["rolling_start", "start_date", "end_date", "application_deadline", "schedule", "schedule_label",
                  "learning_form", "learning_form_label", "street", "postcode", "city", "latitude", "longitude",
                  "seats", "status", "status_label", "start_guaranteed"]  # fmt: skip


class OfferSerializer(WebUrlMixin, serializers.ModelSerializer):
    """An offer in a result list, with what a result card shows."""

    kind_label = serializers.CharField(source="get_kind_display")
    provider = ProviderRefSerializer()
    entry_levels = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    leads_to = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    distance_km = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Offer
        fields = ["slug", "title", "summary", "kind", "kind_label", "provider", "entry_levels", "leads_to",
                  "next_start", "price", "azav", "distance_km", "web_url"]  # fmt: skip

    def get_distance_km(self, offer) -> float | None:
        """Distance of the nearest current run, only in a search with `near`."""
        distance = getattr(offer, "distance_km", None)
        return round(distance, 1) if distance is not None else None


class OfferDetailSerializer(OfferSerializer):
    """An offer with its runs that have not ended, its contact and its vocabularies (what the detail page shows)."""

    certificate_kind_label = serializers.CharField(source="get_certificate_kind_display")
    entry_levels = StepRefSerializer(many=True)
    leads_to = StepRefSerializer()
    sectors = SectorSerializer(many=True)
    target_groups = TargetGroupSerializer(many=True)
    funding_programmes = FundingRefSerializer(many=True)
    languages = LanguageSerializer(many=True)
    runs = RunSerializer(many=True, source="public_runs")
    contact = ContactPersonSerializer(source="public_contact", allow_null=True)

    class Meta(OfferSerializer.Meta):
        fields = [*OfferSerializer.Meta.fields, "description", "dqr_level", "certificate", "certificate_kind",
                  "certificate_kind_label", "sectors", "target_groups", "funding_programmes", "teaching_hours",
                  "duration_text", "price_note", "languages", "inhouse_possible", "accessibility_notes",
                  "registration_url", "contact", "runs", "updated_at", "last_confirmed_at"]  # fmt: skip


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class VocabulariesSerializer(serializers.Serializer):
    levels = StepSerializer(many=True)
    sectors = SectorSerializer(many=True)
    target_groups = TargetGroupSerializer(many=True)
    funding = FundingRefSerializer(many=True)
    languages = LanguageSerializer(many=True)
    services = ServiceSerializer(many=True)
    kinds = ChoiceSerializer(many=True)
    certificate_kinds = ChoiceSerializer(many=True)
    learning_forms = ChoiceSerializer(many=True)
    schedules = ChoiceSerializer(many=True)
    run_statuses = ChoiceSerializer(many=True)
    partner_kinds = ChoiceSerializer(many=True)
    sorts = ChoiceSerializer(many=True)
    radius = ChoiceSerializer(many=True)
