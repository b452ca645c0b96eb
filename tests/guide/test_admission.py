"""The Externenprüfung admission rule (guide/admission.py): 1.5 × the regular training period, part-time pro rata to
39 hours a week, abroad the same; more than 24 months missing means partial qualifications first."""

from decimal import Decimal
from fractions import Fraction

import pytest

from guide.admission import BBIG, HWO, InvalidExperience, Outcome, WorkPeriod, admission_check

OPEN, LATER, PARTIAL = Outcome.OPEN, Outcome.LATER, Outcome.PARTIAL_FIRST


def check(training_months: int, *periods: WorkPeriod, handwerk: bool = False):
    return admission_check(
        occupation="Mechatroniker/in", training_months=training_months, periods=periods, handwerk=handwerk
    )


@pytest.mark.parametrize(
    ("training_months", "periods", "outcome", "missing", "counted"),
    [
        # exactly 1.5 × the regular period, and one month less
        (42, [WorkPeriod(63)], OPEN, 0, 63),
        (42, [WorkPeriod(62)], LATER, 1, 62),
        (24, [WorkPeriod(36)], OPEN, 0, 36),
        (24, [WorkPeriod(35)], LATER, 1, 35),
        (36, [WorkPeriod(54)], OPEN, 0, 54),
        (36, [WorkPeriod(53)], LATER, 1, 53),
        # the Schwerin worker: six years full time as a mechatronics helper
        (42, [WorkPeriod(72, 39)], OPEN, 0, 72),
        # part-time pro rata to 39 hours: 19.5 hours a week count half
        (24, [WorkPeriod(72, Decimal("19.5"))], OPEN, 0, 36),
        (24, [WorkPeriod(70, Decimal("19.5"))], LATER, 1, 35),
        (42, [WorkPeriod(62, 38)], LATER, 3, Fraction(62 * 38, 39)),
        # more than 39 hours count as full time, no more
        (24, [WorkPeriod(24, 60)], LATER, 12, 24),
        # abroad counts the same, alone or added to work in Germany
        (24, [WorkPeriod(36, abroad=True)], OPEN, 0, 36),
        (24, [WorkPeriod(18), WorkPeriod(18, abroad=True)], OPEN, 0, 36),
        (24, [WorkPeriod(18), WorkPeriod(17, abroad=True)], LATER, 1, 35),
        # half a month required (33 × 1.5 = 49.5): the missing months round up
        (33, [WorkPeriod(49)], LATER, 1, 49),
        (33, [WorkPeriod(50)], OPEN, 0, 50),
        # far away: exactly 24 months missing is still "later", 25 means partial qualifications first
        (24, [WorkPeriod(12)], LATER, 24, 12),
        (24, [WorkPeriod(11)], PARTIAL, 25, 11),
        (42, [], PARTIAL, 63, 0),
        (42, [WorkPeriod(0)], PARTIAL, 63, 0),
    ],
)
def test_admission_boundaries(training_months, periods, outcome, missing, counted):
    result = check(training_months, *periods)

    assert (result.outcome, result.missing_months, result.counted_months) == (outcome, missing, counted)
    assert result.required_months == Fraction(training_months * 3, 2)


def test_admission_open_now_explains_the_rule_in_plain_german():
    result = check(42, WorkPeriod(72))

    assert result.headline == "Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen."
    assert result.reasons == (
        "Für Mechatroniker/in dauert die Ausbildung regulär 42 Monate. Zur Externenprüfung wird zugelassen, wer "
        "mindestens das Eineinhalbfache – 63 Monate – in diesem Beruf gearbeitet hat (§ 45 Abs. 2 BBiG).",
        "Wir rechnen mit 72 Monaten Berufserfahrung in Vollzeit.",
        "Sie können die Zulassung zur Prüfung bei der zuständigen Kammer beantragen.",
    )
    assert result.legal_basis == BBIG == "§ 45 Abs. 2 BBiG"
    assert result.note == "Die Kammer entscheidet im Einzelfall."


def test_admission_later_names_the_months_and_the_early_admission():
    one = check(42, WorkPeriod(62))
    nine = check(42, WorkPeriod(54))

    assert one.headline == "Die Externenprüfung steht Ihnen nach einem weiteren Monat Berufserfahrung offen."
    assert nine.headline == "Die Externenprüfung steht Ihnen nach 9 weiteren Monaten Berufserfahrung offen."
    assert nine.reasons[-1] == (
        "Die Kammer kann Sie auch früher zulassen, wenn Sie mit Zeugnissen oder auf andere Weise glaubhaft machen, "
        "dass Sie die berufliche Handlungsfähigkeit erworben haben."
    )


def test_admission_far_away_recommends_partial_qualifications_first():
    result = check(42, WorkPeriod(12))

    assert result.headline == (
        "Bis zur Externenprüfung fehlen Ihnen noch 51 Monate Berufserfahrung: Der Weg führt zuerst über "
        "Teilqualifizierungen."
    )
    assert result.reasons[2].startswith("Wir empfehlen zuerst Teilqualifizierungen: Module des Berufs")


def test_admission_says_how_part_time_and_abroad_were_counted():
    result = check(24, WorkPeriod(24, Decimal("19.5")), WorkPeriod(12, 50, abroad=True))

    assert result.reasons[1:5] == (
        "Wir rechnen mit 24 Monaten Berufserfahrung in Vollzeit.",
        "Teilzeit zählt im Verhältnis zu 39 Stunden pro Woche: Bei 19,5 Stunden pro Woche zählt jeder Monat zu 50 %.",
        "Mehr als 39 Stunden pro Woche zählen wie Vollzeit.",
        "Berufserfahrung im Ausland zählt genauso wie Berufserfahrung in Deutschland.",
    )


def test_admission_cuts_fractions_of_months_to_one_decimal():
    result = check(42, WorkPeriod(62, 38))

    assert result.reasons[1] == "Wir rechnen mit 60,4 Monaten Berufserfahrung in Vollzeit."


def test_admission_in_a_craft_names_the_handwerksordnung():
    result = check(36, WorkPeriod(54), handwerk=True)

    assert result.legal_basis == HWO == "§ 37 Abs. 2 HwO"
    assert result.reasons[0].endswith("(§ 37 Abs. 2 HwO).")


@pytest.mark.parametrize(
    ("months", "hours", "message"),
    [
        (-1, None, "months must be a whole number from 0 to 720, not -1"),
        (721, None, "months must be a whole number from 0 to 720, not 721"),
        (1.5, None, "months must be a whole number from 0 to 720, not 1.5"),
        ("12", None, "months must be a whole number from 0 to 720, not '12'"),
        (True, None, "months must be a whole number from 0 to 720, not True"),
        (None, None, "months must be a whole number from 0 to 720, not None"),
        (12, 0, "weekly hours must be a number above 0 and at most 168, not 0"),
        (12, -20, "weekly hours must be a number above 0 and at most 168, not -20"),
        (12, 169, "weekly hours must be a number above 0 and at most 168, not 169"),
        (12, "20", "weekly hours must be a number above 0 and at most 168, not '20'"),
        (12, float("inf"), "weekly hours must be a number above 0 and at most 168, not inf"),
        (12, Decimal("NaN"), "weekly hours must be a number above 0 and at most 168, not Decimal('NaN')"),
    ],
)
def test_work_period_refuses_garbage(months, hours, message):
    with pytest.raises(InvalidExperience) as refused:
        WorkPeriod(months, hours)

    assert str(refused.value) == message


@pytest.mark.parametrize("training_months", [0, -42, "42", None, 42.0])
def test_admission_refuses_a_garbage_training_period(training_months):
    with pytest.raises(InvalidExperience) as refused:
        check(training_months, WorkPeriod(72))

    assert str(refused.value) == f"months must be a whole number from 1 to 720, not {training_months!r}"
