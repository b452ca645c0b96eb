"""Who can be assigned a case: active counsellors of the case's own office only."""

import pytest
from django.urls import reverse

from counselling.selectors import counsellors_of, office_counsellor_emails
from tests.conftest import verified_login
from tests.factories import CaseFactory, counsellor


@pytest.fixture
def departed(office_s):
    return counsellor(office_s, username="ausgeschieden", is_active=False)


def test_counsellors_of_leaves_out_deactivated_users_editors_and_other_offices(
    office_s, office_n, counsellor_s, counsellor_n, editor, departed
):
    assert list(counsellors_of(office_s)) == [counsellor_s]
    assert list(counsellors_of(office_s, office_n)) == [counsellor_n, counsellor_s]
    assert list(counsellors_of(office_s, include_inactive=True)) == [departed, counsellor_s]


def test_case_form_does_not_offer_a_deactivated_counsellor(client, office_s, counsellor_s, counsellor_n, departed):
    case = CaseFactory(office=office_s, counsellor=counsellor_s)
    verified_login(client, counsellor_s)
    url = reverse("counselling:case_edit", args=[case.pk])

    choices = list(client.get(url).context["form"].fields["counsellor"].queryset)
    data = {"client_kind": "person", "name": case.name, "gender": "unknown", "status": "new"}
    for user in (departed, counsellor_n):
        response = client.post(url, {**data, "counsellor": user.pk})
        assert response.status_code == 200
        assert "counsellor" in response.context["form"].errors

    assert choices == [counsellor_s]
    case.refresh_from_db()
    assert case.counsellor == counsellor_s


def test_case_list_filter_still_finds_the_cases_of_a_deactivated_counsellor(client, office_s, counsellor_s, departed):
    left_behind = CaseFactory(office=office_s, counsellor=departed)
    CaseFactory(office=office_s, counsellor=counsellor_s)
    verified_login(client, counsellor_s)

    response = client.get(reverse("counselling:cases"), {"counsellor": departed.pk})

    assert list(response.context["page"].object_list) == [left_behind]


def test_new_request_mail_goes_to_active_counsellors_only(office_s, counsellor_s, counsellor_n, departed):
    assert office_counsellor_emails(office_s) == ["beratung-stuttgart@example.org"]
