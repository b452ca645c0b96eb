from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from counselling.access import counsellor_required
from counselling.audit import record, record_list
from counselling.forms import CompanyForm, NeedFormSet, NeedsAnalysisForm
from counselling.matching import company_matches
from counselling.matching_forms import RadiusForm
from counselling.models import AuditEntry, Company, NeedsAnalysis
from counselling.services import company_save, needs_analysis_record

PAGE_SIZE = 25


@counsellor_required
def company_list(request: HttpRequest) -> HttpResponse:
    companies = (
        Company.objects.visible_to(request.user)
        .select_related("sector", "office")
        .annotate(analysis_count=Count("analyses", distinct=True), last_analysis=Max("analyses__date"))
        .order_by("name", "pk")
    )
    page = Paginator(companies, PAGE_SIZE).get_page(request.GET.get("page"))
    record_list(object_type=AuditEntry.ObjectType.COMPANY, by=request.user, what=_("Liste"))
    return render(request, "counselling/company_list.html", {"page": page})


@counsellor_required
def company_new(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        company = company_save(form=form, by=request.user)
        messages.success(request, _("Das Unternehmen wurde angelegt."))
        return redirect(company)
    return render(request, "counselling/company_form.html", {"form": form})


@counsellor_required
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.visible_to(request.user), pk=pk)
    form = CompanyForm(request.POST or None, instance=company, user=request.user)
    if request.method == "POST" and form.is_valid():
        company_save(form=form, by=request.user)
        messages.success(request, _("Das Unternehmen wurde gespeichert."))
        return redirect(company)
    return render(request, "counselling/company_form.html", {"form": form, "company": company})


@counsellor_required
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = get_object_or_404(Company.objects.visible_to(request.user).select_related("sector"), pk=pk)
    analysis = NeedsAnalysis(company=company)
    form = NeedsAnalysisForm(request.POST or None, instance=analysis)
    formset = NeedFormSet(request.POST or None, instance=analysis, prefix="needs")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        needs_analysis_record(form=form, formset=formset, by=request.user)
        messages.success(request, _("Die Bedarfsanalyse wurde gespeichert."))
        return redirect(company)
    record(action=AuditEntry.Action.VIEW, obj=company, by=request.user)
    radius_form = RadiusForm(request.GET or None)
    context = {
        "company": company,
        "cases": company.cases.select_related("step"),
        "form": form,
        "formset": formset,
        "radius_form": radius_form,
        **company_matches(company, request.user, radius_km=radius_form.radius()),
    }
    return render(request, "counselling/company_detail.html", context, status=400 if form.is_bound else 200)
