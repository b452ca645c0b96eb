from io import StringIO

from django.urls import reverse

from counselling import demo
from counselling.models import Case, Company, Need, NeedsAnalysis
from tests.conftest import verified_login
from tests.factories import (
    CompanyFactory,
    NeedFactory,
    NeedsAnalysisFactory,
    OfferFactory,
    sector,
    step,
)


def needs_post(step, sector, **extra) -> dict:
    data = {
        "date": "2026-02-01", "notes": "", "needs-TOTAL_FORMS": "3", "needs-INITIAL_FORMS": "0",
        "needs-MIN_NUM_FORMS": "1", "needs-MAX_NUM_FORMS": "1000",
        "needs-0-step": step.pk, "needs-0-sector": sector.pk if sector else "", "needs-0-topic": "CNC",
        "needs-0-employees": "4",
    }  # fmt: skip
    return {**data, **extra}


def test_company_needs_analysis_is_saved_with_its_needs(client, counsellor_s, office_s):
    company = CompanyFactory(office=office_s, name="Metallbau Nord")
    level, branch = step("ohne-abschluss"), sector("metall-elektro")
    verified_login(client, counsellor_s)
    response = client.post(company.get_absolute_url(), needs_post(level, branch))
    assert response.status_code == 302
    analysis = NeedsAnalysis.objects.get()
    assert list(Need.objects.values_list("analysis", "step", "sector", "employees")) == [
        (analysis.pk, level.pk, branch.pk, 4)
    ]


def test_company_needs_analysis_requires_one_need(client, counsellor_s, office_s):
    company = CompanyFactory(office=office_s, name="Metallbau Nord")
    verified_login(client, counsellor_s)
    data = needs_post(
        step("ohne-abschluss"), None, **{"needs-0-step": "", "needs-0-topic": "", "needs-0-employees": ""}
    )
    assert client.post(company.get_absolute_url(), data).status_code == 400
    assert not NeedsAnalysis.objects.exists()


def test_company_page_shows_matching_published_offers_per_need(client, counsellor_s, office_s):
    metal = {"provider": office_s, "sectors": ["metall-elektro"]}
    match = OfferFactory(title="TQ Metall", levels=["ohne-abschluss"], **metal)
    OfferFactory(title="TQ Metall Entwurf", levels=["ohne-abschluss"], status="draft", **metal)
    OfferFactory(title="Meisterkurs Metall", levels=["fachkraft"], **metal)  # wrong level
    company = CompanyFactory(office=office_s, name="Metallbau Nord")
    analysis = NeedsAnalysisFactory(company=company)
    NeedFactory(analysis=analysis, step=step("ohne-abschluss"), sector=sector("metall-elektro"), employees=3)
    verified_login(client, counsellor_s)
    response = client.get(company.get_absolute_url())
    [(_analysis, [(_need, suggestions, _people)])] = response.context["analyses"]
    assert [suggestion.offer for suggestion in suggestions] == [match]


def test_company_page_needs_table_stacks_into_cards_at_phone_width(client, counsellor_s, office_s):
    company = CompanyFactory(office=office_s, name="Metallbau Nord")
    analysis = NeedsAnalysisFactory(company=company)
    NeedFactory(analysis=analysis, step=step("ohne-abschluss"), topic="CNC", employees=3)
    verified_login(client, counsellor_s)

    body = client.get(company.get_absolute_url()).content.decode()

    # Four columns do not fit 320 px; a stacked table names each cell's column (docs/architecture.md, "Phone width").
    assert '<table class="stack">' in body
    assert '<td data-label="Branche / Thema">CNC</td>' in body
    assert '<td data-label="Beschäftigte">3</td>' in body


def test_company_new_is_created_for_own_office(client, counsellor_s, office_s, office_n):
    verified_login(client, counsellor_s)
    data = {"office": office_n.pk, "name": "Fremd", "size": "10-49"}
    assert client.post(reverse("counselling:company_new"), data).status_code == 200
    client.post(reverse("counselling:company_new"), {**data, "office": office_s.pk})
    assert list(Company.objects.values_list("office", "name")) == [(office_s.pk, "Fremd")]


def test_company_edit_keeps_company_in_own_office(client, counsellor_s, office_s, office_n):
    company = CompanyFactory(office=office_s, name="Alt")
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
