"""The access matrix: every desk URL × anonymous, both counsellors, an editor and the coordinator."""

import pytest
from django.urls import reverse

from counselling.models import AuditEntry, Case, Session
from tests.conftest import verified_login

PAGES_WITHOUT_OBJECT = [
    "desk", "inquiries", "cases", "case_new", "companies", "company_new", "statistics", "statistics_csv",
]  # fmt: skip
CASE_PAGES = ["case", "case_edit", "case_export_json", "case_export", "case_anonymise"]
CASE_POSTS = ["session_add", "plan_step_add", "referral_add", "case_anonymise", "case_edit"]
OTHER_USERS = ["counsellor_n", "editor", "coordinator"]


def object_urls(case: Case) -> list[tuple[str, str]]:
    """(method, url) of every desk URL that points at an object of the case's office."""
    plan_step, referral = case.plan_steps.get(), case.referrals.get()
    urls = [("get", reverse(f"counselling:{name}", args=[case.pk])) for name in CASE_PAGES]
    urls += [("post", reverse(f"counselling:{name}", args=[case.pk])) for name in CASE_POSTS]
    urls += [
        ("get", reverse("counselling:inquiry", args=[case.inquiry_id])),
        ("post", reverse("counselling:inquiry_convert", args=[case.inquiry_id])),
        ("post", reverse("counselling:inquiry_close", args=[case.inquiry_id])),
        ("post", reverse("counselling:inquiry_anonymise", args=[case.inquiry_id])),
        ("get", reverse("counselling:company", args=[case.company_id])),
        ("post", reverse("counselling:company", args=[case.company_id])),
        ("get", reverse("counselling:company_edit", args=[case.company_id])),
        ("post", reverse("counselling:company_edit", args=[case.company_id])),
        ("post", reverse("counselling:plan_step_status", args=[case.pk, plan_step.pk])),
        ("post", reverse("counselling:referral_status", args=[case.pk, referral.pk])),
    ]
    return urls


def all_urls(case: Case) -> list[tuple[str, str]]:
    return [("get", reverse(f"counselling:{name}")) for name in PAGES_WITHOUT_OBJECT] + object_urls(case)


def test_desk_urls_send_anonymous_visitors_to_login(client, world):
    for method, url in all_urls(world["s"]):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("login") + "?next="), url


@pytest.mark.parametrize("who", ["editor", "coordinator"])
def test_desk_urls_are_404_for_editors_and_coordinator(client, world, request, who):
    verified_login(client, request.getfixturevalue(who))
    for method, url in all_urls(world["s"]):
        assert getattr(client, method)(url).status_code == 404, (who, method, url)


def test_other_offices_objects_are_404_for_counsellor(client, world, counsellor_n):
    before = (Case.objects.get(pk=world["s"].pk).name, Session.objects.count())
    verified_login(client, counsellor_n)
    for method, url in object_urls(world["s"]):
        response = getattr(client, method)(url, {"status": "closed", "minutes": 30, "title": "x"})
        assert response.status_code == 404, (method, url)
    assert (Case.objects.get(pk=world["s"].pk).name, Session.objects.count()) == before
    assert not AuditEntry.objects.filter(case_pk=world["s"].pk, user=counsellor_n).exists()


@pytest.mark.parametrize(
    ("who", "own", "foreign"), [("counsellor_s", "geheimS", "geheimN"), ("counsellor_n", "geheimN", "geheimS")]
)
def test_desk_pages_show_only_own_office_data(client, world, request, who, own, foreign):
    verified_login(client, request.getfixturevalue(who))
    for name in PAGES_WITHOUT_OBJECT:
        response = client.get(reverse(f"counselling:{name}"))
        assert response.status_code == 200, name
        assert foreign.encode() not in response.content, name
    assert own.encode() in client.get(reverse("counselling:cases")).content


def test_own_object_pages_answer_200_for_counsellor(client, world, counsellor_s):
    verified_login(client, counsellor_s)
    for method, url in object_urls(world["s"]):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_desk_pages_are_never_cached(client, world, counsellor_s):
    verified_login(client, counsellor_s)
    for method, url in all_urls(world["s"]):
        if method == "get":
            assert "no-store" in client.get(url)["Cache-Control"], url


def test_case_page_sends_no_store(client, world, counsellor_s):
    verified_login(client, counsellor_s)
    response = client.get(reverse("counselling:case", args=[world["s"].pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_admin_has_no_counselling_models_for_coordinator(client, world, coordinator):
    verified_login(client, coordinator)
    assert client.get("/admin/counselling/").status_code == 404
    assert b"geheimS" not in client.get("/admin/").content


def test_case_form_offers_only_own_office_companies(client, world, counsellor_s):
    verified_login(client, counsellor_s)
    response = client.get(reverse("counselling:case_new"))
    companies = response.context["form"].fields["company"].queryset
    assert set(companies) == {world["s"].company}
    assert set(response.context["form"].fields["office"].queryset) == {world["s"].office}
