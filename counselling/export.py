"""Everything stored about one person or company in a case (right of access, Art. 15 GDPR)."""

from counselling.models import Case


def _value(obj, name: str):
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value is not None else None)


def _record(obj, names: list[str]) -> dict:
    return {name: _value(obj, name) for name in names}


CASE_FIELDS = [
    "reference", "office", "client_kind", "name", "email", "phone", "postcode", "gender", "target_group", "company",
    "step", "goal", "target_qualification", "path", "status", "outcome", "notes", "opened_on", "closed_at",
    "consent_given_at", "consent_version", "anonymised_at",
]  # fmt: skip
SESSION_FIELDS = ["date", "minutes", "channel", "topics", "notes", "next_steps", "follow_up"]
PLAN_FIELDS = ["offer", "title", "planned_start", "planned_end", "funding", "status", "note"]
REFERRAL_FIELDS = ["partner", "offer", "date", "status", "note"]
MILESTONE_FIELDS = ["kind", "date", "result", "note"]
INQUIRY_FIELDS = ["kind", "name", "email", "phone", "postcode", "message", "created_at", "consent_given_at",
                  "consent_version"]  # fmt: skip


def case_export_data(case: Case) -> dict:
    data = _record(case, CASE_FIELDS)
    data["sessions"] = [_record(s, SESSION_FIELDS) for s in case.sessions.all()]
    data["plan_steps"] = [_record(p, PLAN_FIELDS) for p in case.plan_steps.select_related("offer", "funding")]
    data["referrals"] = [_record(r, REFERRAL_FIELDS) for r in case.referrals.select_related("partner", "offer")]
    data["milestones"] = [_record(m, MILESTONE_FIELDS) for m in case.milestones.all()]
    data["inquiry"] = _record(case.inquiry, INQUIRY_FIELDS) if case.inquiry_id else None
    return data
