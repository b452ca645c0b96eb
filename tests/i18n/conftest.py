"""One small catalogue and one counsellor's case, enough to render every page type in every language."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from counselling.consent import CONSENT_VERSION
from counselling.models import Case
from offers.models import FundingProgramme, Offer, QualificationStep, Run
from partners.models import Membership, Partner

LANGUAGES = ["de", "en", "ar", "uk", "tr", "ru"]
RTL = {"ar"}


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def catalogue(db) -> Offer:
    """A published offer by a contact point, open to the seeded 'Fachkraft' step and paid by the Bildungsgutschein."""
    provider = Partner.objects.create(
        name="Bildungswerk Rostock gGmbH", slug="bildungswerk-rostock", kind=Partner.Kind.TRAEGER,
        is_contact_point=True, postcode="18055", city="Rostock",
    )  # fmt: skip
    offer = Offer.objects.create(
        provider=provider, title="Umschulung Fachkraft für Lagerlogistik", slug="umschulung-lagerlogistik",
        summary="In zwei Jahren zum Berufsabschluss im Lager.", description="Praxis im Betrieb und Unterricht.",
        kind=Offer.Kind.UMSCHULUNG, status=Offer.Status.PUBLISHED,
    )  # fmt: skip
    offer.entry_levels.set(QualificationStep.objects.filter(slug="fachkraft"))
    offer.funding_programmes.set(FundingProgramme.objects.filter(slug="bildungsgutschein"))
    start = timezone.localdate() + datetime.timedelta(days=30)
    Run.objects.create(
        offer=offer, start_date=start, end_date=start + datetime.timedelta(days=60),
        schedule=Run.Schedule.VOLLZEIT, learning_form=Run.LearningForm.ONLINE_LIVE,
    )  # fmt: skip
    return offer


@pytest.fixture
def counsellor_case(catalogue) -> Case:
    office = catalogue.provider
    user = get_user_model().objects.create_user(username="beratung-rostock", password="demo")
    Membership.objects.create(user=user, partner=office, role=Membership.Role.COUNSELLOR)
    return Case.objects.create(
        office=office, name="Amal", consent_given_at=timezone.now(), consent_version=CONSENT_VERSION
    )
