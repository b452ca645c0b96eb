"""The demo network shows what the network view is for: the largest gaps with their numbers, the Schwerin company's
need "SPS-Programmierung" matched with the Schwerin course first and one person of an open case, and a funnel."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model

from counselling.matching import offers_for_needs, people_for_needs
from counselling.models import Company, Need, NeedsAnalysis
from network import demo
from network.figures import network_figures, period_of
from network.gaps import gap_report
from network.models import DemandCount, Region
from offers.models import QualificationStep
from partners.models import Partner
from tests.factories import days

pytestmark = pytest.mark.django_db


def test_the_demo_regions_and_demand_load_twice_without_change():
    counts = (Region.objects.count(), DemandCount.objects.count())
    demo.load(stdout=StringIO())
    assert (Region.objects.count(), DemandCount.objects.count()) == counts == (3, len(demo.DEMAND))
    assert sorted(Region.objects.get(name="Region Schwerin").districts.values_list("code", flat=True)) == [
        "DE804", "DE80M", "DE80O"
    ]  # fmt: skip


def test_the_three_largest_gaps_have_numbers():
    report = gap_report(start=days(-365), end=days(0), suppress=True)
    top = [report.gap_text(cell) for cell in report.ranked[:3]]
    assert len(top) == 3
    assert top[0].startswith("Logistik, Ohne Berufsabschluss → Fachkraft mit Berufsabschluss, Region Schwerin: ")
    assert all(cell.demand > 0 for cell in report.ranked[:3])


def test_the_schwerin_need_sps_gets_the_schwerin_course_first_and_one_person():
    company = Company.objects.get(name="Metallbau Schwerin GmbH")
    analysis = NeedsAnalysis.objects.create(company=company)
    need = Need.objects.create(analysis=analysis, step=QualificationStep.objects.get(slug="fachkraft"),
                               topic="SPS-Programmierung", employees=3)  # fmt: skip
    suggestions = offers_for_needs(company, [need])[need.pk]
    assert (suggestions[0].offer.slug, suggestions[0].offer.title) == (
        "sps-programmierung-tia-schwerin", "SPS-Programmierung mit TIA Portal"
    )  # fmt: skip
    counsellor = get_user_model().objects.get(username="beratung-schwerin")
    assert [case.reference for case in people_for_needs(company, [need], counsellor)[need.pk]] == ["DEMO-N03"]


def test_the_funnel_shows_the_demo_figures():
    figures = network_figures(offices=Partner.objects.all(), period=period_of(days(0).year, None), suppress=False)
    funnel = [value for _label, value, _text in figures.funnel.rows]
    assert funnel[0] >= funnel[1] >= funnel[2] >= funnel[3] >= funnel[4] > 0
