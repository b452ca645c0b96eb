"""Needs matching on the desk: the exact offers a need gets (topic, place, ended runs, online, radius), the score's
order, funding by company size, one query set per page, the one-click referral and plan step, and people and
companies brought together inside the office only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from counselling.matching import employer_share, fitting_funding, offers_for_needs, proximity
from counselling.models import Case, Goal, PlanStep, Referral
from tests.conftest import verified_login
from tests.factories import (
    ESSLINGEN,
    SCHWERIN,
    STUTTGART,
    CaseFactory,
    CompanyFactory,
    NeedFactory,
    NeedsAnalysisFactory,
    OfferFactory,
    Place,
    PostcodeFactory,
    days,
    sector,
    step,
)

WISMAR = Place("23966", "Wismar", 53.8925, 11.4650)  # about 30 km from Schwerin


@pytest.fixture
def schwerin_company(office_n):
    PostcodeFactory(place=SCHWERIN)
    return CompanyFactory(office=office_n, name="Maschinenbau Schwerin", postcode="19053", size="10-49")


@pytest.fixture
def catalogue(office_n):
    """Offers around a need "SPS-Programmierung" on the step "Fachkraft"."""
    on = {"provider": office_n, "levels": ["fachkraft"]}
    return {
        "tia": OfferFactory(title="SPS-Programmierung mit TIA Portal", runs__place=SCHWERIN, **on),
        "wismar": OfferFactory(title="SPS-Programmierung Aufbaukurs", runs__place=WISMAR, **on),
        "online": OfferFactory(title="SPS Grundlagen", summary="Programmierung von Steuerungen online.", **on),
        "stuttgart": OfferFactory(title="SPS-Programmierung in Stuttgart", runs__place=STUTTGART, **on),
        "ended": OfferFactory(
            title="SPS-Programmierung Kompakt",
            runs__place=SCHWERIN,
            runs__start_date=days(-90),
            runs__end_date=days(-10),
            **on,
        ),  # fmt: skip
        "unrelated": OfferFactory(title="Beratung zur Weiterbildung", runs__place=SCHWERIN, **on),
        "wrong_level": OfferFactory(
            title="SPS-Programmierung für Einsteiger",
            provider=office_n,
            levels=["ohne-abschluss"],
            runs__place=SCHWERIN,
        ),  # fmt: skip
        "draft": OfferFactory(title="SPS-Programmierung Entwurf", status="draft", runs__place=SCHWERIN, **on),
    }


def _need(company, **fields):
    analysis = NeedsAnalysisFactory(company=company)
    return NeedFactory(analysis=analysis, **{"step": step("fachkraft"), "employees": 3, **fields})


def _titles(company, need, **kwargs) -> list[str]:
    return [suggestion.offer.title for suggestion in offers_for_needs(company, [need], **kwargs)[need.pk]]


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        (10, ["SPS-Programmierung mit TIA Portal", "SPS Grundlagen"]),
        (50, ["SPS-Programmierung mit TIA Portal", "SPS-Programmierung Aufbaukurs", "SPS Grundlagen"]),
        (
            1000,
            [
                "SPS-Programmierung mit TIA Portal",
                "SPS-Programmierung Aufbaukurs",
                "SPS Grundlagen",
                "SPS-Programmierung in Stuttgart",
            ],
        ),
    ],
)
def test_a_need_gets_current_fitting_offers_near_the_company_and_online(schwerin_company, catalogue, radius, expected):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    # Never: an ended run, an unrelated text, another ladder step, a draft.
    assert _titles(schwerin_company, need, radius_km=radius) == expected


def test_the_scores_behind_the_order(schwerin_company, catalogue):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    scores = {s.offer.title: s.score for s in offers_for_needs(schwerin_company, [need], radius_km=1000)[need.pk]}
    # Title holds both words: relevance 1. Online: proximity ½; "Programmierung" only in the summary: ¾ relevance.
    assert scores["SPS-Programmierung mit TIA Portal"] == 100
    assert scores["SPS Grundlagen"] == 38
    assert scores["SPS-Programmierung in Stuttgart"] < 5


def test_a_fitting_offer_nearby_ranks_above_a_better_worded_one_far_away(office_s):
    PostcodeFactory(place=STUTTGART)
    company = CompanyFactory(office=office_s, postcode="70173")
    on = {"provider": office_s, "levels": ["ohne-abschluss"]}
    OfferFactory(title="Grundkurs Metall", summary="Auch Schweißen nach DIN.", runs__place=ESSLINGEN, **on)
    OfferFactory(title="Schweißen MAG", runs__place=SCHWERIN, **on)
    need = NeedFactory(analysis=NeedsAnalysisFactory(company=company), step=step("ohne-abschluss"), topic="Schweißen")
    assert _titles(company, need, radius_km=1000) == ["Grundkurs Metall", "Schweißen MAG"]


def test_a_need_without_topic_is_matched_by_its_sector(schwerin_company, office_n):
    metal = OfferFactory(title="Teilqualifizierung Metall", provider=office_n, levels=["ohne-abschluss"],
                         sectors=["metall-elektro"], runs__place=SCHWERIN)  # fmt: skip
    OfferFactory(title="Pflegehelfer", provider=office_n, levels=["ohne-abschluss"], sectors=["pflege-gesundheit"],
                 runs__place=SCHWERIN)  # fmt: skip
    need = _need(schwerin_company, step=step("ohne-abschluss"), sector=sector("metall-elektro"))
    assert _titles(schwerin_company, need) == [metal.title]


def test_proximity_halves_at_25_km_and_online_counts_as_25_km():
    assert proximity(0) == 1
    assert proximity(25) == proximity(None) == 0.5


@pytest.mark.parametrize(
    ("size", "share"), [("1-9", 100), ("10-49", 100), ("50-249", 50), ("250-499", 50), ("500+", 25), ("", None)]
)
def test_employer_training_share_splits_at_50_250_and_500(size, share):
    assert employer_share(size) == share


def test_funding_fits_the_company_size(office_n):
    offer = OfferFactory(provider=office_n, funding=["qualifizierungschancengesetz", "esf-fachkurse-bw"])
    assert [(p.slug, note) for p, note in fitting_funding(offer, "500+")] == [
        ("qualifizierungschancengesetz", "bis zu 25 % der Lehrgangskosten")
    ]
    small = {programme.slug for programme, _note in fitting_funding(offer, "10-49")}
    assert small == {"qualifizierungschancengesetz", "esf-fachkurse-bw"}


def test_the_company_page_reads_offers_with_the_same_queries_for_one_need_or_five(
    client, counsellor_n, schwerin_company, catalogue
):
    verified_login(client, counsellor_n)
    _need(schwerin_company, topic="SPS-Programmierung")
    client.get(schwerin_company.get_absolute_url())  # the first request of a session reads a few things once
    with CaptureQueriesContext(connection) as one:
        assert client.get(schwerin_company.get_absolute_url()).status_code == 200
    for topic in ("TIA Portal", "Steuerungen", "Schweißen", "Hydraulik"):
        _need(schwerin_company, topic=topic)
    with CaptureQueriesContext(connection) as five:
        client.get(schwerin_company.get_absolute_url())
    assert len(five) == len(one)


def test_company_page_shows_the_tia_course_first(client, counsellor_n, schwerin_company, catalogue):
    _need(schwerin_company, topic="SPS-Programmierung")
    verified_login(client, counsellor_n)
    body = client.get(schwerin_company.get_absolute_url() + "?umkreis=50").content.decode()
    assert body.index("SPS-Programmierung mit TIA Portal") < body.index("SPS Grundlagen")
    assert "SPS-Programmierung Kompakt" not in body


def test_a_bad_radius_is_a_message_next_to_the_field_and_the_default_applies(client, counsellor_n, schwerin_company):
    verified_login(client, counsellor_n)
    response = client.get(schwerin_company.get_absolute_url() + "?umkreis=weit")
    assert response.status_code == 200
    assert "Bitte eine ganze Zahl von Kilometern angeben." in response.content.decode()
    assert response.context["radius"] == 50


# --- one click: a suggestion into a case ---------------------------------------------------------------------------
@pytest.fixture
def company_case(schwerin_company, office_n):
    return CaseFactory(office=office_n, company=schwerin_company, client_kind="company", status="counselling")


def _take(client, company, case, offer, need, action):
    url = f"/beratung/unternehmen/{company.pk}/vorschlag/"
    return client.post(url, {"case": case.pk, "offer": offer.pk, "need": need.pk, "action": action})


def test_one_click_turns_a_suggestion_into_a_referral(client, counsellor_n, schwerin_company, catalogue, company_case):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    verified_login(client, counsellor_n)
    assert _take(client, schwerin_company, company_case, catalogue["tia"], need, "referral").status_code == 302
    referral = Referral.objects.get()
    assert (referral.case, referral.offer, referral.partner, referral.need) == (
        company_case, catalogue["tia"], catalogue["tia"].provider, need
    )  # fmt: skip


def test_one_click_turns_a_suggestion_into_a_plan_step(client, counsellor_n, schwerin_company, catalogue, company_case):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    verified_login(client, counsellor_n)
    _take(client, schwerin_company, company_case, catalogue["tia"], need, "plan")
    assert list(PlanStep.objects.values_list("case", "offer")) == [(company_case.pk, catalogue["tia"].pk)]
    company_case.refresh_from_db()
    assert company_case.status == Case.Status.PLAN


def test_an_unlisted_offer_is_refused_with_a_message(client, counsellor_n, schwerin_company, catalogue, company_case):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    verified_login(client, counsellor_n)
    response = _take(client, schwerin_company, company_case, catalogue["ended"], need, "referral")
    assert response.status_code == 302
    assert not Referral.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Bitte einen offenen Fall dieses Unternehmens wählen." in page


def test_another_office_cannot_take_a_suggestion(client, counsellor_s, schwerin_company, catalogue, company_case):
    need = _need(schwerin_company, topic="SPS-Programmierung")
    verified_login(client, counsellor_s)
    assert _take(client, schwerin_company, company_case, catalogue["tia"], need, "referral").status_code == 404
    assert not Referral.objects.exists()


# --- people and companies ------------------------------------------------------------------------------------------
@pytest.fixture
def people(office_n, office_s):
    fits = {"step": step("ohne-abschluss"), "goal_kind": Goal.QUALIFICATION, "sector": sector("metall-elektro")}
    return {
        "fits": CaseFactory(office=office_n, status="counselling", **fits),
        "other_office": CaseFactory(office=office_s, status="counselling", **fits),
        "closed": CaseFactory(office=office_n, status="closed", outcome="job", **fits),
        "other_goal": CaseFactory(office=office_n, **{**fits, "goal_kind": Goal.ADVANCE}),
        "other_sector": CaseFactory(office=office_n, **{**fits, "sector": sector("pflege-gesundheit")}),
    }


@pytest.fixture
def metal_need(schwerin_company):
    return _need(schwerin_company, step=step("ohne-abschluss"), sector=sector("metall-elektro"), topic="Mechatroniker")


def test_a_need_shows_the_fitting_people_of_the_own_office_by_reference_only(
    client, counsellor_n, schwerin_company, people, metal_need
):
    verified_login(client, counsellor_n)
    response = client.get(schwerin_company.get_absolute_url())
    [(_analysis, [(_need, _offers, matched)])] = response.context["analyses"]
    assert matched == [people["fits"]]
    body = response.content.decode()
    assert people["fits"].reference in body
    assert people["fits"].name not in body


def test_a_case_shows_the_companies_with_a_fitting_need(client, counsellor_n, people, metal_need):
    verified_login(client, counsellor_n)
    response = client.get(f"/beratung/faelle/{people['fits'].pk}/passende-unternehmen/")
    assert response.context["needs"] == [metal_need]
    assert "Maschinenbau Schwerin" in response.content.decode()


def test_another_office_sees_neither_the_need_nor_the_person(client, counsellor_s, people, metal_need):
    verified_login(client, counsellor_s)
    response = client.get(f"/beratung/faelle/{people['other_office'].pk}/passende-unternehmen/")
    assert response.context["needs"] == []  # the Schwerin company's need stays in Schwerin
    assert client.get(f"/beratung/faelle/{people['fits'].pk}/passende-unternehmen/").status_code == 404


def test_putting_a_person_forward_is_a_referral_with_an_outcome(client, counsellor_n, people, metal_need):
    verified_login(client, counsellor_n)
    data = {"case": people["fits"].pk, "need": metal_need.pk, "back": "case"}
    assert client.post("/beratung/vorschlagen/", data).status_code == 302
    referral = Referral.objects.get()
    assert (referral.case, referral.need, referral.status) == (people["fits"], metal_need, Referral.Status.SUGGESTED)


@pytest.mark.parametrize("foreign", ["case", "need"])
def test_putting_forward_across_offices_is_a_404(client, counsellor_s, office_s, people, metal_need, foreign):
    own_need = _need(CompanyFactory(office=office_s), step=step("ohne-abschluss"))
    case = people["fits"] if foreign == "case" else people["other_office"]
    need = metal_need if foreign == "need" else own_need
    verified_login(client, counsellor_s)
    assert client.post("/beratung/vorschlagen/", {"case": case.pk, "need": need.pk}).status_code == 404
    assert not Referral.objects.exists()


@pytest.mark.parametrize(
    ("url", "method"),
    [
        ("/beratung/vorschlagen/", "post"),
        ("/beratung/faelle/{case}/passende-unternehmen/", "get"),
        ("/beratung/unternehmen/{company}/vorschlag/", "post"),
    ],
)
def test_match_pages_access_matrix(client, url, method, people, schwerin_company, editor, coordinator):
    url = url.format(case=people["fits"].pk, company=schwerin_company.pk)
    anonymous = getattr(client, method)(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/konto/anmelden/")
    for user in (editor, coordinator):
        verified_login(client, user)
        assert getattr(client, method)(url).status_code == 404
