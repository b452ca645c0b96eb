from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from counselling.models import Case


@dataclass
class TimelineItem:
    kind: str  # "session", "plan", "referral", "status"
    date: date | None
    obj: object


def case_timeline(case: Case) -> list[TimelineItem]:
    """Sessions, plan steps, referrals and status changes of a case, newest first; undated plan steps last."""
    items = [TimelineItem("session", s.date, s) for s in case.sessions.select_related("counsellor")]
    items += [TimelineItem("plan", p.planned_start, p) for p in case.plan_steps.select_related("offer", "funding")]
    items += [TimelineItem("referral", r.date, r) for r in case.referrals.select_related("partner", "offer")]
    changes = case.status_changes.select_related("user")
    items += [TimelineItem("status", timezone.localdate(c.at), c) for c in changes]
    return sorted(items, key=lambda item: (item.date is not None, item.date or date.min, item.obj.pk), reverse=True)
