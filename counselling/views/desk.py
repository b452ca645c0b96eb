from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from counselling.access import counsellor_required
from counselling.audit import record, record_list
from counselling.models import AuditEntry, Case, Company, Inquiry, Session
from counselling.querysets import answer_overdue_before
from counselling.services import (
    InquiryAlreadyHandled,
    follow_up_done,
    inquiry_anonymise,
    inquiry_close,
    inquiry_convert,
)

PAGE_SIZE = 25
NO_TALK_DAYS = 60  # a case without a talk this long shows on the desk's start page


@counsellor_required
def desk(request: HttpRequest) -> HttpResponse:
    """Today's work: new requests, follow-ups due this week or overdue, cases without a talk for 60 days."""
    today = timezone.localdate()
    week_end = today + timedelta(days=6 - today.weekday())
    my_cases = Case.objects.visible_to(request.user).open().filter(counsellor=request.user)
    follow_ups = Session.objects.filter(case__in=my_cases).follow_ups_open(week_end)
    quiet_cases = my_cases.without_talk_since(today - timedelta(days=NO_TALK_DAYS))
    inquiries = Inquiry.objects.visible_to(request.user).unanswered().select_related("office")
    analyses_due = Company.objects.visible_to(request.user).analysis_due(today)
    context = {
        "my_cases": my_cases.select_related("step").order_by("-updated_at", "-pk")[:20],
        "follow_ups": follow_ups.select_related("case").order_by("follow_up", "pk"),
        # Never talked to first, on every database (SQLite and PostgreSQL sort NULL differently by default).
        "quiet_cases": quiet_cases.order_by(F("last_talk").asc(nulls_first=True), "opened_on", "pk")[:20],
        "no_talk_days": NO_TALK_DAYS,
        "inquiries": inquiries[:20],
        "overdue_inquiries": inquiries.overdue(today).count(),
        "overdue_before": answer_overdue_before(today),
        "today": today,
        "analyses_due": analyses_due.order_by("last_analysis", "pk")[:20],
    }
    record_list(object_type=AuditEntry.ObjectType.CASE, by=request.user, what=_("Übersicht"))
    return render(request, "counselling/desk.html", context)


@counsellor_required
@require_POST
def follow_up_done_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session.objects.visible_to(request.user).select_related("case"), pk=pk)
    follow_up_done(session=session, by=request.user)
    messages.success(request, _("Die Wiedervorlage ist erledigt."))
    return redirect("counselling:desk")


@counsellor_required
def inquiry_list(request: HttpRequest) -> HttpResponse:
    inquiries = Inquiry.objects.visible_to(request.user).select_related("office", "case", "language")
    page = Paginator(inquiries, PAGE_SIZE).get_page(request.GET.get("page"))
    record_list(object_type=AuditEntry.ObjectType.INQUIRY, by=request.user, what=_("Liste"))
    context = {"page": page, "overdue_before": answer_overdue_before()}
    return render(request, "counselling/inquiry_list.html", context)


@counsellor_required
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = get_object_or_404(Inquiry.objects.visible_to(request.user).select_related("office"), pk=pk)
    record(action=AuditEntry.Action.VIEW, obj=inquiry, by=request.user)
    return render(request, "counselling/inquiry_detail.html", {"inquiry": inquiry})


@counsellor_required
@require_POST
def inquiry_convert_view(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = get_object_or_404(Inquiry.objects.visible_to(request.user), pk=pk)
    try:
        case = inquiry_convert(inquiry=inquiry, by=request.user)
    except InquiryAlreadyHandled:
        messages.error(request, _("Diese Anfrage ist bereits ein Fall."))
        return redirect(inquiry)
    messages.success(request, _("Der Fall %(ref)s wurde angelegt.") % {"ref": case.reference})
    return redirect(case)


@counsellor_required
@require_POST
def inquiry_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = get_object_or_404(Inquiry.objects.visible_to(request.user), pk=pk)
    if inquiry_close(inquiry=inquiry, by=request.user):
        messages.success(request, _("Die Anfrage ist als erledigt markiert."))
    return redirect("counselling:inquiries")


@counsellor_required
@require_POST
def inquiry_anonymise_view(request: HttpRequest, pk: int) -> HttpResponse:
    """For requests that never became a case; a case's request is anonymised with the case."""
    inquiry = get_object_or_404(Inquiry.objects.visible_to(request.user), pk=pk)
    if hasattr(inquiry, "case"):
        messages.error(request, _("Diese Anfrage gehört zu einem Fall; bitte den Fall anonymisieren."))
        return redirect(inquiry)
    inquiry_anonymise(inquiry=inquiry, by=request.user)
    messages.success(request, _("Die Anfrage wurde anonymisiert."))
    return redirect("counselling:inquiries")
