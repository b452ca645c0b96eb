"""Small factories for the counselling tests. They never rely on demo data."""

import itertools
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone

from counselling.consent import CONSENT_VERSION
from counselling.models import Case, Company, Inquiry, Need, NeedsAnalysis, PlanStep, Referral, Session
from offers.models import Offer, QualificationStep, Sector, TargetGroup
from partners.models import Membership, Partner

_counter = itertools.count(1)
STEPS = [("ohne-abschluss", "ohne Berufsabschluss"), ("fachkraft", "Fachkraft"), ("aufstieg", "Aufstieg"),
         ("akademisch", "akademisch")]  # fmt: skip


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_partner(slug: str, **fields) -> Partner:
    defaults = {"name": slug.replace("-", " ").title(), "kind": Partner.Kind.BERATUNG, "is_contact_point": True}
    return Partner.objects.get_or_create(slug=slug, defaults={**defaults, **fields})[0]


def make_user(username: str, **fields):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org", **fields)
    user.set_password("demo")
    user.save()
    return user


def make_counsellor(office: Partner, username: str | None = None):
    user = make_user(username or f"counsellor-{next(_counter)}")
    Membership.objects.create(user=user, partner=office, role=Membership.Role.COUNSELLOR)
    return user


def make_step(slug: str = "ohne-abschluss") -> QualificationStep:
    order, name = next((i, n) for i, (s, n) in enumerate(STEPS) if s == slug)
    step = QualificationStep.objects.filter(slug=slug).first()
    return step or QualificationStep.objects.create(slug=slug, name=name, order=100 + order)


def make_case(office: Partner, **fields) -> Case:
    defaults = {
        "name": f"Person {next(_counter)}",
        "consent_given_at": timezone.now(),
        "consent_version": CONSENT_VERSION,
    }
    return Case.objects.create(office=office, **{**defaults, **fields})


def make_inquiry(office: Partner, **fields) -> Inquiry:
    defaults = {
        "name": f"Anfragende {next(_counter)}",
        "email": "anfrage@example.org",
        "message": "Ich möchte einen Berufsabschluss.",
        "consent_given_at": timezone.now(),
        "consent_version": CONSENT_VERSION,
    }
    return Inquiry.objects.create(office=office, **{**defaults, **fields})


def make_offer(provider: Partner, title: str, status: str = Offer.Status.PUBLISHED, **fields) -> Offer:
    slug = f"{title.lower().replace(' ', '-')}-{next(_counter)}"
    return Offer.objects.create(provider=provider, title=title, slug=slug, summary=title, kind="anpassung",
                                status=status, **fields)  # fmt: skip


def make_sector(slug: str = "metall") -> Sector:
    return Sector.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


def make_target_group(slug: str = "an-und-ungelernte") -> TargetGroup:
    return TargetGroup.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ")})[0]


@pytest.fixture
def office_s(db):
    return make_partner("lotsendienst-stuttgart", name="Lotsendienst Stuttgart")


@pytest.fixture
def office_n(db):
    return make_partner("schweriner-ausbildungszentrum", name="Schweriner Ausbildungszentrum e.V.")


@pytest.fixture
def counsellor_s(office_s):
    return make_counsellor(office_s, "beratung-stuttgart")


@pytest.fixture
def counsellor_n(office_n):
    return make_counsellor(office_n, "beratung-schwerin")


@pytest.fixture
def editor(office_s):
    user = make_user("redaktion-ihk", is_staff=True)
    Membership.objects.create(user=user, partner=office_s, role=Membership.Role.EDITOR)
    return user


@pytest.fixture
def coordinator(db):
    return make_user("koordination", is_staff=True, is_superuser=True)


POSTCODES = {"geheimS": "00001", "geheimN": "00002"}  # never in a seeded postcode table


def make_full_case(office: Partner, counsellor, secret: str) -> Case:
    """A case with every related record, each carrying `secret` in its free text."""
    offer = make_offer(office, f"Kurs {secret}")
    inquiry = make_inquiry(
        office, name=f"Anfrage {secret}", message=f"Nachricht {secret}", email=f"{secret}@example.org"
    )
    company = Company.objects.create(office=office, name=f"Firma {secret}", contact=f"Kontakt {secret}")
    analysis = NeedsAnalysis.objects.create(company=company, date=date(2026, 3, 1), notes=f"Analyse {secret}")
    Need.objects.create(analysis=analysis, step=make_step(), employees=3, topic=f"Thema {secret}")
    case = make_case(
        office, name=f"Name {secret}", email=f"{secret}@example.org", phone=f"Tel {secret}", postcode=POSTCODES[secret],
        goal=f"Ziel {secret}", notes=f"Notiz {secret}", counsellor=counsellor, inquiry=inquiry, company=company,
    )  # fmt: skip
    Session.objects.create(
        case=case, date=date(2026, 3, 2), minutes=60, topics=f"Themen {secret}",
        notes=f"Gespräch {secret}", next_steps=f"Schritte {secret}", counsellor=counsellor,
    )  # fmt: skip
    PlanStep.objects.create(case=case, offer=offer, note=f"Plan {secret}")
    Referral.objects.create(case=case, offer=offer, partner=office, note=f"Vermittlung {secret}")
    return case


@pytest.fixture
def world(office_s, office_n, counsellor_s, counsellor_n):
    """One fully documented case per office, so every page has something that could leak."""
    return {
        "s": make_full_case(office_s, counsellor_s, "geheimS"),
        "n": make_full_case(office_n, counsellor_n, "geheimN"),
    }
