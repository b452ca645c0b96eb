import pytest

from guide.eligibility import (
    ACADEMIC,
    ADVANCED,
    NO_QUALIFICATION,
    SKILLED,
    Goal,
    Situation,
    Who,
    activation_voucher,
    assess,
    aufstiegs_bafoeg,
    aufstiegsstipendium,
    bildungsfreistellung_mv,
    bildungszeit_bw,
    education_voucher,
    employee_training,
    employee_training_share,
    esf_courses_bw,
    land_for_postcode,
    likely_programmes,
    partial_qualification,
    qualification_allowance,
    weiterbildungsstipendium,
)


@pytest.mark.parametrize(
    ("employees", "age", "share"),
    [
        (1, None, 100),
        (49, None, 100),
        (50, None, 50),
        (249, None, 50),
        (499, None, 50),
        (500, None, 25),
        (5000, None, 25),
        (50, 44, 50),
        (50, 45, 100),
        (249, 45, 100),
        (250, 45, 50),
        (499, 60, 50),
        (500, 45, 25),
        (49, 30, 100),
        (None, 45, None),
    ],
)
def test_employee_training_share_by_company_size_and_age(employees, age, share):
    assert employee_training_share(employees=employees, age=age) == share


@pytest.mark.parametrize(
    ("situation", "applies", "share"),
    [
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=49, course_hours=121), True, 100),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=50, course_hours=121), True, 50),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=499, course_hours=121), True, 50),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=500, course_hours=121), True, 25),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=100, age=44), True, 50),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=100, age=45), True, 100),
        (Situation(who=Who.COMPANY, step=SKILLED, employees=10), True, 100),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=10, course_hours=120), False, None),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=10, course_hours=121), True, 100),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=10, years_since_qualification=1), False, None),
        (Situation(who=Who.EMPLOYED, step=SKILLED, employees=10, years_since_qualification=2), True, 100),
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION, employees=900), True, 100),
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION, employees=900, course_hours=120), False, None),
        (Situation(who=Who.EMPLOYED, step=SKILLED), True, None),
        (Situation(who=Who.JOBSEEKER, step=SKILLED), False, None),
        (Situation(who=Who.TRAINING), False, None),
        (Situation(), True, None),
    ],
)
def test_employee_training_rule(situation, applies, share):
    verdict = employee_training(situation)
    assert verdict.programme == "qualifizierungschancengesetz"
    assert (verdict.applies, verdict.share) == (applies, share)
    assert verdict.reason


def test_employee_training_reason_names_the_age_rule_for_older_employees():
    verdict = employee_training(Situation(who=Who.EMPLOYED, step=SKILLED, employees=100, age=45))
    assert "Ab 45 Jahren" in verdict.reason
    assert verdict.share_text == "bis zu 100 % der Lehrgangskosten"


def test_employee_training_without_size_names_the_range():
    verdict = employee_training(Situation(who=Who.EMPLOYED, step=SKILLED))
    assert verdict.share_text == "je nach Betriebsgröße 25 bis 100 % der Lehrgangskosten"


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.JOBSEEKER, step=SKILLED), True),
        (Situation(who=Who.JOBSEEKER, step=ACADEMIC), True),
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION), True),
        (Situation(who=Who.COMPANY, step=NO_QUALIFICATION), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED), False),
        (Situation(who=Who.COMPANY, step=SKILLED), False),
        (Situation(who=Who.TRAINING, step=NO_QUALIFICATION), False),
        (Situation(), True),
    ],
)
def test_education_voucher_rule(situation, applies):
    verdict = education_voucher(situation)
    assert verdict.applies is applies
    assert verdict.share == (100 if applies else None)


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADVANCE, course_hours=400), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADVANCE, course_hours=399), False),
        (Situation(who=Who.JOBSEEKER, step=SKILLED, goal=Goal.ADVANCE, age=58), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADAPT), False),
        (Situation(who=Who.EMPLOYED, step=ACADEMIC, goal=Goal.ADVANCE), True),
        (Situation(who=Who.EMPLOYED, step=ACADEMIC, goal=Goal.ADAPT), False),
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION, goal=Goal.ADVANCE), False),
        (Situation(who=Who.COMPANY, step=SKILLED, goal=Goal.STAFF), True),
        (Situation(who=Who.TRAINING, step=SKILLED), False),
    ],
)
def test_aufstiegs_bafoeg_rule(situation, applies):
    verdict = aufstiegs_bafoeg(situation)
    assert verdict.applies is applies
    if applies:
        assert verdict.share == 50
        assert "Hälfte des Darlehens erlassen" in verdict.share_text


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION), True),
        (Situation(who=Who.JOBSEEKER, step=NO_QUALIFICATION), True),
        (Situation(who=Who.COMPANY, step=NO_QUALIFICATION), True),
        (Situation(who=Who.EMPLOYED), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED), False),
        (Situation(who=Who.TRAINING, step=NO_QUALIFICATION), False),
    ],
)
def test_partial_qualification_rule(situation, applies):
    assert partial_qualification(situation).applies is applies


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.COMPANY, structural_change=True), True),
        (Situation(who=Who.COMPANY, structural_change=True, course_hours=120), False),
        (Situation(who=Who.COMPANY, structural_change=True, course_hours=121), True),
        (Situation(who=Who.COMPANY, structural_change=False), False),
        (Situation(who=Who.EMPLOYED, structural_change=True), True),
        (Situation(who=Who.JOBSEEKER, structural_change=True), False),
    ],
)
def test_qualification_allowance_rule(situation, applies):
    verdict = qualification_allowance(situation)
    assert verdict.applies is applies
    assert verdict.share == (0 if applies else None)


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.EMPLOYED, step=SKILLED, age=24), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED, age=25), False),
        (Situation(who=Who.EMPLOYED, step=SKILLED, age=45), False),
        (Situation(who=Who.EMPLOYED, step=NO_QUALIFICATION, age=20), False),
        (Situation(who=Who.COMPANY, step=SKILLED, age=20), False),
        (Situation(who=Who.EMPLOYED, step=SKILLED), True),
    ],
)
def test_weiterbildungsstipendium_rule(situation, applies):
    assert weiterbildungsstipendium(situation).applies is applies


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADVANCE, years_since_qualification=2), True),
        (Situation(who=Who.EMPLOYED, step=ADVANCED, goal=Goal.ADVANCE), True),
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADVANCE, years_since_qualification=1), False),
        (Situation(who=Who.EMPLOYED, step=SKILLED, goal=Goal.ADAPT), False),
        (Situation(who=Who.EMPLOYED, step=ACADEMIC, goal=Goal.ADVANCE), False),
    ],
)
def test_aufstiegsstipendium_rule(situation, applies):
    assert aufstiegsstipendium(situation).applies is applies


@pytest.mark.parametrize(
    ("situation", "applies"),
    [
        (Situation(who=Who.EMPLOYED, land="bw"), True),
        (Situation(who=Who.COMPANY, land="bw", course_hours=8), True),
        (Situation(who=Who.COMPANY, land="bw", course_hours=160), True),
        (Situation(who=Who.COMPANY, land="bw", course_hours=7), False),
        (Situation(who=Who.COMPANY, land="bw", course_hours=161), False),
        (Situation(who=Who.EMPLOYED, land="mv"), False),
        (Situation(who=Who.JOBSEEKER, land="bw"), False),
    ],
)
def test_esf_courses_bw_rule(situation, applies):
    assert esf_courses_bw(situation).applies is applies


@pytest.mark.parametrize(
    ("rule", "situation", "applies"),
    [
        (bildungszeit_bw, Situation(who=Who.EMPLOYED, land="bw"), True),
        (bildungszeit_bw, Situation(who=Who.EMPLOYED, land="mv"), False),
        (bildungszeit_bw, Situation(who=Who.EMPLOYED), False),
        (bildungszeit_bw, Situation(who=Who.JOBSEEKER, land="bw"), False),
        (bildungsfreistellung_mv, Situation(who=Who.EMPLOYED, land="mv"), True),
        (bildungsfreistellung_mv, Situation(who=Who.COMPANY, land="mv"), True),
        (bildungsfreistellung_mv, Situation(who=Who.EMPLOYED, land="bw"), False),
        (bildungsfreistellung_mv, Situation(who=Who.TRAINING, land="mv"), False),
    ],
)
def test_educational_leave_rules_by_land(rule, situation, applies):
    assert rule(situation).applies is applies


@pytest.mark.parametrize(("who", "applies"), [(Who.JOBSEEKER, True), (Who.EMPLOYED, False), (None, False)])
def test_activation_voucher_rule(who, applies):
    assert activation_voucher(Situation(who=who)).applies is applies


@pytest.mark.parametrize(
    ("postcode", "land"),
    [
        ("70173", "bw"),
        ("79098", "bw"),
        ("69999", "bw"),
        ("88045", "bw"),
        ("89073", "bw"),
        ("87999", None),
        ("90000", None),
        ("19053", "mv"),
        ("18055", "mv"),
        ("17000", "mv"),
        ("16999", None),
        ("23966", "mv"),
        ("23899", None),
        ("24000", None),
        ("10115", None),
        ("", None),
        (None, None),
        ("7017", None),
        ("abcde", None),
    ],
)
def test_land_for_postcode(postcode, land):
    assert land_for_postcode(postcode) == land


def test_assess_gives_one_verdict_per_programme():
    slugs = [verdict.programme for verdict in assess(Situation())]
    assert len(slugs) == len(set(slugs)) == 11


@pytest.mark.parametrize(
    ("situation", "expected"),
    [
        (
            Situation(who=Who.COMPANY, step=NO_QUALIFICATION, goal=Goal.STAFF, employees=12, land="bw"),
            {
                "teilqualifizierung",
                "bildungsgutschein",
                "qualifizierungschancengesetz",
                "esf-fachkurse-bw",
                "bildungszeit-bw",
            },
        ),
        (
            Situation(who=Who.JOBSEEKER, step=SKILLED, goal=Goal.ADAPT, age=35, land="mv"),
            {"bildungsgutschein", "avgs"},
        ),
        (
            Situation(
                who=Who.EMPLOYED,
                step=SKILLED,
                goal=Goal.ADVANCE,
                employees=700,
                age=30,
                years_since_qualification=5,
                land="mv",
            ),
            {"qualifizierungschancengesetz", "aufstiegs-bafoeg", "aufstiegsstipendium", "bildungsfreistellung-mv"},
        ),
        (Situation(who=Who.TRAINING, step=NO_QUALIFICATION, age=18), set()),
    ],
)
def test_likely_programmes_per_kind_of_visitor(situation, expected):
    assert {verdict.programme for verdict in likely_programmes(situation)} == expected
