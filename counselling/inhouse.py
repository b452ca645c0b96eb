"""An in-house request as one write: the provider's request (offers.inhouse) and, if the company wants, a
counselling request to the office it chose."""

from django.db import transaction
from django.utils.translation import gettext as _

from counselling.models import ClientKind, Inquiry
from counselling.services import inquiry_submit
from offers.inhouse import inhouse_request_receive
from offers.models import InhouseRequest


@transaction.atomic
def inhouse_submit(*, request: InhouseRequest, consent_version: str, base_url: str) -> str:
    """Saves and sends the request; returns the token of the company's private link."""
    token = inhouse_request_receive(request=request, consent_version=consent_version, base_url=base_url)
    office = request.counselling_office
    if office is not None:
        names = {"offer": request.offer.title, "provider": request.offer.provider.name, "n": request.participants}
        topic = _("Inhouse-Anfrage zu „%(offer)s“ (%(provider)s) für %(n)s Beschäftigte.") % names
        inquiry = Inquiry(
            office=office,
            kind=ClientKind.COMPANY,
            name=request.company,
            email=request.email,
            phone=request.phone,
            postcode=request.site_postcode,
            message="\n\n".join(part for part in (topic, request.message) if part),
        )
        inquiry_submit(inquiry=inquiry, base_url=base_url)
    return token
