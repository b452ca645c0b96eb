"""Writes of the needs matching: a suggested offer taken into a case (as a referral or a plan step) and a person put
forward for a company's need, each in one transaction with its audit entry."""

from django.db import transaction
from django.utils.translation import gettext as _

from counselling.audit import record
from counselling.models import AuditEntry, Case, Need, PlanStep, Referral
from counselling.services import case_advance
from offers.models import Offer


@transaction.atomic
def suggestion_refer(*, case: Case, offer: Offer, need: Need | None, by) -> Referral:
    referral = Referral.objects.create(case=case, offer=offer, partner=offer.provider, need=need)
    record(action=AuditEntry.Action.CREATE, obj=referral, by=by, what=_("Vermittlung aus dem Bedarfsabgleich"))
    return referral


@transaction.atomic
def suggestion_plan(*, case: Case, offer: Offer, by) -> PlanStep:
    step = PlanStep.objects.create(case=case, offer=offer, planned_start=offer.next_start)
    record(action=AuditEntry.Action.CREATE, obj=step, by=by, what=_("Planschritt aus dem Bedarfsabgleich"))
    case_advance(case=case, to=Case.Status.PLAN, by=by, reason=_("Qualifizierungsplan angelegt"))
    return step


@transaction.atomic
def person_put_forward(*, case: Case, need: Need, by) -> Referral:
    """The person of `case` is proposed to the company of `need`; the outcome is the referral's status."""
    referral, created = Referral.objects.get_or_create(case=case, need=need, offer=None, partner=None)
    if created:
        record(action=AuditEntry.Action.CREATE, obj=referral, by=by, what=_("einem Unternehmen vorgeschlagen"))
    return referral
