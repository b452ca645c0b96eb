"""The catalogue's models, one module per topic; everything imports them from here."""

from offers.models.catalogue import CatalogueVersion
from offers.models.imports import ImportLog, PendingUpload
from offers.models.inhouse import INHOUSE_LINK_DAYS, InhouseRequest, InhouseRequestRead
from offers.models.offer import SAMPLE_RANGE, Offer, random_sample
from offers.models.path import ModuleOffer, PathModule, QualificationPath
from offers.models.run import Run
from offers.models.thesaurus import NameWord, SearchWord, ThesaurusEntry
from offers.models.translation import OfferTranslation
from offers.models.vocabulary import FundingProgramme, QualificationStep, Sector, TargetGroup

__all__ = [
    "INHOUSE_LINK_DAYS",
    "SAMPLE_RANGE",
    "CatalogueVersion",
    "FundingProgramme",
    "ImportLog",
    "InhouseRequest",
    "InhouseRequestRead",
    "ModuleOffer",
    "NameWord",
    "Offer",
    "PathModule",
    "OfferTranslation",
    "PendingUpload",
    "QualificationPath",
    "QualificationStep",
    "Run",
    "SearchWord",
    "Sector",
    "TargetGroup",
    "ThesaurusEntry",
    "random_sample",
]
