from io import StringIO

from django.urls import reverse

from counselling import demo
from counselling.models import Case, Company, Inquiry, Need, NeedsAnalysis
from partners.models import Membership
from tests.conftest import verified_login

from .conftest import make_offer, make_partner, make_sector, make_step, make_user


def needs_post(step, sector, **extra) -> dict:
    data = {
        "date": "2026-02-01", "notes": "", "needs-TOTAL_FORMS": "3", "needs-INITIAL_FORMS": "0",
        "needs-MIN_NUM_FORMS": "1", "needs-MAX_NUM_FORMS": "1000",
        "needs-0-step": step.pk, "needs-0-sector": sector.pk if sector else "", "needs-0-topic": "CNC",
        "needs-0-employees": "4",
    }  # fmt: skip
    return {**data, **extra}


def test_company_needs_analysis_is_saved_with_its_needs(client, counsellor_s, office_s):
    company = Company.objects.create(office=office_s, name="Metallbau Nord")
    step, sector = make_step(), make_sector()
    verified_login(client, counsellor_s)
    response = client.post(company.get_absolute_url(), needs_post(step, sector))
    assert response.status_code == 302
    analysis = NeedsAnalysis.objects.get()
    assert list(Need.objects.values_list("analysis", "step", "sector", "employees")) == [
        (analysis.pk, step.pk, sector.pk, 4)
    ]


def test_company_needs_analysis_requires_one_need(client, counsellor_s, office_s):
    company = Company.objects.create(office=office_s, name="Metallbau Nord")
    verified_login(client, counsellor_s)
    data = needs_post(make_step(), None, **{"needs-0-step": "", "needs-0-topic": "", "needs-0-employees": ""})
    assert client.post(company.get_absolute_url(), data).status_code == 400
    assert not NeedsAnalysis.objects.exists()


def test_company_page_shows_matching_published_offers_per_need(client, counsellor_s, office_s):
    step, other_step, sector = make_step("ohne-abschluss"), make_step("fachkraft"), make_sector("metall")
    match = make_offer(office_s, "TQ Metall")
    match.entry_levels.add(step)
    match.sectors.add(sector)
    draft = make_offer(office_s, "TQ Metall Entwurf", status="draft")
    draft.entry_levels.add(step)
    draft.sectors.add(sector)
    wrong_level = make_offer(office_s, "Meisterkurs Metall")
    wrong_level.entry_levels.add(other_step)
    wrong_level.sectors.add(sector)
    company = Company.objects.create(office=office_s, name="Metallbau Nord")
    analysis = NeedsAnalysis.objects.create(company=company)
    Need.objects.create(analysis=analysis, step=step, sector=sector, employees=3)
    verified_login(client, counsellor_s)
    response = client.get(company.get_absolute_url())
    [(_analysis, [(_need, offers)])] = response.context["analyses"]
    assert offers == [match]


def test_company_new_is_created_for_own_office(client, counsellor_s, office_s, office_n):
    verified_login(client, counsellor_s)
    data = {"office": office_n.pk, "name": "Fremd", "size": "10-49"}
    assert client.post(reverse("counselling:company_new"), data).status_code == 200
    client.post(reverse("counselling:company_new"), {**data, "office": office_s.pk})
    assert list(Company.objects.values_list("office", "name")) == [(office_s.pk, "Fremd")]


def test_company_edit_keeps_company_in_own_office(client, counsellor_s, office_s, office_n):
    company = Company.objects.create(office=office_s, name="Alt")
    verified_login(client, counsellor_s)
    url = reverse("counselling:company_edit", args=[company.pk])
    assert client.post(url, {"office": office_n.pk, "name": "Neu"}).status_code == 200
    client.post(url, {"office": office_s.pk, "name": "Neu", "size": "1-9"})
    company.refresh_from_db()
    assert (company.office, company.name, company.size) == (office_s, "Neu", "1-9")


def test_demo_skips_missing_offices(db):
    out = StringIO()
    demo.load(stdout=out)
    assert "lotsendienst-stuttgart not found, skipped" in out.getvalue()
    assert not Case.objects.exists()


def test_demo_loads_cases_for_both_offices_and_is_idempotent(db):
    for slug, username in [("lotsendienst-stuttgart", "beratung-stuttgart"),
                           ("schweriner-ausbildungszentrum", "beratung-schwerin")]:  # fmt: skip
        user = make_user(username)
        Membership.objects.create(user=user, partner=make_partner(slug), role=Membership.Role.COUNSELLOR)
    demo.load(stdout=StringIO())
    counts = (Case.objects.count(), Inquiry.objects.count(), Company.objects.count())
    demo.load(stdout=StringIO())
    assert (Case.objects.count(), Inquiry.objects.count(), Company.objects.count()) == counts
    assert counts[0] == 2 * len(demo.CASES)
    assert set(Case.objects.values_list("office__slug", flat=True)) == {
        "lotsendienst-stuttgart", "schweriner-ausbildungszentrum"
    }  # fmt: skip
    assert Case.objects.filter(gender="diverse").exists()
    assert Case.objects.filter(counsellor__username="beratung-stuttgart").count() == len(demo.CASES)
