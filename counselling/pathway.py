"""Writes for the way to a vocational qualification: a plan that follows a qualification path, and the milestones
(admission, exam, qualification gained). Each saves and audits in one transaction and moves the case on."""

from django.db import transaction
from django.utils.translation import gettext as _

from counselling.audit import record
from counselling.models import AuditEntry, Case, Milestone, PlanStep
from counselling.services import case_advance, case_change
from offers.models import Offer, QualificationPath

# The milestones that mean the case has reached the exam (docs/domain.md: the status moves with the work).
EXAM_KINDS = (Milestone.Kind.ADMISSION_GRANTED, Milestone.Kind.EXAM_DATE, Milestone.Kind.EXAM_RESULT)


def module_step_title(path: QualificationPath, number: int, total: int, module_title: str) -> str:
    names = {"path": path.title, "number": number, "total": total, "module": module_title}
    title = _("%(path)s – Modul %(number)s von %(total)s: %(module)s") % names
    return title[: PlanStep._meta.get_field("title").max_length]


@transaction.atomic
def plan_follow_path(*, case: Case, path: QualificationPath, by) -> list[PlanStep]:
    """The path's modules become plan steps (with the module's offer where it has exactly one listed offer); a
    module already in the plan is not added twice. The case remembers the path and moves to "Qualifizierungsplan"."""
    modules = list(path.modules.order_by("position", "pk").prefetch_related("offers"))
    existing = set(case.plan_steps.values_list("title", flat=True))
    listed = set(Offer.objects.listed().filter(path_modules__path=path).values_list("pk", flat=True))
    created = []
    for number, module in enumerate(modules, start=1):
        title = module_step_title(path, number, len(modules), module.title)
        if title in existing:
            continue
        offers = [offer for offer in module.offers.all() if offer.pk in listed]
        offer = offers[0] if len(offers) == 1 else None
        start = offer.next_start if offer else None
        created.append(PlanStep.objects.create(case=case, title=title, offer=offer, planned_start=start))
    case.path = path
    case.save(update_fields=["path", "updated_at"])
    what = _("Plan folgt dem Qualifizierungsweg „%(path)s“ (%(count)s Schritte neu)")
    record(action=AuditEntry.Action.CHANGE, obj=case, by=by, what=what % {"path": path.title, "count": len(created)})
    case_advance(case=case, to=Case.Status.PLAN, by=by, reason=_("Qualifizierungsplan angelegt"))
    return created


@transaction.atomic
def milestone_save(*, form, by) -> Milestone:
    """Saves a milestone (audited like every case record); admission granted, an exam date or result move the case
    to "Prüfung"."""
    adding = form.instance._state.adding
    case_change(form=form, by=by, what=_("Meilenstein angelegt") if adding else "")
    milestone = form.instance
    if milestone.kind in EXAM_KINDS:
        case_advance(case=milestone.case, to=Case.Status.EXAM, by=by, reason=milestone.get_kind_display())
    return milestone
