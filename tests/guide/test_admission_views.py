"""The admission check on the Lotse's result page: trade and work experience as GET answers, the verdict in words."""

import pytest
from django.urls import reverse

from tests.factories import OccupationFactory

RESULT = reverse("guide:result")
QUALIFICATION = {"who": "beschaeftigt", "step": "ohne-abschluss", "goal": "abschluss"}


@pytest.fixture
def trades(region):
    """The two trades the tests ask about, as the migration seeds them (and again after a flushing test)."""
    return {
        "mechatroniker": OccupationFactory(slug="mechatroniker", name="Mechatroniker/in", training_months=42),
        "tischler": OccupationFactory(slug="tischler", name="Tischler/in", training_months=36, chamber="hwk"),
    }


def result(client, **answers):
    response = client.get(RESULT, {**QUALIFICATION, **answers})
    assert response.status_code == 200
    return response


def section(response) -> str:
    """The admission section of the result page, as text between its tags."""
    html = response.content.decode()
    start = html.index('<section class="guide-section admission"')
    return html[start : html.index("</section>", start)]


def test_journey_six_years_full_time_as_mechatronics_helper_is_open_now(client, trades):
    response = result(client, occupation="mechatroniker", experience_years="6", experience_hours="39")

    html = section(response)
    assert "Externenprüfung Mechatroniker/in: Können Sie zugelassen werden?" in html
    assert '<p class="admission-headline">Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen.</p>' in html
    assert (
        "<li>Für Mechatroniker/in dauert die Ausbildung regulär 42 Monate. Zur Externenprüfung wird zugelassen, wer "
        "mindestens das Eineinhalbfache – 63 Monate – in diesem Beruf gearbeitet hat (§ 45 Abs. 2 BBiG).</li>"
    ) in html
    assert "<li>Wir rechnen mit 72 Monaten Berufserfahrung in Vollzeit.</li>" in html
    assert "<strong>Die Kammer entscheidet im Einzelfall.</strong>" in html
    assert '<a href="https://www.gesetze-im-internet.de/bbig_2005/__45.html" hreflang="de">§ 45 Abs. 2 BBiG</a>' in html
    assert "Prüfende Stelle: Industrie- und Handelskammer (IHK)." in html
    assert response.context["admission"].missing_months == 0


def test_one_month_short_says_after_one_more_month(client, trades):
    response = result(client, occupation="mechatroniker", experience_years="5", experience_months="2")

    assert (
        '<p class="admission-headline">Die Externenprüfung steht Ihnen nach einem weiteren Monat Berufserfahrung '
        "offen.</p>"
    ) in section(response)


def test_part_time_counts_pro_rata_and_abroad_counts_the_same(client, trades):
    # 4 years at 19.5 hours (24 months) + 2 years 6 months abroad full time (30 months) = 54 = 1.5 × 36
    response = result(
        client, occupation="tischler", experience_years="4", experience_hours="19,5", abroad_years="2",
        abroad_months="6",
    )  # fmt: skip

    html = section(response)
    assert "Die Externenprüfung steht Ihnen nach Ihren Angaben jetzt offen." in html
    assert "<li>Wir rechnen mit 54 Monaten Berufserfahrung in Vollzeit.</li>" in html
    assert (
        "<li>Teilzeit zählt im Verhältnis zu 39 Stunden pro Woche: Bei 19,5 Stunden pro Woche zählt jeder Monat "
        "zu 50 %.</li>"
    ) in html
    assert "<li>Berufserfahrung im Ausland zählt genauso wie Berufserfahrung in Deutschland.</li>" in html
    assert '<a href="https://www.gesetze-im-internet.de/hwo/__37.html" hreflang="de">§ 37 Abs. 2 HwO</a>' in html
    assert "Prüfende Stelle: Handwerkskammer (HWK)." in html


def test_far_away_recommends_partial_qualifications_first(client, trades):
    response = result(client, occupation="mechatroniker", experience_years="1")

    html = section(response)
    assert (
        "Bis zur Externenprüfung fehlen Ihnen noch 51 Monate Berufserfahrung: Der Weg führt zuerst über "
        "Teilqualifizierungen."
    ) in html
    assert "Wir empfehlen zuerst Teilqualifizierungen" in html


def test_without_trade_or_experience_the_guide_asks_for_them(client, trades):
    for answers in ({}, {"occupation": "mechatroniker"}, {"experience_years": "6"}):
        response = result(client, **answers)

        assert response.context["admission"] is None
        assert "Wählen Sie unter „Antworten ändern“ Ihren Beruf und tragen Sie Ihre Berufserfahrung ein." in (
            section(response)
        )


def test_other_goals_show_no_admission_check(client, trades):
    response = result(client, goal="aufstieg", occupation="mechatroniker", experience_years="6")

    assert response.context["admission"] is None
    assert 'class="guide-section admission"' not in response.content.decode()


def test_the_trade_goes_into_the_counselling_request(client, trades):
    response = result(client, occupation="mechatroniker", experience_years="6")

    assert response.context["summary"][-1] == "Beruf: Mechatroniker/in"


def test_start_page_asks_for_trade_and_experience_without_javascript(client, trades):
    html = client.get(reverse("guide:start")).content.decode()

    for name in (
        "occupation", "experience_years", "experience_months", "experience_hours", "abroad_years", "abroad_months",
        "abroad_hours",
    ):  # fmt: skip
        assert f'name="{name}"' in html
    assert '<option value="mechatroniker">Mechatroniker/in</option>' in html
    assert '<label for="id_abroad_years">Jahre im Ausland:</label>' in html


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        (
            {"occupation": "astronaut"},
            "occupation",
            "Diesen Beruf kennen wir nicht; bitte wählen Sie einen aus der Liste.",
        ),
        ({"experience_years": "sechs"}, "experience_years", "Bitte eine ganze Zahl von 0 bis 50 angeben, z. B. 6."),
        ({"experience_years": "-3"}, "experience_years", "Bitte eine ganze Zahl von 0 bis 50 angeben, z. B. 6."),
        ({"experience_years": "9" * 40}, "experience_years", "Bitte eine ganze Zahl von 0 bis 50 angeben, z. B. 6."),
        ({"experience_months": "12"}, "experience_months", "Bitte eine ganze Zahl von 0 bis 11 angeben."),
        ({"experience_months": "1.5"}, "experience_months", "Bitte eine ganze Zahl von 0 bis 11 angeben."),
        ({"experience_hours": "0"}, "experience_hours", "Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5."),
        ({"experience_hours": "1000"}, "experience_hours", "Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5."),
        ({"experience_hours": "NaN"}, "experience_hours", "Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5."),
        ({"experience_hours": "19,25"}, "experience_hours", "Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5."),
        ({"abroad_hours": "1e400"}, "abroad_hours", "Bitte Wochenstunden von 1 bis 80 angeben, z. B. 19,5."),
        ({"abroad_months": "%00"}, "abroad_months", "Bitte eine ganze Zahl von 0 bis 11 angeben."),
    ],
)
def test_garbage_answer_is_ignored_with_a_message_at_its_field(client, trades, answers, field, message):
    response = result(client, **{"occupation": "mechatroniker", "experience_years": "6", **answers})

    form = response.context["form"]
    assert form.errors == {field: [message]}
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in html
    assert '<details class="guide-change" open>' in html


def test_garbage_experience_keeps_the_input_and_drops_only_that_line(client, trades):
    response = result(client, occupation="mechatroniker", experience_years="6", abroad_years="zwei")

    assert response.context["admission"].counted_months == 72
    assert 'name="abroad_years" value="zwei"' in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "occupation=%00&experience_years=%F0%9F%92%A9",
        "experience_years=50&experience_months=11&experience_hours=80&abroad_years=50&abroad_months=11",
        "occupation=mechatroniker&occupation=tischler&experience_years=1&experience_years=2",
        "occupation[]=x&experience_hours=-0&abroad_hours=Infinity",
    ],
)
def test_garbage_never_gives_a_500(client, trades, query):
    response = client.get(f"{RESULT}?who=beschaeftigt&goal=abschluss&occupation=mechatroniker&{query}")

    assert response.status_code == 200
