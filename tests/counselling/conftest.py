from datetime import date

import pytest
from django.core.cache import cache

from counselling.models import Case
from partners.models import Partner
from tests import factories


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def coordinator(db):
    return factories.UserFactory(username="koordination", is_staff=True, is_superuser=True)


POSTCODES = {"geheimS": "00001", "geheimN": "00002"}  # never in a seeded postcode table


def full_case(office: Partner, counsellor, secret: str) -> Case:
    """A case with every related record, each carrying `secret` in its free text."""
    offer = factories.OfferFactory(provider=office, title=f"Kurs {secret}")
    inquiry = factories.InquiryFactory(
        office=office, name=f"Anfrage {secret}", message=f"Nachricht {secret}", email=f"{secret}@example.org"
    )
    company = factories.CompanyFactory(office=office, name=f"Firma {secret}", contact=f"Kontakt {secret}")
    analysis = factories.NeedsAnalysisFactory(company=company, date=date(2026, 3, 1), notes=f"Analyse {secret}")
    factories.NeedFactory(analysis=analysis, employees=3, topic=f"Thema {secret}")
    case = factories.CaseFactory(
        office=office, name=f"Name {secret}", email=f"{secret}@example.org", phone=f"Tel {secret}",
        postcode=POSTCODES[secret], goal=f"Ziel {secret}", notes=f"Notiz {secret}", counsellor=counsellor,
        inquiry=inquiry, company=company,
    )  # fmt: skip
    factories.SessionFactory(
        case=case, date=date(2026, 3, 2), minutes=60, topics=f"Themen {secret}",
        notes=f"Gespräch {secret}", next_steps=f"Schritte {secret}", counsellor=counsellor,
    )  # fmt: skip
    factories.PlanStepFactory(case=case, offer=offer, title=f"Externenprüfung für {secret}", note=f"Plan {secret}")
    factories.ReferralFactory(case=case, offer=offer, partner=office, note=f"Vermittlung {secret}")
    factories.MilestoneFactory(case=case, kind="exam-result", result="passed", note=f"Meilenstein {secret}")
    return case


@pytest.fixture
def world(office_s, office_n, counsellor_s, counsellor_n):
    """One fully documented case per office, so every page has something that could leak."""
    return {
        "s": full_case(office_s, counsellor_s, "geheimS"),
        "n": full_case(office_n, counsellor_n, "geheimN"),
    }
