"""Writing the audit log: one entry per read, export, change, status change, anonymisation or deletion of a
personal-data record (docs/roles.md, personal data).

The client address is taken once per request by `AuditAddressMiddleware`, through the one function that knows
about trusted proxies (`accounts.addresses.client_address`), so services need no request and swapping how the
address is found touches only `_address_of`.
"""

from contextvars import ContextVar

from accounts.addresses import client_address
from counselling.models import (
    AuditEntry,
    Case,
    Company,
    Inquiry,
    Milestone,
    NeedsAnalysis,
    PlanStep,
    Referral,
    Session,
)

_current_address: ContextVar[str | None] = ContextVar("audit_address", default=None)

OBJECT_TYPES = {
    Inquiry: AuditEntry.ObjectType.INQUIRY,
    Case: AuditEntry.ObjectType.CASE,
    Session: AuditEntry.ObjectType.SESSION,
    PlanStep: AuditEntry.ObjectType.PLAN_STEP,
    Referral: AuditEntry.ObjectType.REFERRAL,
    Company: AuditEntry.ObjectType.COMPANY,
    NeedsAnalysis: AuditEntry.ObjectType.NEEDS_ANALYSIS,
    Milestone: AuditEntry.ObjectType.MILESTONE,
}


def _address_of(request) -> str | None:
    return client_address(request)


class AuditAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_address.set(_address_of(request))
        try:
            return self.get_response(request)
        finally:
            _current_address.reset(token)


def _case_of(obj) -> Case | None:
    if isinstance(obj, Case):
        return obj
    if isinstance(obj, Inquiry):
        return getattr(obj, "case", None)
    return getattr(obj, "case", None) if hasattr(obj, "case_id") else None


def _office_pk(obj) -> int | None:
    if isinstance(obj, NeedsAnalysis):
        return obj.company.office_id
    case = _case_of(obj)
    return case.office_id if case else getattr(obj, "office_id", None)


def record(*, action: str, obj, by, what: str = "") -> AuditEntry:
    """Logs `action` on `obj` (a record of OBJECT_TYPES) by the user `by` (None for a scheduled job)."""
    case = _case_of(obj)
    return AuditEntry.objects.create(
        office_pk=_office_pk(obj),
        case_pk=case.pk if case else None,
        case_reference=case.reference if case else "",
        object_type=OBJECT_TYPES[type(obj)],
        object_pk=obj.pk,
        user=by,
        actor=by.get_username() if by else "",
        address=_current_address.get(),
        action=action,
        what=what,
    )


def record_list(*, object_type: str, by, what: str = "") -> AuditEntry:
    """Logs that a list of records (names included) was shown; the list spans the user's offices."""
    return AuditEntry.objects.create(
        object_type=object_type,
        user=by,
        actor=by.get_username(),
        address=_current_address.get(),
        action=AuditEntry.Action.VIEW,
        what=what,
    )
