"""The catalogue's models, one module per topic; everything imports them from here."""

from offers.models.catalogue import CatalogueVersion, SearchSummary
from offers.models.imports import ImportLog, PendingUpload
from offers.models.offer import SAMPLE_RANGE, Offer, random_sample
from offers.models.run import Run
from offers.models.translation import OfferTranslation
from offers.models.vocabulary import FundingProgramme, QualificationStep, Sector, TargetGroup

__all__ = [
    "SAMPLE_RANGE",
    "CatalogueVersion",
    "FundingProgramme",
    "ImportLog",
    "Offer",
    "OfferTranslation",
    "PendingUpload",
    "QualificationStep",
    "Run",
    "SearchSummary",
    "Sector",
    "TargetGroup",
    "random_sample",
]
