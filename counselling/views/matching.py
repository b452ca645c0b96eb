"""The desk's needs matching: a suggestion taken into a case in one click, people and companies brought together."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counselling.access import counsellor_required
from counselling.audit import record
from counselling.match_actions import person_put_forward, suggestion_plan, suggestion_refer
from counselling.matching import needs_for_case
from counselling.matching_forms import PutForwardForm, SuggestionForm, open_person_cases
from counselling.models import AuditEntry, Company, Need


@counsellor_required
@require_POST
def suggestion_take(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.visible_to(request.user), pk=pk)
    form = SuggestionForm(request.POST, company=company, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Bitte einen offenen Fall dieses Unternehmens wählen."))
        return redirect(company)
    data = form.cleaned_data
    if data["action"] == SuggestionForm.PLAN:
        suggestion_plan(case=data["case"], offer=data["offer"], by=request.user)
        messages.success(request, _("Das Angebot steht jetzt im Qualifizierungsplan von %(ref)s.") % {
            "ref": data["case"].reference})  # fmt: skip
    else:
        suggestion_refer(case=data["case"], offer=data["offer"], need=data["need"], by=request.user)
        messages.success(request, _("Die Vermittlung für %(ref)s wurde gespeichert.") % {"ref": data["case"].reference})
    return redirect(company)


@counsellor_required
@require_POST
def put_forward(request: HttpRequest) -> HttpResponse:
    """A person (open case) proposed for a company's need; from the company page or from the case's match page."""
    needs = Need.objects.filter(analysis__company__in=Company.objects.visible_to(request.user))
    form = PutForwardForm(request.POST, needs=needs, user=request.user)
    if not form.is_valid():
        raise Http404  # a need or case outside the user's offices: the same answer as any foreign record
    referral = person_put_forward(case=form.cleaned_data["case"], need=form.cleaned_data["need"], by=request.user)
    text = _("%(ref)s wurde dem Unternehmen vorgeschlagen; das Ergebnis steht bei der Vermittlung.")
    messages.success(request, text % {"ref": referral.case.reference})
    if request.POST.get("back") == "case":
        return redirect("counselling:case_companies", pk=referral.case.pk)
    return redirect(referral.need.analysis.company)


@counsellor_required
def case_companies(request: HttpRequest, pk: int) -> HttpResponse:
    """The companies of the office whose needs fit this person (step, goal, sector)."""
    case = get_object_or_404(open_person_cases(request.user).select_related("step", "sector"), pk=pk)
    needs = needs_for_case(case, request.user)
    record(action=AuditEntry.Action.VIEW, obj=case, by=request.user, what=_("passende Unternehmen"))
    referred = set(case.referrals.filter(need__isnull=False).values_list("need_id", flat=True))
    context = {"case": case, "needs": needs, "referred": referred, "goal_missing": not case.goal_kind}
    return render(request, "counselling/case_companies.html", context)
