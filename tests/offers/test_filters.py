import pytest
from django.http import QueryDict

from offers.filters import OfferFilter
from offers.models import Offer, Run
from tests.offers.conftest import days, make_offer, make_run, make_venue_run, slugs

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(postcodes):
    a = make_offer(
        title="Externenprüfung Mechatroniker",
        kind=Offer.Kind.EXTERNENPRUEFUNG,
        levels=["ohne-abschluss"],
        leads_to_id=_step("fachkraft"),
        sectors=["metall-elektro"],
        funding=["bildungsgutschein"],
        groups=["an-und-ungelernte"],
        azav=True,
        price=5000,
    )
    b = make_offer(
        title="Industriemeister Metall",
        kind=Offer.Kind.AUFSTIEG,
        levels=["fachkraft"],
        leads_to_id=_step("aufstieg"),
        sectors=["metall-elektro", "maschinenbau"],
        funding=["aufstiegs-bafoeg"],
        price=4000,
        runs=0,
    )
    make_venue_run(b, 48.78, 9.18, start_date=days(60), end_date=days(400), schedule=Run.Schedule.BERUFSBEGLEITEND)
    c = make_offer(
        title="Pflegehelfer",
        kind=Offer.Kind.UMSCHULUNG,
        levels=["ohne-abschluss", "fachkraft"],
        leads_to_id=_step("fachkraft"),
        sectors=["pflege-gesundheit"],
        funding=["bildungsgutschein", "qualifizierungschancengesetz"],
        groups=["migration"],
        azav=True,
        price=0,
        runs=0,
    )
    make_venue_run(
        c, 53.62, 11.41, postcode="19053", city="Schwerin", start_date=days(10), end_date=days(300), schedule="vollzeit"
    )
    d = make_offer(
        title="Qualifizierungsberatung",
        kind=Offer.Kind.BERATUNG,
        levels=["ohne-abschluss", "fachkraft", "aufstieg", "akademisch"],
        sectors=["branchenuebergreifend"],
        price=0,
        runs=0,
    )
    make_run(d, start_date=None, end_date=None, rolling_start=True)
    # Could leak: same attributes as a, but not listed.
    make_offer(
        title="Entwurf Mechatroniker",
        status=Offer.Status.DRAFT,
        levels=["ohne-abschluss"],
        sectors=["metall-elektro"],
        funding=["bildungsgutschein"],
        price=0,
    )
    past = make_offer(title="Vorbei", levels=["ohne-abschluss"], funding=["bildungsgutschein"], price=0, runs=0)
    make_run(past, start_date=days(-40), end_date=days(-2))
    return {"a": a.slug, "b": b.slug, "c": c.slug, "d": d.slug}


def _step(slug):
    from offers.models import QualificationStep

    return QualificationStep.objects.get(slug=slug).pk


def _search(query: str) -> OfferFilter:
    return OfferFilter(QueryDict(query), queryset=Offer.objects.listed())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "abcd"),
        ("level=ohne-abschluss", "acd"),
        ("level=fachkraft", "bcd"),
        ("level=ohne-abschluss&level=aufstieg", "acd"),
        ("level=akademisch", "d"),
        ("next=aufstieg", "b"),
        ("next=fachkraft", "ac"),
        ("sector=metall-elektro", "ab"),
        ("sector=pflege-gesundheit&sector=maschinenbau", "bc"),
        ("funding=bildungsgutschein", "ac"),
        ("funding=aufstiegs-bafoeg&funding=qualifizierungschancengesetz", "bc"),
        ("kind=beratung", "d"),
        ("kind=umschulung&kind=beratung", "cd"),
        ("target_group=migration", "c"),
        ("target_group=an-und-ungelernte&target_group=migration", "ac"),
        ("free=1", "cd"),
        ("azav=1", "ac"),
        ("learning_form=praesenz", "bc"),
        ("learning_form=online-live", "ad"),
        ("schedule=vollzeit", "c"),
        ("schedule=berufsbegleitend&schedule=vollzeit", "bc"),
        ("start_from=" + str(days(20)), "abd"),
        ("start_until=" + str(days(20)), "cd"),
        (f"start_from={days(25)}&start_until={days(40)}", "ad"),
        ("near=70173&radius=25", "b"),
        ("near=Schwerin&radius=10", "c"),
        ("near=19053&radius=5&level=fachkraft", "c"),
        ("level=ohne-abschluss&funding=bildungsgutschein", "ac"),
        ("level=ohne-abschluss&funding=bildungsgutschein&free=1", "c"),
        ("sector=metall-elektro&level=fachkraft", "b"),
        ("level=fachkraft&kind=beratung&free=1&learning_form=online-live", "d"),
        ("level=gibt-es-nicht", "abcd"),
        ("level=gibt-es-nicht&level=fachkraft", "bcd"),
        ("funding=wegebau", "abcd"),
        ("q=Mechatroniker", "a"),
        ("q=Mechatroniker&level=fachkraft", ""),
    ],
)
def test_filter_returns_exact_offers(catalogue, query, expected):
    assert slugs(_search(query).qs) == {catalogue[key] for key in expected}


def _counts(filterset: OfferFilter) -> dict[str, dict[str, int]]:
    return {facet.name: {o.value: o.count for o in facet.options} for facet in filterset.facets()}


def test_facet_counts_ignore_own_filter_and_apply_all_others(catalogue):
    counts = _counts(_search("level=ohne-abschluss&sector=metall-elektro&sector=pflege-gesundheit"))
    assert counts["level"] == {"ohne-abschluss": 2, "fachkraft": 2, "aufstieg": 0, "akademisch": 0}
    assert counts["sector"]["metall-elektro"] == 1
    assert counts["sector"]["pflege-gesundheit"] == 1
    assert counts["sector"]["branchenuebergreifend"] == 1
    assert counts["sector"]["maschinenbau"] == 0
    assert counts["funding"]["bildungsgutschein"] == 2
    assert counts["funding"]["qualifizierungschancengesetz"] == 1
    assert counts["funding"]["aufstiegs-bafoeg"] == 0
    assert "wegebau" not in counts["funding"]
    assert counts["kind"] == {**dict.fromkeys(Offer.Kind.values, 0), "externenpruefung": 1, "umschulung": 1}
    assert counts["next"] == {"ohne-abschluss": 0, "fachkraft": 2, "aufstieg": 0, "akademisch": 0}
    assert counts["learning_form"] == {**dict.fromkeys(Run.LearningForm.values, 0), "online-live": 1, "praesenz": 1}
    assert counts["schedule"] == {**dict.fromkeys(Run.Schedule.values, 0), "teilzeit": 1, "vollzeit": 1}
    assert counts["target_group"]["migration"] == 1
    assert counts["target_group"]["an-und-ungelernte"] == 1
    assert counts["free"] == {"1": 1}
    assert counts["azav"] == {"1": 2}


def test_facet_counts_without_filters_count_every_listed_offer_once(catalogue):
    counts = _counts(_search(""))
    assert counts["level"] == {"ohne-abschluss": 3, "fachkraft": 3, "aufstieg": 1, "akademisch": 1}
    assert counts["funding"]["bildungsgutschein"] == 2  # the draft and the past offer are not counted
    assert counts["free"] == {"1": 2}


def test_facet_options_with_no_offers_stay_visible(catalogue):
    facet = next(f for f in _search("level=akademisch").facets() if f.name == "sector")
    empty = [o.value for o in facet.options if o.count == 0]
    assert "bau" in empty
    assert len(facet.options) == 13


def test_unknown_postcode_is_a_form_error_and_the_rest_still_filters(catalogue):
    filterset = _search("near=99999&level=fachkraft")
    assert slugs(filterset.qs) == {catalogue[k] for k in "bcd"}
    filterset.locate_place()
    assert filterset.form.errors["near"] == [
        "Postleitzahl nicht gefunden. Bitte eine fünfstellige Postleitzahl oder einen Ortsnamen eingeben."
    ]


def test_near_annotates_distance_of_the_nearest_run(catalogue):
    offer = _search("near=73728&radius=25").qs.get()
    assert offer.slug == catalogue["b"]
    assert 9 < offer.distance_km < 11  # Esslingen to Stuttgart centre


def test_near_excludes_runs_just_outside_the_radius(catalogue):
    assert slugs(_search("near=73728&radius=5").qs) == set()
    assert slugs(_search("near=73728&radius=25").qs) == {catalogue["b"]}


def test_start_until_before_start_from_is_a_form_error(catalogue):
    filterset = _search(f"start_from={days(40)}&start_until={days(20)}")
    assert not filterset.form.is_valid()
    assert filterset.form.errors["start_until"] == ["Das Enddatum liegt vor dem Anfangsdatum."]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("sort=title", ["d", "b", "c", "a"][::-1]), ("sort=start", ["d", "c", "a", "b"]), ("", ["d", "c", "a", "b"])],
)
def test_sort_orders_end_with_pk(catalogue, query, expected):
    # Titles: Externenprüfung… (a) < Industriemeister (b) < Pflegehelfer (c) < Qualifizierungsberatung (d)
    if query == "sort=title":
        expected = ["a", "b", "c", "d"]
    ordered = _search(query).ordered()
    assert [o.slug for o in ordered] == [catalogue[k] for k in expected]
    assert ordered.query.order_by[-1] == "pk"


def test_relaxations_suggest_filters_to_drop(catalogue):
    suggestions = _search("level=akademisch&sector=metall-elektro").relaxations()
    assert {(name, count) for name, _label, count in suggestions} == {("level", 2), ("sector", 1)}
    assert suggestions[0][0] == "level"


def test_huge_results_count_link_and_run_facets_on_a_sample_and_say_so(catalogue, monkeypatch):
    from offers import filters

    for _ in range(8):
        make_offer(sectors=["logistik"])
    monkeypatch.setattr(filters, "SAMPLE_ABOVE", 5)
    monkeypatch.setattr(filters, "SAMPLE_SIZE", 4)  # 12 results: every 3rd offer id
    facets = {facet.name: facet for facet in _search("").facets()}
    logistik = next(option for option in facets["sector"].options if option.value == "logistik")
    assert logistik.estimated
    assert logistik.count in (0, 3, 6, 9)
    assert not any(option.estimated for option in facets["kind"].options)  # counted exactly with the total
    assert _search("").summary()["total"] == 12


def test_estimate_scales_and_rounds_to_two_digits():
    from offers.filters import _estimate

    assert (_estimate(7, 1), _estimate(0, 17), _estimate(3, 17), _estimate(1234, 17)) == (7, 0, 51, 21000)
