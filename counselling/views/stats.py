from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from counselling.access import counsellor_required
from counselling.forms import StatsForm
from counselling.stats import office_statistics
from tabular.responses import download


def _statistics(request: HttpRequest):
    form = StatsForm(request.GET or None, user=request.user)
    office, start, end = form.period()
    if not form.is_bound:
        form = StatsForm(initial={"office": office, "start": start, "end": end}, user=request.user)
    return form, office_statistics(office=office, start=start, end=end)


@counsellor_required
def statistics(request: HttpRequest) -> HttpResponse:
    form, stats = _statistics(request)
    return render(request, "counselling/statistics.html", {"form": form, "stats": stats})


@counsellor_required
def statistics_csv(request: HttpRequest) -> HttpResponse:
    _form, stats = _statistics(request)
    filename = f"beratung-statistik-{stats.office.slug}-{stats.start}-{stats.end}"
    return download(stats.csv_rows(), filename=filename)
