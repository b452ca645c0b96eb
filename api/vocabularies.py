"""The values the search parameters and the records use, gathered for /api/v1/vocabularies/."""

from offers.models import FundingProgramme, Offer, QualificationStep, Run, Sector, TargetGroup
from offers.models.offer import PRICE_BAND_CHOICES
from offers.search.filterset import RADIUS_CHOICES, SORT_LABELS
from partners.models import Language, Partner, Service


def _choices(pairs) -> list[dict]:
    return [{"value": str(value), "label": str(label)} for value, label in pairs]


def vocabularies() -> dict:
    return {
        "levels": QualificationStep.objects.order_by("order", "pk"),
        "sectors": Sector.objects.order_by("name", "pk"),
        "target_groups": TargetGroup.objects.order_by("name", "pk"),
        "funding": FundingProgramme.objects.filter(active=True).order_by("name", "pk"),  # what `funding` accepts
        "languages": Language.objects.order_by("name", "pk"),
        "services": Service.objects.order_by("name", "pk"),
        "kinds": _choices(Offer.Kind.choices),
        "certificate_kinds": _choices(Offer.CertificateKind.choices),
        "learning_forms": _choices(Run.LearningForm.choices),
        "schedules": _choices(Run.Schedule.choices),
        "durations": _choices(Run.DurationBand.choices),
        "price_bands": _choices(PRICE_BAND_CHOICES),
        "run_statuses": _choices(Run.Status.choices),
        "partner_kinds": _choices(Partner.Kind.choices),
        "sorts": _choices(SORT_LABELS.items()),
        "radius": _choices(RADIUS_CHOICES),
    }
