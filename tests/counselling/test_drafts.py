"""Drafts of session and case notes: kept on the server per user, shown again, deleted when saved."""

import pytest
from django.urls import reverse

from counselling.models import Draft
from counselling.services import case_anonymise
from tests import factories
from tests.conftest import verified_login

TEXT = "Zeugnisse aus Polen liegen vor; Anerkennung beantragen."


@pytest.fixture
def case(office_s, counsellor_s):
    return factories.CaseFactory(office=office_s, counsellor=counsellor_s)


def draft_url(case, form="session") -> str:
    return reverse("counselling:draft_save", args=[case.pk, form])


def test_autosave_keeps_the_long_texts_for_the_user(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    response = client.post(draft_url(case), {"notes": TEXT, "minutes": "30"}, HTTP_X_DRAFT_AUTOSAVE="1")
    assert response.status_code == 204
    assert list(Draft.objects.values_list("user", "case", "form", "field", "text")) == [
        (counsellor_s.pk, case.pk, "session", "notes", TEXT)
    ]


def test_draft_button_without_javascript_saves_and_returns_to_the_form(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    response = client.post(draft_url(case), {"notes": TEXT, "next_steps": "Termin IHK"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{case.get_absolute_url()}#log-session"
    assert "Der Entwurf ist gespeichert." in response.content.decode()
    assert response.context["session_form"].initial == {"notes": TEXT, "next_steps": "Termin IHK"}


def test_draft_is_deleted_when_the_session_is_saved(client, case, counsellor_s):
    factories.DraftFactory(user=counsellor_s, case=case, text=TEXT)
    verified_login(client, counsellor_s)
    data = {"date": "2026-03-02", "minutes": "30", "channel": "phone", "notes": TEXT}
    client.post(reverse("counselling:session_add", args=[case.pk]), data)
    assert case.sessions.get().notes == TEXT
    assert not Draft.objects.exists()


def test_case_notes_draft_shows_on_the_edit_form_and_goes_with_the_save(client, case, counsellor_s):
    factories.DraftFactory(user=counsellor_s, case=case, form="case", text=TEXT)
    verified_login(client, counsellor_s)
    edit = reverse("counselling:case_edit", args=[case.pk])
    assert client.get(edit).context["form"].initial["notes"] == TEXT
    data = {"name": case.name, "gender": "unknown", "status": "new", "notes": TEXT, "client_kind": "person"}
    client.post(edit, data)
    case.refresh_from_db()
    assert case.notes == TEXT
    assert not Draft.objects.exists()


def test_emptied_field_drops_its_draft(client, case, counsellor_s):
    factories.DraftFactory(user=counsellor_s, case=case, text=TEXT)
    verified_login(client, counsellor_s)
    client.post(draft_url(case), {"notes": "  "}, HTTP_X_DRAFT_AUTOSAVE="1")
    assert not Draft.objects.exists()


def test_colleagues_draft_is_not_shown(client, case, counsellor_s, office_s):
    factories.DraftFactory(user=factories.counsellor(office_s, username="kollegin"), case=case, text=TEXT)
    verified_login(client, counsellor_s)
    assert TEXT not in client.get(case.get_absolute_url()).content.decode()


def test_draft_of_other_office_case_is_404_and_anonymous_goes_to_login(client, case, counsellor_n):
    assert client.post(draft_url(case), {"notes": TEXT})["Location"].startswith("/konto/anmelden/")
    verified_login(client, counsellor_n)
    assert client.post(draft_url(case), {"notes": TEXT}).status_code == 404
    assert not Draft.objects.exists()


def test_unknown_draft_form_is_404(client, case, counsellor_s):
    verified_login(client, counsellor_s)
    assert client.post(draft_url(case, "plan"), {"note": TEXT}).status_code == 404


def test_anonymising_a_case_deletes_its_drafts(case, counsellor_s):
    factories.DraftFactory(user=counsellor_s, case=case, text=TEXT)
    case_anonymise(case=case, by=counsellor_s)
    assert not Draft.objects.exists()
