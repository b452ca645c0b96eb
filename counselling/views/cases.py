from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.kept_forms import restore_kept
from counselling.access import counsellor_required
from counselling.audit import record, record_list
from counselling.drafts import drafts_fill
from counselling.export import case_export_data
from counselling.filters import CaseFilter
from counselling.forms import (
    CaseCreateForm,
    CaseForm,
    CaseSearchForm,
    OfferSearchForm,
    PlanStepForm,
    PlanStepStatusForm,
    ReferralForm,
    ReferralStatusForm,
    SessionForm,
)
from counselling.models import AuditEntry, Case
from counselling.pathway_forms import FollowPathForm, MilestoneForm
from counselling.services import (
    case_anonymise,
    case_change,
    case_create,
    is_last_case_of_company,
    plan_step_save,
    session_log,
)
from counselling.timeline import case_timeline, correction_history

PAGE_SIZE = 25


def _get_case(request: HttpRequest, pk: int) -> Case:
    return get_object_or_404(Case.objects.visible_to(request.user).select_related("office"), pk=pk)


def _get_writable_case(request: HttpRequest, pk: int) -> Case | None:
    case = _get_case(request, pk)
    if case.anonymised_at:
        messages.error(request, _("Dieser Fall ist anonymisiert und kann nicht mehr geändert werden."))
        return None
    return case


SEARCH_KEY = "counselling_case_search"


@counsellor_required
def case_list(request: HttpRequest) -> HttpResponse:
    search = CaseSearchForm(request.POST or None)
    if request.method == "POST" and search.is_valid():
        request.session[SEARCH_KEY] = search.cleaned_data["q"].strip()
        return redirect(request.get_full_path())  # the filters in the query string stay
    query = request.session.get(SEARCH_KEY, "")
    if not search.is_bound:
        search = CaseSearchForm(initial={"q": query})
    cases = Case.objects.visible_to(request.user).select_related("step", "counsellor", "target_group", "office")
    cases = cases.search(query) if query else cases
    case_filter = CaseFilter(request.GET, queryset=cases.order_by("-updated_at", "-pk"), offices=request.offices)
    page = Paginator(case_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    record_list(object_type=AuditEntry.ObjectType.CASE, by=request.user, what=_("Liste"))
    context = {"filter": case_filter, "search": search, "page": page}
    return render(request, "counselling/case_list.html", context, status=400 if search.is_bound else 200)


@counsellor_required
def case_new(request: HttpRequest) -> HttpResponse:
    form = CaseCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = form.save(commit=False)
        case.counsellor = request.user
        case_create(case=case, by=request.user)
        messages.success(request, _("Der Fall %(ref)s wurde angelegt.") % {"ref": case.reference})
        return redirect(case)
    return render(request, "counselling/case_form.html", {"form": form})


def _forms_by_action(case: Case, forms: dict) -> dict:
    """The case page's forms by the address each posts to (its draft autosave too), for a kept form's return."""
    return {
        reverse("counselling:session_add", args=[case.pk]): forms["session_form"],
        reverse("counselling:draft_save", args=[case.pk, "session"]): forms["session_form"],
        reverse("counselling:plan_step_add", args=[case.pk]): forms["plan_form"],
        reverse("counselling:referral_add", args=[case.pk]): forms["referral_form"],
        reverse("counselling:plan_follow_path", args=[case.pk]): forms["path_form"],
        reverse("counselling:milestone_add", args=[case.pk]): forms["milestone_form"],
    }


def render_case(request: HttpRequest, case: Case, status: int = 200, **forms) -> HttpResponse:
    """The case page; used by GET and by the POST views below when a form has errors."""
    search = OfferSearchForm(request.GET)
    offer_query = search.cleaned_data["angebot"].strip() if search.is_valid() else ""
    forms.setdefault("session_form", SessionForm())
    forms.setdefault("plan_form", PlanStepForm(offer_query=offer_query))
    forms.setdefault("referral_form", ReferralForm())
    forms.setdefault("path_form", FollowPathForm(initial={"path": case.path_id}))
    forms.setdefault("milestone_form", MilestoneForm())
    if not restore_kept(request, _forms_by_action(case, forms)):
        drafts_fill(forms["session_form"], user=request.user, case=case, form="session")
    record(action=AuditEntry.Action.VIEW, obj=case, by=request.user)
    context = {
        "case": case,
        "timeline": case_timeline(case),
        "audit_entries": AuditEntry.objects.for_case(case)[:50],
        "offer_search": search,
        "offer_query": offer_query,
        "step_status_form": PlanStepStatusForm(),
        "referral_status_form": ReferralStatusForm(),
        **forms,
    }
    return render(request, "counselling/case_detail.html", context, status=status)


@counsellor_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_case(request, _get_case(request, pk))


@counsellor_required
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = CaseForm(request.POST or None, instance=case, office=case.office)
    draft_url = reverse("counselling:draft_save", args=[case.pk, "case"])
    if not restore_kept(request, {request.path: form, draft_url: form}):
        drafts_fill(form, user=request.user, case=case, form="case")
    if request.method == "POST" and form.is_valid():
        case_change(form=form, by=request.user)
        messages.success(request, _("Der Fall wurde gespeichert."))
        return redirect(case)
    return render(request, "counselling/case_form.html", {"form": form, "case": case})


@counsellor_required
@require_POST
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = SessionForm(request.POST, instance=case.sessions.model(case=case))
    if not form.is_valid():
        return render_case(request, case, status=400, session_form=form)
    session_log(form=form, case=case, by=request.user)
    messages.success(request, _("Das Gespräch wurde dokumentiert."))
    return redirect(f"{case.get_absolute_url()}#verlauf")


@counsellor_required
@require_POST
def plan_step_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = PlanStepForm(request.POST, instance=case.plan_steps.model(case=case))
    if not form.is_valid():
        return render_case(request, case, status=400, plan_form=form)
    plan_step_save(form=form, by=request.user, what=_("Schritt im Qualifizierungsplan angelegt"))
    messages.success(request, _("Der Schritt wurde in den Qualifizierungsplan aufgenommen."))
    return redirect(f"{case.get_absolute_url()}#plan")


@counsellor_required
@require_POST
def referral_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    form = ReferralForm(request.POST, instance=case.referrals.model(case=case))
    if not form.is_valid():
        return render_case(request, case, status=400, referral_form=form)
    case_change(form=form, by=request.user, what=_("Vermittlung angelegt"))
    messages.success(request, _("Die Vermittlung wurde gespeichert."))
    return redirect(f"{case.get_absolute_url()}#verlauf")


def _status_change(request: HttpRequest, pk: int, related: str, item_pk: int, form_class, what: str, save=case_change):
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    item = get_object_or_404(getattr(case, related), pk=item_pk)
    form = form_class(request.POST, instance=item)
    if form.is_valid():
        save(form=form, by=request.user, what=what)
        messages.success(request, _("Der Status wurde geändert."))
    else:
        messages.error(request, _("Bitte einen gültigen Status wählen."))
    return redirect(f"{case.get_absolute_url()}#verlauf")


@counsellor_required
@require_POST
def plan_step_status(request: HttpRequest, pk: int, step_pk: int) -> HttpResponse:
    what = _("Status eines Planschritts")
    return _status_change(request, pk, "plan_steps", step_pk, PlanStepStatusForm, what, save=plan_step_save)


@counsellor_required
@require_POST
def referral_status(request: HttpRequest, pk: int, referral_pk: int) -> HttpResponse:
    return _status_change(request, pk, "referrals", referral_pk, ReferralStatusForm, _("Status einer Vermittlung"))


@counsellor_required
def case_export_json(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk)
    record(action=AuditEntry.Action.EXPORT, obj=case, by=request.user, what="JSON")
    response = JsonResponse(case_export_data(case), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{case.reference}.json"'
    return response


@counsellor_required
def case_export_print(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_case(request, pk)
    record(action=AuditEntry.Action.EXPORT, obj=case, by=request.user, what=_("Druckansicht"))
    return render(request, "counselling/case_export.html", {"case": case, "data": case_export_data(case)})


@counsellor_required
def case_anonymise_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    if request.method == "POST":
        case_anonymise(case=case, by=request.user)
        messages.success(request, _("Der Fall wurde anonymisiert."))
        return redirect(case)
    context = {"case": case, "clears_company": is_last_case_of_company(case)}
    return render(request, "counselling/case_anonymise.html", context)


# --- corrections: sessions, plan steps and referrals stay editable, their earlier versions are kept --------------
CORRECTIONS = {
    "sessions": (SessionForm, _("Gespräch korrigieren")),
    "plan_steps": (PlanStepForm, _("Schritt im Qualifizierungsplan korrigieren")),
    "referrals": (ReferralForm, _("Vermittlung korrigieren")),
}


def _correct(request: HttpRequest, pk: int, related: str, item_pk: int) -> HttpResponse:
    case = _get_writable_case(request, pk)
    if case is None:
        return redirect("counselling:case", pk=pk)
    item = get_object_or_404(getattr(case, related), pk=item_pk)
    form_class, title = CORRECTIONS[related]
    form = form_class(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        case_change(form=form, by=request.user)
        messages.success(request, _("Die Korrektur wurde gespeichert; die frühere Fassung bleibt erhalten."))
        return redirect(f"{case.get_absolute_url()}#verlauf")
    context = {"case": case, "form": form, "title": title, "versions": correction_history(item)}
    return render(request, "counselling/record_form.html", context, status=400 if form.is_bound else 200)


@counsellor_required
def session_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    return _correct(request, pk, "sessions", item_pk)


@counsellor_required
def plan_step_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    return _correct(request, pk, "plan_steps", item_pk)


@counsellor_required
def referral_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    return _correct(request, pk, "referrals", item_pk)
