"""The gap view against numbers computed by hand from fixed test data; who sees what; the CSV and the report."""

import csv
import io

import pytest

from counselling.models import Referral
from network.gaps import gap_report
from network.models import DemandCount
from tests.conftest import verified_login
from tests.factories import (
    SCHWERIN,
    STUTTGART,
    CaseFactory,
    CompanyFactory,
    NeedFactory,
    NeedsAnalysisFactory,
    OfferFactory,
    days,
    sector,
    step,
)

METAL_NO_QUALIFICATION_SCHWERIN = (
    "Metall und Elektro, Ohne Berufsabschluss → Fachkraft mit Berufsabschluss, Region Schwerin: "
    "14 Beschäftigte mit Bedarf, 6 Nachfragen im Portal, 9 Anfragen in der Region, 0 aktuelle Angebote in der Region"
)


@pytest.fixture
def network(regions, office_s, office_n):
    """Demand and supply in two regions; comments give each number's source."""
    metal = sector("metall-elektro")
    schwerin_firm = CompanyFactory(office=office_n, postcode="19053", sector=metal)
    analysis = NeedsAnalysisFactory(company=schwerin_firm, date=days(-30))
    NeedFactory(analysis=analysis, step=step("ohne-abschluss"), employees=9)  # sector from the company
    NeedFactory(analysis=analysis, step=step("ohne-abschluss"), sector=metal, employees=5)
    old = NeedsAnalysisFactory(company=schwerin_firm, date=days(-400))  # before the period
    NeedFactory(analysis=old, step=step("ohne-abschluss"), sector=metal, employees=50)
    stuttgart_firm = CompanyFactory(office=office_s, postcode="70173")
    NeedFactory(analysis=NeedsAnalysisFactory(company=stuttgart_firm, date=days(-10)), step=step("fachkraft"),
                sector=sector("pflege-gesundheit"), employees=3)  # fmt: skip
    today = days(0)
    counts = {"day": today, "district_code": "DE804", "step": "ohne-abschluss", "sector": "metall-elektro"}
    DemandCount.objects.create(kind="guide", count=4, **counts)
    DemandCount.objects.create(kind="search", count=2, **counts)
    DemandCount.objects.create(kind="request", day=today, district_code="DE804", topic="abschluss", count=9)
    on = {"levels": ["ohne-abschluss"], "sectors": ["metall-elektro"]}
    OfferFactory(title="TQ Metall Stuttgart", runs__place=STUTTGART, runs__seats=12, **on)
    OfferFactory(title="TQ Metall online", **on)
    OfferFactory(title="Pflege beendet", levels=["fachkraft"], sectors=["pflege-gesundheit"], runs__place=SCHWERIN,
                 runs__start_date=days(-60), runs__end_date=days(-1))  # fmt: skip
    case = CaseFactory(office=office_n, postcode="19053", step=step("ohne-abschluss"), sector=metal)
    Referral.objects.create(case=case, partner=office_n, date=days(-5))  # found no offer


def _cell(report, sector_name, region_name):
    [cell] = [c for c in report.cells if c.labels["sector"] == sector_name and c.labels["region"] == region_name]
    return cell


def test_numbers_by_hand(network):
    report = gap_report(start=days(-365), end=days(0), suppress=False)
    schwerin = _cell(report, "Metall und Elektro", "Region Schwerin")
    assert (schwerin.employees, schwerin.needs, schwerin.guide, schwerin.searches) == (14, 2, 4, 2)
    assert (schwerin.referrals_without_offer, schwerin.offers, schwerin.online) == (1, 0, 1)
    stuttgart = _cell(report, "Metall und Elektro", "Region Stuttgart")
    assert (stuttgart.demand, stuttgart.offers, stuttgart.seats, stuttgart.next_start) == (0, 1, 12, days(30))
    care = _cell(report, "Pflege und Gesundheit", "Region Stuttgart")
    assert (care.employees, care.offers) == (3, 0)  # the Schwerin care course ended
    assert report.requests == {"region-schwerin": 9}
    assert [report.gap_text(cell) for cell in report.ranked][0] == METAL_NO_QUALIFICATION_SCHWERIN
    assert [(c.labels["sector"], c.labels["region"]) for c in report.ranked] == [
        ("Metall und Elektro", "Region Schwerin"),
        ("Pflege und Gesundheit", "Region Stuttgart"),
    ]


def test_the_region_filter_keeps_one_region(network, regions):
    report = gap_report(start=days(-365), end=days(0), region="region-stuttgart", suppress=False)
    assert {cell.labels["region"] for cell in report.cells} == {"Region Stuttgart"}
    assert report.requests == {"region-stuttgart": 0}


def test_the_period_filter_counts_the_old_analysis(network):
    report = gap_report(start=days(-500), end=days(-300), suppress=False)
    assert _cell(report, "Metall und Elektro", "Region Schwerin").employees == 50


def test_coordinator_sees_the_three_largest_gaps_and_small_case_counts_hidden(client, coordinator, network):
    verified_login(client, coordinator)
    response = client.get("/netzwerk/")
    body = response.content.decode()
    assert METAL_NO_QUALIFICATION_SCHWERIN in body
    assert "no-store" in response["Cache-Control"]
    row = [r for r in _csv(client.get("/netzwerk/luecken.csv")) if r[:3] == ["Metall und Elektro",
           "Ohne Berufsabschluss → Fachkraft mit Berufsabschluss", "Region Schwerin"]]  # fmt: skip
    assert row == [[*row[0][:3], "14", "2", "4", "2", "< 5", "9", "0", "0", "", "1"]]


def test_a_counsellor_sees_the_needs_of_the_own_office_only(client, counsellor_s, network):
    verified_login(client, counsellor_s)
    report = client.get("/netzwerk/").context["report"]
    schwerin = _cell(report, "Metall und Elektro", "Region Schwerin")
    assert (schwerin.employees, schwerin.referrals_without_offer) == (0, 0)  # the Schwerin office's records
    assert schwerin.guide == 4  # the portal's anonymous demand is the network's


def test_the_own_office_sees_its_small_numbers(client, counsellor_n, network):
    verified_login(client, counsellor_n)
    rows = _csv(client.get("/netzwerk/luecken.csv"))
    [row] = [r for r in rows if r[0] == "Metall und Elektro" and r[2] == "Region Schwerin"]
    assert row[7] == "1"


def test_the_printable_report_holds_the_ranked_gaps(client, coordinator, network):
    verified_login(client, coordinator)
    body = client.get("/netzwerk/bericht/").content.decode()
    assert METAL_NO_QUALIFICATION_SCHWERIN in body
    assert 'class="desk-nav"' not in body


def test_bad_filter_input_is_a_message_next_to_the_field(client, coordinator, network):
    verified_login(client, coordinator)
    response = client.get("/netzwerk/?start=gestern&region=atlantis")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["start"].value() == "gestern"
    assert set(form.errors) == {"start", "region"}
    assert METAL_NO_QUALIFICATION_SCHWERIN in response.content.decode()  # the defaults apply


def test_coordinators_never_see_a_case(client, coordinator, network, office_n):
    verified_login(client, coordinator)
    case = CaseFactory(office=office_n, name="Zora Geheim")
    for url in ("/netzwerk/", "/netzwerk/bericht/", "/netzwerk/zahlen/"):
        body = client.get(url).content.decode()
        assert case.reference not in body and "Zora Geheim" not in body
    assert client.get(case.get_absolute_url()).status_code == 404


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
