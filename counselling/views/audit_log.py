"""The audit log for coordinators: who did what when, by object type and pseudonymous case reference only —
never names or contents (docs/roles.md, personal data)."""

import csv

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from counselling.access import coordinator_required
from counselling.forms import AuditPeriodForm
from counselling.models import AuditEntry
from partners.models import Partner

PAGE_SIZE = 100


def _entries(request: HttpRequest):
    form = AuditPeriodForm(request.GET or None)
    start, end = form.period()
    if not form.is_bound or not form.is_valid():
        form = AuditPeriodForm(initial={"start": start, "end": end})
    entries = AuditEntry.objects.between(start, end).order_by("-at", "-pk")
    return form, start, end, entries


def _office_names(entries) -> dict[int, str]:
    office_pks = {entry.office_pk for entry in entries if entry.office_pk}
    return dict(Partner.objects.filter(pk__in=office_pks).values_list("pk", "name"))


def _row(entry: AuditEntry, offices: dict[int, str]) -> list[str]:
    return [
        timezone.localtime(entry.at).isoformat(timespec="seconds"),
        entry.actor or "–",
        entry.get_action_display(),
        entry.get_object_type_display(),
        entry.case_reference,
        offices.get(entry.office_pk, ""),
    ]


def _header() -> list[str]:
    return [_("Zeitpunkt"), _("Wer"), _("Aktion"), _("Art des Datensatzes"), _("Aktenzeichen"), _("Stelle")]


@coordinator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form, start, end, entries = _entries(request)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    offices = _office_names(page.object_list)
    rows = [_row(entry, offices) for entry in page.object_list]
    context = {"form": form, "start": start, "end": end, "page": page, "header": _header(), "rows": rows}
    return render(request, "counselling/audit_log.html", context)


@coordinator_required
def audit_log_csv(request: HttpRequest) -> HttpResponse:
    _form, start, end, entries = _entries(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="protokoll-{start}-{end}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow(_header())
    offices = dict(Partner.objects.values_list("pk", "name"))
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(_row(entry, offices))
    return response
