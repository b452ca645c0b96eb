from io import StringIO

import pytest
from django.db.models import Max

from offers.models import FundingProgramme, ModuleOffer, Offer, QualificationPath, QualificationStep, Run, Sector
from partners.models import Partner

pytestmark = pytest.mark.django_db

PARTNER_SLUGS = {
    "ihk-region-stuttgart",
    "hwk-region-stuttgart",
    "agentur-fuer-arbeit-stuttgart",
    "schweriner-ausbildungszentrum",
    "lotsendienst-stuttgart",
    "agentur-fuer-arbeit-schwerin",
    "ihk-zu-schwerin",
    "hwk-schwerin",
    "netzwerk-migration",
}
AMON_TITLES = {
    "Umschulung Maschinen- und Anlagenführer/in (Kunststoff)",
    "Externenprüfung Mechatroniker/in – berufsbegleitende Vorbereitung",
    "Kauffrau/Kaufmann für Dialogmarketing – Vorbereitung auf die Externenprüfung",
    "Vom Ausbilder zum Lernbegleiter",
    "Die ausbildende Fachkraft in der betrieblichen Nachqualifizierung",
}


def test_demo_loaders_are_idempotent():
    from offers import demo as offers_demo
    from partners import demo as partners_demo

    counts = (Offer.objects.count(), Run.objects.count(), Partner.objects.count(), Run.objects.aggregate(m=Max("pk")))
    partners_demo.load(stdout=StringIO())
    offers_demo.load(stdout=StringIO())
    assert (
        Offer.objects.count(),
        Run.objects.count(),
        Partner.objects.count(),
        Run.objects.aggregate(m=Max("pk")),
    ) == counts


def test_demo_partners_have_fixed_slugs_and_complete_profiles():
    assert set(Partner.objects.values_list("slug", flat=True)) >= PARTNER_SLUGS
    saz = Partner.objects.get(slug="schweriner-ausbildungszentrum")
    assert (saz.name, saz.kind, saz.is_contact_point) == ("Schweriner Ausbildungszentrum e.V.", "traeger", True)
    assert Partner.objects.get(slug="lotsendienst-stuttgart").name == (
        "Lotsendienst Region Stuttgart – Qualifizierungsberatung"
    )
    for partner in Partner.objects.filter(active=True):
        assert all([partner.description, partner.street, partner.phone, partner.email, partner.website]), partner
        assert partner.latitude and partner.longitude and partner.opening_hours, partner
        assert 1 <= partner.contact_persons.count() <= 3, partner
        assert partner.services.exists() and partner.languages.exists(), partner
    contact_cities = set(Partner.objects.filter(is_contact_point=True, active=True).values_list("city", flat=True))
    assert {"Stuttgart", "Schwerin", "Rostock"} <= contact_cities
    assert Partner.objects.filter(is_contact_point=True, active=True).count() >= 4
    assert Partner.objects.filter(active=False).count() == 1


def test_demo_offers_cover_the_catalogue():
    listed = Offer.objects.listed()
    assert listed.count() >= 60
    assert set(listed.values_list("title", flat=True)) >= AMON_TITLES
    for step in QualificationStep.objects.all():
        assert listed.for_level(step).exists(), step
    assert set(listed.exclude(leads_to=None).values_list("leads_to__slug", flat=True)) >= {"fachkraft", "aufstieg"}
    assert set(listed.values_list("sectors__slug", flat=True)) >= set(Sector.objects.values_list("slug", flat=True))
    active = set(FundingProgramme.objects.filter(active=True).values_list("slug", flat=True))
    assert set(listed.values_list("funding_programmes__slug", flat=True)) >= active
    assert set(listed.values_list("kind", flat=True)) == set(Offer.Kind.values)
    runs = Run.objects.current().filter(offer__in=listed)
    assert set(runs.values_list("learning_form", flat=True)) == set(Run.LearningForm.values)
    assert set(runs.values_list("schedule", flat=True)) == set(Run.Schedule.values)
    assert {"Stuttgart", "Schwerin", "Rostock"} <= set(runs.values_list("city", flat=True))
    assert listed.stale().count() >= 2


def test_demo_hides_drafts_archived_and_past_offers():
    hidden = set(Offer.objects.values_list("slug", flat=True)) - set(
        Offer.objects.listed().values_list("slug", flat=True)
    )
    assert hidden == {
        "entwurf-umschulung-elektroniker-betriebstechnik",
        "stapler-schnellkurs-eingestellt",
        "mag-schweissen-grundlagen",
        "kundenkommunikation-telefon",
        "verbund-neckar-cnc-aufbaukurs",
    }
    for run in Run.objects.all():
        run.full_clean()


def test_demo_paths_name_their_modules_and_offers_in_order():
    from offers import demo_paths

    paths = {path.slug: path for path in QualificationPath.objects.published()}
    machines = paths["maschinen-und-anlagenfuehrer-tq"]
    chain = [[offer.slug for offer in module.offers.all()] for module in machines.modules.order_by("position")]
    assert chain == [[f"tq-maschinen-anlagenfuehrer-tq{n}"] for n in range(1, 6)]
    assert Run.objects.filter(offer__slug__startswith="tq-maschinen-anlagenfuehrer", city="Stuttgart").count() >= 5
    assert "28" in machines.example and "70 %" in machines.example and "30 %" in machines.example
    mechatronics = paths["mechatroniker-externenpruefung"].modules.get()
    assert list(mechatronics.offers.values_list("slug", flat=True)) == ["externenpruefung-mechatroniker"]
    assert Offer.objects.get(slug="externenpruefung-mechatroniker").runs.filter(city="Schwerin").exists()
    demo_paths.load(stdout=StringIO())
    assert ModuleOffer.objects.filter(module__path__in=paths.values()).count() == 6
