"""Every page type of the portal, public and desk, with the data to fill each: the axe and Nu HTML checker sweeps
walk this one list."""

from dataclasses import dataclass

from django.urls import reverse

from counselling.models import Case, Inquiry
from tests.factories import CaseFactory, CompanyFactory, InquiryFactory, SessionFactory, counsellor

LANGUAGES = ["de", "en", "ar", "uk", "tr", "ru"]


@dataclass
class Site:
    offer_url: str
    partner_slug: str
    case: Case
    inquiry: Inquiry
    company_pk: int
    user: object


def build_site(region) -> Site:
    office = region.stuttgart_point
    user = counsellor(office, username="beratung-sweep")
    case = CaseFactory(office=office, name="Amal Haddad")
    SessionFactory(case=case)
    company = CompanyFactory(office=office, name="Imbiss Haddad")
    inquiry = InquiryFactory(office=office, name="Samir")
    return Site(region.tq_stuttgart.get_absolute_url(), region.tq_stuttgart.provider.slug, case, inquiry,
                company.pk, user)  # fmt: skip


def public_pages(site: Site) -> dict[str, str]:
    business = "?who=unternehmen&goal=unternehmen-fuehren&sector=gastgewerbe&postcode=70173&languages=ar"
    return {
        "home": reverse("home"),
        "search": reverse("offers:search"),
        "search with filters": reverse("offers:search") + "?q=Kurs&near=70173&level=fachkraft",
        "offer": site.offer_url,
        "funding list": reverse("funding:list"),
        "funding programme": reverse("funding:detail", args=["bildungsgutschein"]),
        "partner directory": reverse("partners:directory"),
        "partner": reverse("partners:detail", args=[site.partner_slug]),
        "guide": reverse("guide:start"),
        "guide result": reverse("guide:result") + "?who=beschaeftigt&step=fachkraft&postcode=70173",
        "guide business route": reverse("guide:result") + business,
        "merkliste": reverse("merkliste:list"),
        "counselling request": reverse("counselling:request") + "?language=ar",
        "request sent": reverse("counselling:request_done"),
        "imprint": reverse("impressum"),
        "privacy": reverse("datenschutz"),
        "accessibility": reverse("barrierefreiheit"),
        "easy language": reverse("leichte_sprache"),
        "easy guide": reverse("guide:easy_start"),
        "easy guide result": reverse("guide:easy_result") + business,
        "easy funding": reverse("funding:easy"),
        "login": reverse("login"),
        "not found": "/gibt-es-nicht/",
    }


def desk_pages(site: Site) -> dict[str, str]:
    return {
        "desk": reverse("counselling:desk"),
        "inquiries": reverse("counselling:inquiries"),
        "inquiry": reverse("counselling:inquiry", args=[site.inquiry.pk]),
        "cases": reverse("counselling:cases"),
        "case": reverse("counselling:case", args=[site.case.pk]),
        "case form": reverse("counselling:case_new"),
        "companies": reverse("counselling:companies"),
        "company": reverse("counselling:company", args=[site.company_pk]),
        "statistics": reverse("counselling:statistics"),
    }
