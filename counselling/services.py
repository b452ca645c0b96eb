"""Writes that touch several models, each in one transaction, each leaving an audit entry."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from counselling.audit import record
from counselling.consent import CONSENT_VERSION
from counselling.drafts import drafts_discard
from counselling.models import (
    AuditEntry,
    Case,
    ClientKind,
    Company,
    Draft,
    Inquiry,
    Milestone,
    Need,
    NeedsAnalysis,
    PlanStep,
    Referral,
    Session,
    StatusChange,
)
from counselling.selectors import office_counsellor_emails

ANONYMOUS = "–"
NEXT_VERSION = {"version": F("version") + 1}  # an erasure is a change: an editor's open form must not undo it


def inquiry_submit(*, inquiry: Inquiry, base_url: str = "") -> Inquiry:
    """Stores a public request with the consent it was given under, then tells the office's counsellors."""
    inquiry.consent_given_at = timezone.now()
    inquiry.consent_version = CONSENT_VERSION
    inquiry.save()
    recipients = office_counsellor_emails(inquiry.office)
    if recipients:
        # No personal data in the mail: the counsellor reads the request on the desk.
        link = base_url.rstrip("/") + reverse("counselling:inquiry", args=[inquiry.pk])
        # Queued, not sent here (operations.mail): a mail server that refuses or hangs cannot lose the request.
        send_mail(
            _("Neue Beratungsanfrage für %(office)s") % {"office": inquiry.office.name},
            _("Im Eingang der Beratung liegt eine neue Anfrage: %(link)s") % {"link": link},
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    return inquiry


class InquiryAlreadyHandled(Exception):
    """The request became a case or was anonymised meanwhile (e.g. a double click)."""


@transaction.atomic
def inquiry_convert(*, inquiry: Inquiry, by) -> Case:
    # Lock the row so two quick clicks cannot both pass the check and create two cases.
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status == Inquiry.Status.CONVERTED or inquiry.anonymised_at:
        raise InquiryAlreadyHandled
    company = None
    if inquiry.kind == ClientKind.COMPANY:
        company = Company.objects.create(office=inquiry.office, name=inquiry.name, postcode=inquiry.postcode)
    case = Case.objects.create(
        office=inquiry.office,
        client_kind=inquiry.kind,
        name=inquiry.name,
        email=inquiry.email,
        phone=inquiry.phone,
        postcode=inquiry.postcode,
        company=company,
        goal=inquiry.message,
        counsellor=by,
        inquiry=inquiry,
        consent_given_at=inquiry.consent_given_at,
        consent_version=inquiry.consent_version,
    )
    inquiry.status = Inquiry.Status.CONVERTED
    inquiry.save(update_fields=["status"])
    record(action=AuditEntry.Action.CREATE, obj=case, by=by, what=_("aus Anfrage %(pk)s") % {"pk": inquiry.pk})
    return case


@transaction.atomic
def inquiry_close(*, inquiry: Inquiry, by) -> bool:
    """Marks a request as done; one that became a case stays converted (then False)."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status == Inquiry.Status.CONVERTED:
        return False
    if inquiry.status != Inquiry.Status.CLOSED:
        inquiry.status = Inquiry.Status.CLOSED
        inquiry.save(update_fields=["status"])
        record(action=AuditEntry.Action.STATUS, obj=inquiry, by=by, what=_("erledigt"))
    return True


@transaction.atomic
def case_create(*, case: Case, by) -> Case:
    case.consent_given_at = timezone.now()
    case.consent_version = CONSENT_VERSION
    case.save()
    record(action=AuditEntry.Action.CREATE, obj=case, by=by)
    return case


@transaction.atomic
def case_change(*, form, by, what: str = "") -> Case:
    """Saves a ModelForm for a case or one of its records and logs which fields changed (names, not values);
    a change of nothing but the status is logged as a status change."""
    adding = form.instance._state.adding
    obj = form.save()
    case = obj if isinstance(obj, Case) else obj.case
    changed = [name for name in form.changed_data if name in form.fields]
    if obj is case:
        drafts_discard(user=by, case=case, form="case")  # the notes are saved now
        if "status" in changed and not adding:
            # The counsellor's correction goes on the timeline; the save's own entry below is the status change.
            _status_record(case=case, old=form.initial["status"], by=by, reason=_("von Hand geändert"), audited=False)
    labels = ", ".join(str(form.fields[name].label) for name in changed)
    record(action=_change_action(adding, changed), obj=obj, by=by, what=what or labels)
    return case


def _change_action(adding: bool, changed: list[str]) -> str:
    if adding:
        return AuditEntry.Action.CREATE
    return AuditEntry.Action.STATUS if "status" in changed else AuditEntry.Action.CHANGE


# The way a case usually goes; the work moves it forward along this order, never back (docs/domain.md).
STATUS_ORDER = [
    Case.Status.NEW,
    Case.Status.COUNSELLING,
    Case.Status.PLAN,
    Case.Status.QUALIFYING,
    Case.Status.EXAM,
    Case.Status.CLOSED,
]


def case_advance(*, case: Case, to: str, by, reason: str) -> bool:
    """Moves the case forward to `to` because of work done; a case already there or further stays as it is."""
    if STATUS_ORDER.index(case.status) >= STATUS_ORDER.index(to):
        return False
    old, case.status = case.status, to
    case.save(update_fields=["status", "updated_at"])
    _status_record(case=case, old=old, by=by, reason=reason)
    return True


def _status_record(*, case: Case, old: str, by, reason: str, audited: bool = True) -> None:
    """The move on the case's timeline, and its audit entry unless the caller writes one for the whole save."""
    StatusChange.objects.create(case=case, old=old, new=case.status, user=by, reason=reason)
    if not audited:
        return
    names = {"old": Case.Status(old).label, "new": case.get_status_display(), "reason": reason}
    what = _("Status %(old)s → %(new)s (%(reason)s)") % names
    record(action=AuditEntry.Action.STATUS, obj=case, by=by, what=what)


@transaction.atomic
def plan_step_save(*, form, by, what: str) -> PlanStep:
    """Saves a plan step (new or its status); a plan moves the case to "Qualifizierungsplan", a running step to
    "in Qualifizierung"."""
    case_change(form=form, by=by, what=what)
    step = form.instance
    case_advance(case=step.case, to=Case.Status.PLAN, by=by, reason=_("Qualifizierungsplan angelegt"))
    if step.status == PlanStep.Status.RUNNING:
        case_advance(case=step.case, to=Case.Status.QUALIFYING, by=by, reason=_("Qualifizierung begonnen"))
    return step


@transaction.atomic
def case_anonymise(*, case: Case, by=None, clear_company: bool = True) -> Case:
    """Removes names, contact data and every free text that can hold a name, in the records and in their earlier
    versions; keeps the anonymous fields the statistics count (docs/roles.md, personal data)."""
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(
        name=ANONYMOUS, email="", phone="", postcode="", goal="", notes="", target_qualification="", anonymised_at=now,
        **NEXT_VERSION,
    )  # fmt: skip
    _records_erase(case)
    Draft.objects.filter(case=case).delete()
    AuditEntry.objects.for_case(case).update(what="")
    if case.inquiry_id:
        _inquiry_erase(case.inquiry)  # the case's own entry below covers its request
    what = ""
    if clear_company and is_last_case_of_company(case) and _company_clear(case.company):
        what = _company_cleared_text(case.company)
    case.refresh_from_db()
    record(action=AuditEntry.Action.ANONYMISE, obj=case, by=by, what=what)
    return case


@transaction.atomic
def inquiry_anonymise(*, inquiry: Inquiry, by=None) -> None:
    """Erases a request that never became a case (a case's request goes with the case) and closes it: it is done
    once anonymised (also via apply_retention), not "new" forever."""
    _inquiry_erase(inquiry)
    Inquiry.objects.filter(pk=inquiry.pk).exclude(status=Inquiry.Status.CONVERTED).update(status=Inquiry.Status.CLOSED)
    record(action=AuditEntry.Action.ANONYMISE, obj=inquiry, by=by)


def _records_erase(case: Case) -> None:
    """The free text of a case's sessions, plan steps, referrals and milestones, current and earlier versions
    alike (milestones keep no earlier versions)."""
    texts = {Session: {"topics": "", "notes": "", "next_steps": ""}, PlanStep: {"title": "", "note": ""}}
    texts[Referral] = {"note": ""}
    for model, cleared in texts.items():
        model.objects.filter(case=case).update(**cleared, **NEXT_VERSION)
        model.history.filter(case_id=case.pk).update(**cleared)
    Milestone.objects.filter(case=case).update(note="", **NEXT_VERSION)


def _inquiry_erase(inquiry: Inquiry) -> None:
    Inquiry.objects.filter(pk=inquiry.pk).update(
        name=ANONYMOUS, email="", phone="", postcode="", message="", anonymised_at=timezone.now()
    )


def is_last_case_of_company(case: Case) -> bool:
    """Whether no other case of the case's company is left un-anonymised (its erasure then clears the company)."""
    others = Case.objects.filter(company_id=case.company_id, anonymised_at__isnull=True).exclude(pk=case.pk)
    return case.company_id is not None and not others.exists()


@transaction.atomic
def company_anonymise(*, company: Company, by=None) -> None:
    """Clears a company outside a case's erasure (apply_retention); logged per office, as no case carries it."""
    if _company_clear(company):  # logged only when something was there, so a repeated run leaves no entry
        record(action=AuditEntry.Action.ANONYMISE, obj=company, by=by, what=_company_cleared_text(company))


def _company_clear(company: Company) -> bool:
    """Clears the name, the contact person, the needs analyses' notes and the needs' topics: a sole trader's
    company name is a person's name, and the legal form says too little to tell (an "e.K." or a GbR of two), so
    every erasure clears it. Sector, size, postcode and the needs' steps and head counts stay for the statistics."""
    companies = Company.objects.filter(pk=company.pk)
    cleared = companies.filter(has_text(Company, "name", "contact")).update(name=ANONYMOUS, contact="", **NEXT_VERSION)
    cleared += NeedsAnalysis.objects.filter(company=company).exclude(notes="").update(notes="")
    cleared += Need.objects.filter(analysis__company=company).exclude(topic="").update(topic="")
    return cleared > 0


def has_text(model, *names: str) -> Q:
    """Rows where any of the named text fields still holds something an erasure clears."""
    query = Q()
    for name in names:
        query |= ~Q(**{name: ANONYMOUS if name == "name" else ""}) & ~Q(**{name: ""})
    return query


def _company_cleared_text(company: Company) -> str:
    return _("Name, Ansprechperson, Analysenotizen und Themen von Unternehmen %(pk)s gelöscht") % {"pk": company.pk}


@transaction.atomic
def needs_analysis_record(*, form, formset, by) -> NeedsAnalysis:
    """Saves a company's needs analysis with its needs (validated forms), all or nothing."""
    analysis = form.save()
    formset.save()
    record(action=AuditEntry.Action.CREATE, obj=analysis, by=by)
    return analysis


@transaction.atomic
def company_save(*, form, by) -> Company:
    """Saves the desk's company form and logs which fields changed (names, not values)."""
    adding = form.instance._state.adding
    company = form.save()
    labels = ", ".join(str(form.fields[name].label) for name in form.changed_data if name in form.fields)
    record(action=_change_action(adding, []), obj=company, by=by, what="" if adding else labels)
    return company


def retention_cutoff(today: date | None = None) -> date:
    """Cases closed before this day are past the retention period."""
    return (today or timezone.localdate()) - timedelta(days=settings.CASE_RETENTION_DAYS)


def cases_past_retention(today: date | None = None):
    return Case.objects.filter(
        status=Case.Status.CLOSED, anonymised_at__isnull=True, closed_at__date__lt=retention_cutoff(today)
    ).order_by("closed_at", "pk")


def inquiries_past_retention(today: date | None = None):
    """Requests that never became a case and are older than the retention period."""
    return Inquiry.objects.filter(
        case__isnull=True, anonymised_at__isnull=True, created_at__date__lt=retention_cutoff(today)
    ).order_by("created_at", "pk")


def session_log(*, form, case: Case, by) -> Session:
    session = form.save(commit=False)
    session.case = case
    session.counsellor = by
    with transaction.atomic():
        session.save()
        drafts_discard(user=by, case=case, form="session")
        record(action=AuditEntry.Action.CREATE, obj=session, by=by, what=_("Gespräch dokumentiert"))
        case_advance(case=case, to=Case.Status.COUNSELLING, by=by, reason=_("erstes Gespräch"))
    return session


@transaction.atomic
def follow_up_done(*, session: Session, by) -> None:
    """Marks a session's follow-up as done; until then it stays on the desk, overdue or not."""
    if session.follow_up_done_on is None:
        session.follow_up_done_on = timezone.localdate()
        session.save(update_fields=["follow_up_done_on"])
        record(action=AuditEntry.Action.CHANGE, obj=session, by=by, what=_("Wiedervorlage erledigt"))


def companies_past_retention(today: date | None = None):
    """Companies whose contact or analysis notes a retention run clears: no case of theirs stays un-anonymised
    after it (cases expiring in the same run do not count) and nothing happened on or after the cutoff day
    (created, needs analysis, case closed). A company still being advised keeps its contact although an old case
    of its expires (apply_retention erases such cases with clear_company=False)."""
    cutoff = retention_cutoff(today)
    expiring = cases_past_retention(today).values("pk")
    company_cases = Case.objects.filter(company=OuterRef("pk"))
    remaining = company_cases.filter(anonymised_at__isnull=True).exclude(pk__in=expiring)
    recent = Exists(NeedsAnalysis.objects.filter(company=OuterRef("pk"), date__gte=cutoff)) | Exists(
        company_cases.filter(closed_at__date__gte=cutoff)
    )
    noted = NeedsAnalysis.objects.filter(company=OuterRef("pk")).exclude(notes="")
    topics = Need.objects.filter(analysis__company=OuterRef("pk")).exclude(topic="")
    return (
        Company.objects.filter(has_text(Company, "name", "contact") | Exists(noted) | Exists(topics))
        .exclude(Exists(remaining))
        .filter(Q(created_at__date__lt=cutoff) & ~recent)
        .annotate(last_analysis=Max("analyses__date"), last_closed=Max("cases__closed_at"))
        .order_by("created_at", "pk")
    )
