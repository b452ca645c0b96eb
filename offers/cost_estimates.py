"""The cost in euros of an offer under each funding programme it names (offers.costs), with the programme's row
for its name, legal basis, official page and the date its rules were last checked."""

from dataclasses import dataclass

from offers.costs import Estimate, Situation, estimate
from offers.models import FundingProgramme, Offer


@dataclass(frozen=True)
class ProgrammeEstimate:
    programme: FundingProgramme
    estimate: Estimate


def offer_estimates(offer: Offer, situation: Situation) -> list[ProgrammeEstimate]:
    """One estimate per active programme of the offer, the applicable ones first (uses the prefetched programmes
    where there are any)."""
    programmes = [programme for programme in offer.funding_programmes.all() if programme.active]
    rows = [
        ProgrammeEstimate(p, estimate(p.slug, price=offer.price, hours=offer.teaching_hours, situation=situation))
        for p in programmes
    ]
    return sorted(rows, key=lambda row: not row.estimate.applies)
