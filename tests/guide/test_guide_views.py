from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from guide.advice import next_step, offer_kinds
from tests.factories import STUTTGART, OfferFactory, OfficeFactory, PartnerFactory, sector, step

RESULT = reverse("guide:result")


def result(client, **answers):
    response = client.get(RESULT, answers)
    assert response.status_code == 200
    return response


def titles(response) -> set[str]:
    return {offer.title for offer in response.context["offers"].offers}


def programmes(response) -> set[str]:
    return {match.programme.slug for match in response.context["funding"]}


def points(response) -> list[str]:
    return [point.slug for point in response.context["contact_points"]]


def counselling_params(response) -> dict:
    url = urlparse(response.context["counselling_url"])
    assert url.path == reverse("counselling:request")
    return {key: values[0] for key, values in parse_qs(url.query).items()}


def test_start_page_asks_the_questions(client, region):
    response = client.get(reverse("guide:start"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("who", "step", "goal", "sector", "postcode", "size", "age", "years"):
        assert f'name="{name}"' in html
    assert f'action="{RESULT}" method="get"' in html


def test_result_for_employee_without_qualification_in_stuttgart(client, region):
    response = result(
        client, who="beschaeftigt", step="ohne-abschluss", goal="abschluss", sector="metall-elektro",
        postcode="70173", size="10-49", age="ab-45",
    )  # fmt: skip
    assert titles(response) == {"TQ Maschinen- und Anlagenführer"}
    assert response.context["offers"].widened is False
    assert programmes(response) == {
        "teilqualifizierung", "bildungsgutschein", "qualifizierungschancengesetz", "esf-fachkurse-bw",
        "bildungszeit-bw",
    }  # fmt: skip
    assert points(response) == ["lotsendienst-stuttgart"]  # Schwerin, 500 km away, is beyond the cap
    html = response.content.decode()
    assert "Ohne Berufsabschluss: Teilqualifizierung oder Vorbereitung auf die Externenprüfung" in html
    assert "Mo–Fr 9–16 Uhr" in html
    assert "entscheiden die Agentur für Arbeit" in html
    params = counselling_params(response)
    assert params["who"] == "person"
    assert params["postcode"] == "70173"
    assert params["office"] == "lotsendienst-stuttgart"
    step_name, sector_name = step("ohne-abschluss").name, sector("metall-elektro").name
    assert params["topic"] == (
        f"Anfrage aus dem Lotsen: Ich bin beschäftigt · {step_name} · Ziel: Berufsabschluss nachholen"
        f" · Branche: {sector_name}"
    )


def test_result_links_to_the_search_with_the_same_filters(client, region):
    response = result(client, who="beschaeftigt", step="ohne-abschluss", goal="abschluss", postcode="70173")
    url = urlparse(response.context["offers"].search_url)
    assert url.path == reverse("offers:search")
    assert parse_qs(url.query) == {
        "level": ["ohne-abschluss"],
        "kind": ["teilqualifizierung", "externenpruefung", "umschulung"],
        "near": ["70173"],
        "radius": ["50"],
    }


def test_result_for_company_in_schwerin(client, region):
    response = result(
        client, who="unternehmen", step="ohne-abschluss", goal="beschaeftigte", postcode="19053", size="50-249"
    )
    assert titles(response) == {"Externenprüfung Mechatroniker/in"}
    assert programmes(response) == {
        "teilqualifizierung", "bildungsgutschein", "qualifizierungschancengesetz", "bildungsfreistellung-mv",
    }  # fmt: skip
    assert points(response)[0] == "saz-schwerin"
    assert counselling_params(response)["who"] == "company"
    assert counselling_params(response)["office"] == "saz-schwerin"
    assert "Ungelernte Beschäftigte" in response.content.decode()


def test_result_for_skilled_jobseeker_aiming_higher(client, region):
    response = result(client, who="arbeitsuchend", step="fachkraft", goal="aufstieg", postcode="70173", age="25-44")
    assert titles(response) == {"Industriemeister Metall"}
    assert programmes(response) == {"bildungsgutschein", "aufstiegs-bafoeg", "aufstiegsstipendium", "avgs"}
    assert "Aufstiegsfortbildung" in response.context["next_step"].title
    assert points(response)[0] == "lotsendienst-stuttgart"
    assert counselling_params(response)["who"] == "person"


def test_result_for_company_in_structural_change_names_qualifizierungsgeld(client, region):
    response = result(client, who="unternehmen", step="fachkraft", goal="beschaeftigte", change="on", size="500-")
    assert "qualifizierungsgeld" in programmes(response)
    assert {
        m.verdict.share for m in response.context["funding"] if m.programme.slug == "qualifizierungschancengesetz"
    } == {25}


def test_result_for_pupil_names_no_programme(client, region):
    response = result(client, who="ausbildung", step="ohne-abschluss", age="unter-25")
    assert programmes(response) == set()
    assert titles(response) == {
        "TQ Maschinen- und Anlagenführer", "Externenprüfung Mechatroniker/in", "Deutsch im Beruf",
    }  # fmt: skip
    assert points(response) == ["lotsendienst-stuttgart", "saz-schwerin"]  # no postcode: every contact point
    assert "Nach Ihren Angaben passt keines der Förderprogramme" in response.content.decode()
    assert response.context["next_step"].title.startswith("In Ausbildung oder Schule")


def test_result_leaves_out_inactive_programmes(client, region):
    from offers.models import FundingProgramme

    FundingProgramme.objects.filter(slug="avgs").update(active=False)
    response = result(client, who="arbeitsuchend", step="fachkraft")
    assert "avgs" not in programmes(response)
    assert "bildungsgutschein" in programmes(response)


def test_result_widens_when_nothing_fits_every_answer(client, region):
    response = result(
        client,
        who="beschaeftigt",
        step="ohne-abschluss",
        goal="abschluss",
        sector="pflege-gesundheit",
        postcode="70173",
    )
    assert titles(response) == {"TQ Maschinen- und Anlagenführer"}
    assert response.context["offers"].widened is True
    assert "sector" not in response.context["offers"].params
    assert "weniger Einschränkungen" in response.content.decode()


def test_result_never_shows_draft_or_ended_offers(client, region):
    response = result(client, who="beschaeftigt", step="ohne-abschluss")
    assert titles(response) == {
        "TQ Maschinen- und Anlagenführer", "Externenprüfung Mechatroniker/in", "Deutsch im Beruf",
    }  # fmt: skip
    html = response.content.decode()
    assert "Entwurf TQ" not in html
    assert "Vergangene TQ" not in html
    assert "Stillgelegte Anlaufstelle" not in html


def test_result_with_unknown_postcode_shows_the_whole_region(client, region):
    response = result(client, who="beschaeftigt", step="ohne-abschluss", goal="abschluss", postcode="99999")
    assert response.context["form"].errors["postcode"] == ["Die Postleitzahl 99999 gibt es nicht."]
    assert response.context["place"] is None
    assert titles(response) == {"TQ Maschinen- und Anlagenführer", "Externenprüfung Mechatroniker/in"}
    assert 'value="99999"' in response.content.decode()


def test_result_without_who_asks_again(client, region):
    response = client.get(RESULT, {"step": "fachkraft"})
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "guide/start.html"
    assert "Bitte wählen Sie aus, wer fragt." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "who=",
        "who=chef",
        "who=beschaeftigt&step=zzz&goal=reich-werden&sector=%00&postcode=7017x&size=-1&age=99&years=x&change=ja",
        "who=beschaeftigt&postcode=" + "9" * 500,
        "who=beschaeftigt&step=ohne-abschluss&step=fachkraft",
        "who[]=x&who=unternehmen&size=%F0%9F%92%A9",
        "who=arbeitsuchend&postcode=%3Cscript%3E",
    ],
)
def test_result_survives_garbage(client, region, query):
    response = client.get(f"{RESULT}?{query}")
    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</header>")[1]


def test_result_with_garbage_step_shows_a_wider_result_and_says_so(client, region):
    response = result(client, who="beschaeftigt", step="zzz", postcode="abc")
    assert response.context["answers"].step is None
    assert response.context["answers"].postcode is None
    assert len(titles(response)) == 4
    html = response.content.decode()
    assert "Diese Stufe kennen wir nicht" in html
    assert "Bitte eine fünfstellige Postleitzahl angeben" in html


def test_result_query_count_does_not_grow_with_more_offers(client, region, django_assert_max_num_queries):
    answers = {"who": "beschaeftigt", "step": "ohne-abschluss", "postcode": "70173"}
    # 26 for the page (answers, the catalogue version and the vocabularies: a process that has not read them yet, the
    # offers' ids nearest first and their cards, contact points, costs); up to 4 more for the network's demand record
    # (its first row of the day: UPDATE, then INSERT).
    with django_assert_max_num_queries(30) as few:
        result(client, **answers)
    queries_for_few = len(few.captured_queries)
    provider = PartnerFactory(place=STUTTGART, name="Noch ein Träger")
    for _ in range(8):
        OfferFactory(
            provider=provider,
            levels=["ohne-abschluss"],
            funding=["bildungsgutschein", "teilqualifizierung"],
            runs__place=STUTTGART,
        )
        OfficeFactory(place=STUTTGART)
    with django_assert_max_num_queries(queries_for_few):
        response = result(client, **answers)
    assert len(titles(response)) == 6


@pytest.mark.parametrize(
    ("goal", "step", "kinds"),
    [
        ("abschluss", None, ["teilqualifizierung", "externenpruefung", "umschulung"]),
        ("deutsch", "fachkraft", ["sprachkurs"]),
        ("beschaeftigte", "fachkraft", ["aufstiegsfortbildung", "anpassung", "inhouse"]),
        ("beschaeftigte", None, []),
        (None, "fachkraft", []),
    ],
)
def test_offer_kinds_by_goal(goal, step, kinds):
    assert offer_kinds(goal=goal, step=step) == kinds


@pytest.mark.parametrize(
    ("who", "step", "goal", "start"),
    [
        ("beschaeftigt", "ohne-abschluss", None, "Ohne Berufsabschluss: Teilqualifizierung"),
        ("arbeitsuchend", "ohne-abschluss", "deutsch", "Deutsch für den Beruf"),
        ("beschaeftigt", "fachkraft", "aufstieg", "Als Fachkraft"),
        ("beschaeftigt", "fachkraft", "anpassen", "Kenntnisse anpassen"),
        ("beschaeftigt", "aufstieg", None, "Nach Meister"),
        ("unternehmen", "ohne-abschluss", "beschaeftigte", "Ungelernte Beschäftigte"),
        ("unternehmen", None, None, "Qualifizierungsbedarf klären"),
        ("ausbildung", "fachkraft", None, "In Ausbildung"),
        (None, None, None, "Zuerst klären"),
    ],
)
def test_next_step_in_plain_language(who, step, goal, start):
    assert next_step(who=who, step=step, goal=goal).title.startswith(start)
