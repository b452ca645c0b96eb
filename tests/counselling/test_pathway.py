"""The way to a vocational qualification in a case: a plan that follows a qualification path (one click), the
milestones (form, timeline, audit, status) and who may do it."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from counselling.models import AuditEntry, Case, Milestone, PlanStep
from tests.conftest import verified_login
from tests.factories import OfferFactory, QualificationPathFactory, days, path_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def path():
    """Three modules: one offer, none, two offers (then the counsellor chooses)."""
    path = QualificationPathFactory(title="Maschinenführer TQ")
    first = OfferFactory(title="TQ 1 Metall", runs__start_date=days(20))
    path_modules(path, first, None, [OfferFactory(title="TQ 3 a"), OfferFactory(title="TQ 3 b")])
    return path


@pytest.fixture
def case(world):
    return world["s"]


def _follow(client, case, path):
    return client.post(reverse("counselling:plan_follow_path", args=[case.pk]), {"path": path.pk})


def test_plan_follows_a_path_in_one_click(client, counsellor_s, case, path):
    verified_login(client, counsellor_s)
    response = _follow(client, case, path)
    assert response.status_code == 302
    steps = case.plan_steps.filter(title__startswith="Maschinenführer TQ").order_by("pk")
    assert [(step.title, step.offer and step.offer.title, step.planned_start) for step in steps] == [
        ("Maschinenführer TQ – Modul 1 von 3: Modul 1", "TQ 1 Metall", days(20)),
        ("Maschinenführer TQ – Modul 2 von 3: Modul 2", None, None),
        ("Maschinenführer TQ – Modul 3 von 3: Modul 3", None, None),
    ]
    case.refresh_from_db()
    assert case.path == path
    assert case.status == Case.Status.PLAN
    entry = AuditEntry.objects.filter(case_pk=case.pk, action="change").first()
    assert entry.what == "Plan folgt dem Qualifizierungsweg „Maschinenführer TQ“ (3 Schritte neu)"


def test_following_the_same_path_twice_adds_no_step_twice(client, counsellor_s, case, path):
    verified_login(client, counsellor_s)
    _follow(client, case, path)
    _follow(client, case, path)
    assert case.plan_steps.filter(title__startswith="Maschinenführer TQ").count() == 3


def test_case_page_offers_the_published_paths(client, counsellor_s, case, path):
    QualificationPathFactory(title="Entwurf eines Wegs", published=False)
    verified_login(client, counsellor_s)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Maschinenführer TQ" in html
    assert "Entwurf eines Wegs" not in html


def test_unknown_path_is_an_error_next_to_the_field(client, counsellor_s, case):
    verified_login(client, counsellor_s)
    response = client.post(reverse("counselling:plan_follow_path", args=[case.pk]), {"path": "999999"})
    assert response.status_code == 400
    assert "Diesen Qualifizierungsweg gibt es nicht (mehr)." in response.content.decode()


def test_another_offices_case_is_404_and_anonymous_goes_to_login(client, counsellor_n, case, path):
    for url, data in (
        (reverse("counselling:plan_follow_path", args=[case.pk]), {"path": path.pk}),
        (reverse("counselling:milestone_add", args=[case.pk]), {"kind": "exam-date", "date": "2026-05-01"}),
    ):
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/konto/anmelden/")
        verified_login(client, counsellor_n)
        assert client.post(url, data).status_code == 404
        client.logout()
    assert not case.plan_steps.filter(title__startswith="Maschinenführer").exists()
    assert case.milestones.count() == 1  # the fixture's own


def _milestone(client, case, **data):
    return client.post(reverse("counselling:milestone_add", args=[case.pk]), data)


def test_milestones_go_on_the_timeline_in_the_audit_and_move_the_case_to_the_exam(client, counsellor_s, case):
    verified_login(client, counsellor_s)
    _milestone(client, case, kind="admission-applied", date="2026-02-01", note="Antrag bei der IHK")
    assert Case.objects.get(pk=case.pk).status != Case.Status.EXAM
    _milestone(client, case, kind="admission-granted", date="2026-03-01")
    _milestone(client, case, kind="exam-result", date="2026-06-15", result="passed")
    case.refresh_from_db()
    assert case.status == Case.Status.EXAM
    kinds = list(case.milestones.exclude(note__startswith="Meilenstein").values_list("kind", "result"))
    assert kinds == [("admission-applied", ""), ("admission-granted", ""), ("exam-result", "passed")]
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Meilenstein: Prüfungsergebnis – bestanden" in html
    assert "Antrag bei der IHK" in html
    entries = AuditEntry.objects.filter(case_pk=case.pk, object_type="milestone", action="create")
    assert entries.count() == 3


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "exam-result", "date": "2026-06-15"}, "result", "Bitte das Ergebnis der Prüfung angeben."),
        (
            {"kind": "exam-date", "date": "2026-06-15", "result": "passed"},
            "result",
            "Ein Ergebnis gibt es nur beim Meilenstein „Prüfungsergebnis“.",
        ),
        ({"kind": "bestanden!", "date": "2026-06-15"}, "kind", "ist keine gültige Auswahl"),
        ({"kind": "exam-date", "date": "15.15.2026"}, "date", "Bitte ein gültiges Datum eingeben"),
    ],
)
def test_bad_milestone_is_an_error_next_to_the_field_with_the_input_kept(client, counsellor_s, case, data, field,
                                                                          message):  # fmt: skip
    verified_login(client, counsellor_s)
    response = _milestone(client, case, note="mein Text", **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="mein Text"' in html
    assert case.milestones.count() == 1


def test_export_names_the_path_and_the_milestones(client, counsellor_s, case, path):
    verified_login(client, counsellor_s)
    _follow(client, case, path)
    data = json.loads(client.get(reverse("counselling:case_export_json", args=[case.pk])).content)
    assert data["path"] == "Maschinenführer TQ"
    assert data["milestones"] == [
        {"kind": "Prüfungsergebnis", "date": timezone.localdate().isoformat(), "result": "bestanden",
         "note": "Meilenstein geheimS"}
    ]  # fmt: skip


def test_milestones_and_path_steps_of_an_anonymised_case_keep_no_text(client, counsellor_s, case, path):
    verified_login(client, counsellor_s)
    _follow(client, case, path)
    client.post(reverse("counselling:case_anonymise", args=[case.pk]))
    assert set(Milestone.objects.filter(case=case).values_list("note", flat=True)) == {""}
    assert set(PlanStep.objects.filter(case=case).values_list("title", flat=True)) == {""}
    assert Milestone.objects.filter(case=case, result="passed").count() == 1  # the statistics still count it
