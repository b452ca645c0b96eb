"""The coordination pages: the gap view (table, heat map, ranked gaps, CSV, printable report) and the figures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from network.access import network_required
from network.figures import network_figures, period_of
from network.forms import FiguresForm, GapFilterForm
from network.gaps import gap_report
from network.heatmap import heat_map
from tabular.responses import download


def _gaps(request: HttpRequest):
    form = GapFilterForm(request.GET or None)
    start, end, region = form.choice()
    scope = request.scope
    offices = None if scope.network_wide else scope.offices
    return form, gap_report(start=start, end=end, region=region, offices=offices, suppress=scope.suppress)


@network_required
def gaps(request: HttpRequest) -> HttpResponse:
    form, report = _gaps(request)
    context = {"form": form, "report": report, "heat": heat_map(report), "scope": request.scope}
    return render(request, "network/gaps.html", context)


@network_required
def gaps_report(request: HttpRequest) -> HttpResponse:
    """The same as a printable report: no navigation, the ranked gaps and the full table."""
    form, report = _gaps(request)
    return render(request, "network/report.html", {"form": form, "report": report, "scope": request.scope})


@network_required
def gaps_csv(request: HttpRequest) -> HttpResponse:
    _form, report = _gaps(request)
    return download(report.csv_rows(), filename=f"netzwerk-luecken-{report.start}-{report.end}")


def _figures(request: HttpRequest):
    form = FiguresForm(request.GET or None)
    year, quarter = form.choice()
    scope = request.scope
    return form, network_figures(offices=scope.offices, period=period_of(year, quarter), suppress=scope.suppress)


@network_required
def figures(request: HttpRequest) -> HttpResponse:
    form, result = _figures(request)
    return render(request, "network/figures.html", {"form": form, "figures": result, "scope": request.scope})


@network_required
def figures_csv(request: HttpRequest) -> HttpResponse:
    _form, result = _figures(request)
    return download(result.csv_rows(), filename=f"netzwerk-zahlen-{result.period.label.replace(' ', '-')}")
