"""The cost in euros (offers/costs.py): exact euros per programme and situation, rounding, a free offer, and the
offer page's form (garbage input is an error next to its field, never a 500)."""

from decimal import Decimal

import pytest

from offers.costs import Situation, Status, estimate
from tests.factories import OfferFactory, programme

EMPLOYED, UNQUALIFIED, JOBSEEKER = Status.EMPLOYED, Status.UNQUALIFIED, Status.JOBSEEKER
D = Decimal


def situation(employees=None, age=None, status=None, wage=None) -> Situation:
    return Situation(employees=employees, age=age, status=status, monthly_wage=D(wage) if wage else None)


# (programme, price, hours, situation) → (funding, company pays, person pays, wage subsidy)
CASES = {
    "voucher, jobseeker: everything": (
        ("bildungsgutschein", "4900", 320, situation(status=JOBSEEKER)),
        ("4900.00", "0", "0", None),
    ),
    "§ 82, 40 staff, age 35, no wage: course in full, subsidy as share only": (
        ("qualifizierungschancengesetz", "8900", 720, situation(40, 35, EMPLOYED)),
        ("8900.00", "0.00", "0", None),
    ),
    "§ 82, 40 staff, wage 2800: 75 % of the wage for 540 hours": (
        ("qualifizierungschancengesetz", "8900", 720, situation(40, 35, EMPLOYED, "2800")),
        ("8900.00", "0.00", "0", "6710.06"),
    ),
    "§ 82, 100 staff: half, rounded half up": (
        ("qualifizierungschancengesetz", "1234.55", 200, situation(100, 30, EMPLOYED)),
        ("617.28", "617.27", "0", None),
    ),
    "§ 82, 100 staff, age 45: in full": (
        ("qualifizierungschancengesetz", "1234.55", 200, situation(100, 45, EMPLOYED)),
        ("1234.55", "0.00", "0", None),
    ),
    "§ 82, 300 staff, age 50: half (the age rule ends at 250)": (
        ("qualifizierungschancengesetz", "1000", 200, situation(300, 50, EMPLOYED)),
        ("500.00", "500.00", "0", None),
    ),
    "§ 82, 600 staff: a quarter": (
        ("qualifizierungschancengesetz", "999.99", 200, situation(600, 30, EMPLOYED, "3000")),
        ("250.00", "749.99", "0", "665.68"),
    ),
    "§ 82, without qualification, 600 staff: in full and the whole wage": (
        ("qualifizierungschancengesetz", "4900", 320, situation(600, 30, UNQUALIFIED, "2500")),
        ("4900.00", "0.00", "0", "3550.30"),
    ),
    "§ 82, size unknown: no amount": (
        ("qualifizierungschancengesetz", "8900", 720, situation(status=EMPLOYED)),
        (None, None, None, None),
    ),
    "TQ, employee without qualification, wage 2500": (
        ("teilqualifizierung", "4900", 320, situation(10, 40, UNQUALIFIED, "2500")),
        ("4900.00", "0.00", "0", "3550.30"),
    ),
    "TQ, jobseeker: no wage subsidy": (
        ("teilqualifizierung", "4900", 320, situation(status=JOBSEEKER)),
        ("4900.00", "0", "0.00", None),
    ),
    "Aufstiegs-BAföG: half grant, half of the loan waived": (
        ("aufstiegs-bafoeg", "5000", 500, situation(status=EMPLOYED)),
        ("3750.00", "0", "1250.00", None),
    ),
    "Aufstiegs-BAföG, odd cents": (
        ("aufstiegs-bafoeg", "3333.33", 500, situation(status=EMPLOYED)),
        ("2500.00", "0", "833.33", None),
    ),
    "ESF BW, age 30: 30 %": (
        ("esf-fachkurse-bw", "240", 8, situation(20, 30, EMPLOYED)),
        ("72.00", "168.00", "0", None),
    ),
    "ESF BW, age 55: 70 %": (
        ("esf-fachkurse-bw", "240", 8, situation(20, 55, EMPLOYED)),
        ("168.00", "72.00", "0", None),
    ),
    "Weiterbildungsstipendium: 90 % up to 6,000 €": (
        ("weiterbildungsstipendium", "8000", 300, situation(age=22, status=EMPLOYED)),
        ("6000", "0", "2000.00", None),
    ),
    "Qualifizierungsgeld: course stays with the company": (
        ("qualifizierungsgeld", "8900", 720, situation(40, 35, EMPLOYED)),
        ("0", "8900", "0", None),
    ),
    "a free offer costs nothing": (
        ("qualifizierungschancengesetz", "0", 720, situation(600, 30, EMPLOYED)),
        ("0", "0", "0", None),
    ),
    "a programme without a rule gives no amount": (
        ("aufstiegsstipendium", "8900", 720, situation(40, 35, EMPLOYED)),
        (None, None, None, None),
    ),
}


def _amount(value):
    return None if value is None else D(value)


@pytest.mark.parametrize("case", CASES)
def test_estimate_in_exact_euros(case):
    (slug, price, hours, visitor), expected = CASES[case]
    result = estimate(slug, price=D(price), hours=hours, situation=visitor)
    assert result.applies
    found = (result.funding, result.company_pays, result.person_pays, result.wage_subsidy)
    assert found == tuple(_amount(value) for value in expected)


@pytest.mark.parametrize(
    ("slug", "hours", "visitor", "reason"),
    [
        ("bildungsgutschein", 320, situation(status=EMPLOYED), "Nur für Arbeitsuchende"),
        ("qualifizierungschancengesetz", 120, situation(40, 35, EMPLOYED), "mehr als 120 Stunden"),
        ("qualifizierungschancengesetz", 720, situation(status=JOBSEEKER), "Gefördert werden Beschäftigte"),
        ("aufstiegs-bafoeg", 399, situation(status=EMPLOYED), "mindestens 400"),
        ("aufstiegs-bafoeg", 500, situation(status=UNQUALIFIED), "Voraussetzung ist ein Berufsabschluss"),
        ("teilqualifizierung", 320, situation(status=EMPLOYED), "ohne anerkannten Berufsabschluss"),
        ("weiterbildungsstipendium", 300, situation(age=25), "jünger als 25"),
    ],
)
def test_estimate_says_why_a_programme_does_not_fit(slug, hours, visitor, reason):
    result = estimate(slug, price=D("1000"), hours=hours, situation=visitor)
    assert not result.applies
    assert reason in result.reason


def test_wage_subsidy_without_a_wage_is_a_share_and_says_it_cannot_be_counted():
    result = estimate("qualifizierungschancengesetz", price=D("8900"), hours=720, situation=situation(40, 35, EMPLOYED))
    assert result.lines[-1].amount is None
    assert "bis zu 75 % des Lohns" in result.lines[-1].text
    assert "nicht zu beziffern" in result.lines[-1].text


def test_aufstiegs_bafoeg_shows_grant_loan_and_waiver_line_by_line():
    result = estimate("aufstiegs-bafoeg", price=D("5000"), hours=500, situation=situation(status=EMPLOYED))
    assert [line.amount for line in result.lines] == [D("5000"), D("2500.00"), D("2500.00"), D("1250.00"),
                                                      D("1250.00"), None]  # fmt: skip


# --- the offer page ---------------------------------------------------------------------------------------------
@pytest.fixture
def mechatronics(db):
    offer = OfferFactory(
        slug="mechatronik", price=D("8900"), teaching_hours=720, funding=["qualifizierungschancengesetz"]
    )
    qcg = programme("qualifizierungschancengesetz")
    qcg.legal_basis, qcg.url = "§ 82 SGB III", "https://www.arbeitsagentur.de/"
    qcg.save()
    return offer


def test_offer_page_shows_the_cost_in_euros_for_the_visitors_situation(client, mechatronics):
    page = client.get("/angebote/mechatronik/", {"betrieb": "40", "alter": "35", "status": "beschaeftigt"})
    html = page.content.decode()
    assert "Was kostet das mit Förderung?" in html
    assert "Förderung: 100 % der Lehrgangskosten" in html
    assert "8.900,00 €" in html
    assert '<a href="https://www.arbeitsagentur.de/" rel="noopener">§ 82 SGB III</a>' in html
    assert "Stand: 25.11.2026" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"betrieb": "viele"}, "Bitte eine Zahl von 1 bis 1.000.000 angeben"),
        ({"betrieb": "0"}, "Bitte eine Zahl von 1 bis 1.000.000 angeben"),
        ({"alter": "-3"}, "Bitte ein Alter von 14 bis 99 Jahren angeben."),
        ({"alter": "9" * 40}, "Bitte ein Alter von 14 bis 99 Jahren angeben."),
        ({"status": "<script>"}, "Bitte einen der angebotenen Werte wählen."),
        ({"lohn": "zweitausend"}, "Bitte einen Betrag in Euro angeben"),
        ({"lohn": "1e9"}, "Bitte einen Betrag von 0 bis 100.000 € angeben."),
        ({"lohn": "NaN"}, "Bitte einen Betrag in Euro angeben"),
        ({"lohn": "2800,555"}, "Bitte höchstens zwei Stellen nach dem Komma angeben."),
    ],
)
def test_garbage_in_the_cost_form_is_an_error_next_to_the_field_never_a_500(client, mechatronics, params, message):
    response = client.get("/angebote/mechatronik/", params)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "8.900,00 €" in html  # the estimate is still shown, the garbled answer counts as not given


def test_free_offer_page_says_it_costs_nothing(client, db):
    OfferFactory(slug="gratis", price=0, funding=["bildungsgutschein"])
    html = client.get("/angebote/gratis/").content.decode()
    assert "Das Angebot ist kostenlos." in html


def test_the_cost_form_keeps_the_answers_and_an_unanswered_one_is_each_languages_own(client, mechatronics, settings):
    answered = client.get("/angebote/mechatronik/", {"betrieb": "viele", "alter": "35"}).content.decode()
    assert 'name="betrieb" value="viele"' in answered and 'aria-invalid="true"' in answered
    assert 'name="alter" value="35"' in answered
    german = client.get("/angebote/mechatronik/").content.decode()
    assert "Beschäftigte im Betrieb" in german and 'value="viele"' not in german and "aria-invalid" not in german
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/angebote/mechatronik/").content.decode()
    assert "Beschäftigte im Betrieb" not in english and 'name="betrieb"' in english
