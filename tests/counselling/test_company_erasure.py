"""A company's name (a sole trader's is a person's name), contact person, needs-analysis notes and needs' topics are
personal data: erased with its last case, and cleared by apply_retention once nothing keeps them. Sector, size,
postcode and the needs' steps and head counts stay for the statistics."""

from datetime import date, datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry, Case, Company, Need, NeedsAnalysis
from counselling.services import case_anonymise
from counselling.stats import office_statistics
from tests.conftest import verified_login
from tests.factories import CaseFactory, CompanyFactory, NeedFactory, NeedsAnalysisFactory, sector

from .test_erasure import plain

BERLIN = ZoneInfo("Europe/Berlin")


def personal(company: Company) -> tuple[str, list[str]]:
    company.refresh_from_db()
    return company.contact, list(company.analyses.values_list("notes", flat=True))


def test_erasing_one_of_two_cases_keeps_the_company_contact(world, office_s):
    company = world["s"].company
    second = CaseFactory(office=office_s, name="Zweite Person", company=company)

    case_anonymise(case=world["s"])

    assert personal(company) == ("Kontakt geheimS", ["Analyse geheimS"])
    case_anonymise(case=second)
    assert personal(company) == ("", [""])


def test_erasing_the_last_case_clears_only_its_own_company(world):
    case_anonymise(case=world["s"])

    assert personal(world["s"].company) == ("", [""])
    assert personal(world["n"].company) == ("Kontakt geheimN", ["Analyse geheimN"])


def test_erasing_the_last_case_leaves_one_anonymise_entry_naming_the_company(world, counsellor_s):
    case = world["s"]

    case_anonymise(case=case, by=counsellor_s)

    entries = AuditEntry.objects.filter(action="anonymise")
    text = f"Name, Ansprechperson, Analysenotizen und Themen von Unternehmen {case.company_id} gelöscht"
    assert list(entries.values_list("case_pk", "office_pk", "user", "what")) == [
        (case.pk, case.office_id, counsellor_s.pk, text)
    ]


def test_erasing_a_case_without_company_touches_no_company(world, office_s):
    lone = CaseFactory(office=office_s, name="Ohne Firma")

    case_anonymise(case=lone)

    assert personal(world["s"].company) == ("Kontakt geheimS", ["Analyse geheimS"])
    assert AuditEntry.objects.get(case_pk=lone.pk, action="anonymise").what == ""


def test_confirmation_page_says_when_the_company_is_cleared_too(client, world, office_s, counsellor_s):
    verified_login(client, counsellor_s)
    url = reverse("counselling:case_anonymise", args=[world["s"].pk])
    notice = "Es ist der letzte Fall von „Firma geheimS“"

    assert notice in client.get(url).content.decode()
    CaseFactory(office=office_s, company=world["s"].company)
    assert notice not in client.get(url).content.decode()


def test_company_page_after_erasure_shows_dashes_and_keeps_business_data(client, world, counsellor_s):
    company = world["s"].company
    company.sector, company.size, company.postcode = sector("metall-elektro"), "10-49", "70173"
    company.save()
    case_anonymise(case=world["s"])
    verified_login(client, counsellor_s)

    response = client.get(company.get_absolute_url())

    body = response.content.decode()
    assert "<dt>Ansprechperson</dt><dd>–</dd>" in body
    assert '<p class="prewrap">' not in body  # no empty notes paragraph
    assert "<h1>–</h1>" in body
    assert "Firma geheimS" not in body
    assert "<dt>Postleitzahl</dt><dd>70173</dd>" in body
    [(_analysis, [(need, _offers, _people)])] = response.context["analyses"]
    assert (need.topic, need.employees) == ("", 3)


# apply_retention, with a 30-day period. The cutoff day is 30 days ago: activity on it keeps a company.


def noon(days_ago: int) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return datetime.combine(day, datetime.min.time(), BERLIN).replace(hour=12)


def company(office, name: str, created: int, analysis: int | None = None) -> Company:
    firm = CompanyFactory(office=office, name=name, contact=f"Kontakt {name}", created_at=noon(created))
    if analysis is not None:
        notes = NeedsAnalysisFactory(company=firm, date=noon(analysis).date(), notes=f"Notiz {name}")
        NeedFactory(analysis=notes, employees=2)
    return firm


def closed(office, firm: Company, days_ago: int, **fields) -> Case:
    return CaseFactory(office=office, company=firm, status="closed", outcome="job", closed_at=noon(days_ago), **fields)


@pytest.fixture
def firms(office_s, office_n, settings):
    settings.CASE_RETENTION_DAYS = 30
    firms = {
        "quiet": company(office_s, "quiet", created=40, analysis=35),
        "quiet-other-office": company(office_n, "quiet-other-office", created=40),
        "created-on-cutoff": company(office_s, "created-on-cutoff", created=30),
        "analysis-on-cutoff": company(office_s, "analysis-on-cutoff", created=40, analysis=30),
        "open-case": company(office_s, "open-case", created=40, analysis=35),
        "closed-recently": company(office_s, "closed-recently", created=40),
        "last-case-expires": company(office_s, "last-case-expires", created=40, analysis=35),
        "last-case-expires-analysed-lately": company(
            office_s, "last-case-expires-analysed-lately", created=40, analysis=5
        ),
        "case-expires-other-open": company(office_s, "case-expires-other-open", created=40),
        "anonymised-recently": company(office_s, "anonymised-recently", created=40),
        "anonymised-long-ago": company(office_s, "anonymised-long-ago", created=40),
        "nothing-to-clear": company(office_s, "nothing-to-clear", created=40, analysis=35),
    }
    CaseFactory(office=office_s, company=firms["open-case"], opened_on=noon(40).date())
    closed(office_s, firms["closed-recently"], 10)
    closed(office_s, firms["last-case-expires"], 31)
    closed(office_s, firms["last-case-expires-analysed-lately"], 31)
    closed(office_s, firms["case-expires-other-open"], 31)
    CaseFactory(office=office_s, company=firms["case-expires-other-open"])
    for key, days_ago in [("anonymised-recently", 10), ("anonymised-long-ago", 40)]:
        case_anonymise(case=closed(office_s, firms[key], days_ago))
        # Contact entered again afterwards: only the activity dates decide.
        Company.objects.filter(pk=firms[key].pk).update(contact=f"Kontakt {key}")
    Company.objects.filter(pk=firms["nothing-to-clear"].pk).update(name="–", contact="")
    NeedsAnalysis.objects.filter(company=firms["nothing-to-clear"]).update(notes="")
    return firms


CLEARED = {"quiet", "quiet-other-office", "last-case-expires", "anonymised-long-ago"}


def test_retention_clears_exactly_the_companies_nothing_keeps(firms):
    call_command("apply_retention", stdout=StringIO())

    state = {key: personal(firm) for key, firm in firms.items()}
    cleared = {key for key, (contact, notes) in state.items() if contact == "" and not any(notes)}
    assert cleared == CLEARED | {"nothing-to-clear"}
    assert state["analysis-on-cutoff"] == ("Kontakt analysis-on-cutoff", ["Notiz analysis-on-cutoff"])
    lately = "last-case-expires-analysed-lately"  # still being advised: its old case goes, its contact stays
    assert state[lately] == (f"Kontakt {lately}", [f"Notiz {lately}"])
    assert Case.objects.get(company=firms[lately]).anonymised_at is not None
    assert state["case-expires-other-open"] == ("Kontakt case-expires-other-open", [])
    assert state["anonymised-recently"] == ("Kontakt anonymised-recently", [])


def test_retention_clears_names_of_the_cleared_companies_and_keeps_the_needs_counts(firms):
    needs_before = list(Need.objects.values_list("analysis__company", "step", "employees").order_by("pk"))

    call_command("apply_retention", stdout=StringIO())

    names = {key: Company.objects.get(pk=firm.pk).name for key, firm in firms.items()}
    assert {key for key, name in names.items() if name == "–"} == CLEARED | {
        "nothing-to-clear", "anonymised-recently"  # erased with its case ten days ago
    }  # fmt: skip
    assert list(Need.objects.values_list("analysis__company", "step", "employees").order_by("pk")) == needs_before


def test_retention_logs_each_company_it_clears_once(firms, office_n):
    earlier = list(AuditEntry.objects.values_list("pk", flat=True))  # the fixture's own erasures

    call_command("apply_retention", stdout=StringIO())
    call_command("apply_retention", stdout=StringIO())

    logged = AuditEntry.objects.filter(action="anonymise", what__startswith="Name, Ansprechperson").exclude(
        pk__in=earlier
    )
    text = "Name, Ansprechperson, Analysenotizen und Themen von Unternehmen %s gelöscht"
    expected = {text % firms[key].pk for key in CLEARED}
    assert sorted(logged.values_list("what", flat=True)) == sorted(expected)
    # Cleared by their own lack of activity, not with a case: logged per office, on no case.
    assert not logged.filter(case_pk__isnull=False).exists()
    assert logged.get(what__endswith=f" {firms['quiet-other-office'].pk} gelöscht").office_pk == office_n.pk


def test_retention_dry_run_lists_the_companies_a_real_run_clears_and_changes_nothing(firms):
    dry = StringIO()
    call_command("apply_retention", "--dry-run", stdout=dry)

    assert {key: personal(firm)[0] for key, firm in firms.items() if key != "nothing-to-clear"} == {
        key: f"Kontakt {key}" for key in firms if key != "nothing-to-clear"
    }
    listed = {line.split()[1] for line in dry.getvalue().splitlines() if line.startswith("  company ")}
    assert listed == {str(firms[key].pk) for key in CLEARED}
    assert f"company {firms['quiet'].pk} (lotsendienst-stuttgart), last active {noon(35):%Y-%m-%d}" in dry.getvalue()

    real = StringIO()
    call_command("apply_retention", stdout=real)
    companies = [line for line in real.getvalue().splitlines() if line.startswith("  company ")]
    assert companies == [line for line in dry.getvalue().splitlines() if line.startswith("  company ")]


def test_retention_of_companies_keeps_statistics_unchanged(firms, office_s):
    period = {"office": office_s, "start": date(2000, 1, 1), "end": timezone.localdate()}
    before = plain(office_statistics(**period))

    call_command("apply_retention", stdout=StringIO())

    assert plain(office_statistics(**period)) == before
    assert [(k, v) for k, v in before[0] if k in ("Bedarfsanalysen", "Beschäftigte mit Bedarf")] == [
        ("Bedarfsanalysen", 6), ("Beschäftigte mit Bedarf", 12)
    ]  # fmt: skip
