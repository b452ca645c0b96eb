from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from counselling.models import Case


@dataclass
class TimelineItem:
    kind: str  # "session", "plan", "referral", "status", "milestone"
    date: date | None
    obj: object


def case_timeline(case: Case) -> list[TimelineItem]:
    """Sessions, plan steps, referrals, milestones and status changes of a case, newest first; undated plan steps
    last."""
    items = [TimelineItem("session", s.date, s) for s in case.sessions.select_related("counsellor")]
    items += [TimelineItem("plan", p.planned_start, p) for p in case.plan_steps.select_related("offer", "funding")]
    items += [TimelineItem("referral", r.date, r) for r in case.referrals.select_related("partner", "offer")]
    items += [TimelineItem("milestone", m.date, m) for m in case.milestones.all()]
    changes = case.status_changes.select_related("user")
    items += [TimelineItem("status", timezone.localdate(c.at), c) for c in changes]
    return sorted(items, key=lambda item: (item.date is not None, item.date or date.min, item.obj.pk), reverse=True)


@dataclass
class Version:
    at: object
    by: object
    changed: list[str]


def correction_history(item) -> list[Version]:
    """The saved versions of a session, plan step or referral, newest first, each with the fields it changed."""
    records = list(item.history.select_related("history_user").order_by("-history_date", "-history_id"))
    versions = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changed = [] if older is None else newer.diff_against(older, excluded_fields=["version"]).changed_fields
        labels = [str(item._meta.get_field(name).verbose_name) for name in changed]
        versions.append(Version(at=newer.history_date, by=newer.history_user, changed=labels))
    return versions
