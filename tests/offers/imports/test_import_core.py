import datetime
from decimal import Decimal

from django.utils import timezone

from offers.imports.apply import apply_plan
from offers.imports.plan import make_plan
from offers.imports.validate import check_file
from offers.models import ImportLog, Offer, Run
from tests.factories import STUTTGART, OfferFactory, coordinator, editor, slugs
from tests.offers.imports.conftest import csv_file, row


def run_import(data: bytes, partner, *, by=None, complete=False):
    checked = check_file(data, partner=partner)
    assert checked.problems == []
    plan = make_plan(partner=partner, offers=checked.offers, complete=complete)
    return plan, apply_plan(plan=plan, by=by, file_name="katalog.csv")


def test_import_creates_offers_with_their_runs_and_vocabularies(partner):
    user = editor(partner)
    data = csv_file(
        row(Offen_für="fachkraft|Meister, Techniker, Fachwirt", Branchen="METALL-ELEKTRO", AZAV="ja"),
        row(Beginn="2027-09-01", Ende="", Lernform="Präsenz", PLZ="70173", Ort="Stuttgart"),
        row(Kursnummer="K-2", Titel="Schweißen", Art="teilqualifizierung", Preis="", Beginn="", Laufender_Einstieg="x"),
    )

    plan, log = run_import(data, partner, by=user)

    assert plan.counts == {"new": 2, "changed": 0, "unchanged": 0, "archived": 0}
    cnc, weld = Offer.objects.filter(provider=partner).order_by("external_id")
    assert (cnc.title, cnc.kind, cnc.price, cnc.azav, cnc.status) == (
        "CNC-Fräsen",
        "anpassung",
        Decimal("1250.50"),
        True,
        "published",
    )
    assert slugs(cnc.entry_levels.all()) == {"fachkraft", "aufstieg"}
    assert slugs(cnc.sectors.all()) == {"metall-elektro"}
    assert [(r.start_date, r.end_date, r.learning_form, r.city) for r in cnc.runs.order_by("start_date")] == [
        (datetime.date(2027, 3, 2), datetime.date(2027, 4, 30), "online-live", ""),
        (datetime.date(2027, 9, 1), None, "praesenz", "Stuttgart"),
    ]
    assert (weld.kind, weld.price, [r.rolling_start for r in weld.runs.all()]) == ("teilqualifizierung", 0, [True])
    assert (log.partner, log.user, log.file_name, log.created, log.changed) == (partner, user, "katalog.csv", 2, 0)


def test_import_writes_history_naming_the_editor_and_the_import(partner):
    user = editor(partner)

    _plan, log = run_import(csv_file(row()), partner, by=user)

    entry = Offer.objects.get(external_id="K-1").history.first()
    assert (entry.history_user, entry.history_change_reason) == (user, f"Import {log.pk}: katalog.csv")


def test_the_same_file_twice_changes_nothing(partner):
    data = csv_file(row(), row(Beginn="01.09.2027", Ende=""), row(Kursnummer="K-2"))
    run_import(data, partner)
    before = list(Offer.objects.values().order_by("pk"))
    history = Offer.history.count()

    plan, log = run_import(data, partner)

    assert plan.counts == {"new": 0, "changed": 0, "unchanged": 2, "archived": 0}
    assert (log.created, log.changed, log.unchanged) == (0, 0, 2)
    assert list(Offer.objects.values().order_by("pk")) == before
    assert Offer.history.count() == history


def test_a_changed_row_changes_its_offer_and_keeps_the_others(partner):
    run_import(csv_file(row(), row(Kursnummer="K-2")), partner)

    plan, _log = run_import(csv_file(row(Titel="CNC-Fräsen kompakt"), row(Kursnummer="K-2")), partner)

    assert plan.counts == {"new": 0, "changed": 1, "unchanged": 1, "archived": 0}
    assert Offer.objects.get(external_id="K-1").title == "CNC-Fräsen kompakt"


def test_a_complete_file_archives_the_partners_offers_missing_from_it(partner):
    run_import(csv_file(row(), row(Kursnummer="K-2")), partner)
    by_hand = OfferFactory(provider=partner)  # no Kursnummer: the import leaves it alone
    other = OfferFactory(external_id="K-2")  # another partner's offer with the same number

    plan, log = run_import(csv_file(row()), partner, complete=True)

    assert [offer.external_id for offer in plan.archived] == ["K-2"]
    assert log.archived == 1
    statuses = dict(Offer.objects.values_list("pk", "status"))
    assert statuses[Offer.objects.get(provider=partner, external_id="K-2").pk] == "archived"
    assert (statuses[by_hand.pk], statuses[other.pk]) == ("published", "published")


def test_a_file_not_declared_complete_archives_nothing(partner):
    run_import(csv_file(row(), row(Kursnummer="K-2")), partner)

    plan, _log = run_import(csv_file(row()), partner)

    assert plan.archived == []
    assert set(Offer.objects.values_list("status", flat=True)) == {"published"}


def test_html_in_text_fields_is_stored_as_text_and_shown_escaped(client, partner):
    run_import(csv_file(row(Titel="<script>alert(1)</script> CNC", Beschreibung="<b>fett</b>")), partner)

    offer = Offer.objects.get(external_id="K-1")
    assert (offer.title, offer.description) == ("<script>alert(1)</script> CNC", "<b>fett</b>")
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; CNC" in page
    assert "<script>alert(1)" not in page and "<b>fett</b>" not in page


def test_import_log_counts_are_per_partner(partner):
    run_import(csv_file(row()), partner)

    assert list(ImportLog.objects.values_list("partner", "created")) == [(partner.pk, 1)]


def test_imported_offers_are_listed_located_and_searchable_like_saved_ones(partner):
    run_import(csv_file(row(Lernform="Präsenz", PLZ="70173", Ort="Stuttgart")), partner)

    offer = Offer.objects.get(external_id="K-1")
    run = offer.runs.get()
    assert (run.latitude, run.longitude) == (STUTTGART.latitude, STUTTGART.longitude)
    assert (offer.listed_until, offer.next_start) == (datetime.date(2027, 4, 30), datetime.date(2027, 3, 2))
    assert list(Offer.objects.listed()) == [offer]


def test_history_of_an_import_holds_the_links_and_the_runs(partner):
    user = editor(partner)

    _plan, log = run_import(csv_file(row(Branchen="logistik|handwerk")), partner, by=user)

    record = Offer.objects.get(external_id="K-1").history.get()
    assert {link.sector.slug for link in record.sectors.all()} == {"logistik", "handwerk"}
    run_record = Run.history.get()
    assert (run_record.history_user, run_record.history_change_reason) == (user, f"Import {log.pk}: katalog.csv")


def test_an_editors_import_confirms_the_offers_a_coordinators_does_not(partner):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    OfferFactory(provider=partner, external_id="K-1", last_confirmed_at=long_ago)
    OfferFactory(provider=partner, external_id="K-2", last_confirmed_at=long_ago)

    run_import(csv_file(row()), partner, by=editor(partner))
    run_import(csv_file(row(Kursnummer="K-2")), partner, by=coordinator())

    confirmed = dict(Offer.objects.values_list("external_id", "last_confirmed_at"))
    assert confirmed["K-1"] > long_ago
    assert confirmed["K-2"] == long_ago


def test_new_offers_get_unique_slugs_also_when_titles_repeat(partner):
    OfferFactory(slug="cnc-frasen-bildungswerk-neckar")

    run_import(csv_file(row(), row(Kursnummer="K-2"), row(Kursnummer="K-3")), partner)

    assert sorted(Offer.objects.filter(provider=partner).values_list("slug", flat=True)) == [
        "cnc-frasen-bildungswerk-neckar-2",
        "cnc-frasen-bildungswerk-neckar-3",
        "cnc-frasen-bildungswerk-neckar-4",
    ]
