"""Demo data of this app for `manage.py load_demo`; idempotent (keyed on fixed reference codes).

Cases are pseudonymous: first name and initial only, example contact data.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from counselling.consent import CONSENT_VERSION
from counselling.models import Case, Company, Inquiry, Milestone, Need, NeedsAnalysis, PlanStep, Referral, Session
from offers.models import FundingProgramme, Offer, QualificationStep, Sector, TargetGroup
from partners.models import Partner

OFFICES = {
    "lotsendienst-stuttgart": ("S", "beratung-stuttgart"),
    "schweriner-ausbildungszentrum": ("N", "beratung-schwerin"),
}

# reference suffix, name, gender, target group slug, step slug, status, outcome, days ago opened, goal, offer words
CASES = [
    ("01", "Aylin K.", "female", "an-und-ungelernte", "ohne-abschluss", "qualifying", "", 200,
     "Berufsabschluss als Maschinen- und Anlagenführerin", "Maschinen- und Anlagenführer"),
    ("02", "Marek P.", "male", "an-und-ungelernte", "ohne-abschluss", "exam", "", 300,
     "Externenprüfung Mechatroniker nach acht Jahren in der Instandhaltung", "Mechatroniker"),
    ("03", "Sam T.", "diverse", "beschaeftigte-kmu", "fachkraft", "plan", "", 90,
     "Aufstieg zum Industriemeister Metall", "Meister"),
    ("04", "Olga W.", "female", "migration", "ohne-abschluss", "counselling", "", 40,
     "Anerkennung des ukrainischen Abschlusses als Buchhalterin", "Sprachkurs"),
    ("05", "Jens B.", "male", "arbeitsuchende", "ohne-abschluss", "closed", "external-exam", 330,
     "Kaufmann für Dialogmarketing", "Dialogmarketing"),
    ("06", "Fatma Y.", "female", "berufsrueckkehrende", "fachkraft", "new", "", 5,
     "Wiedereinstieg nach Elternzeit, Teilzeit-Weiterbildung", ""),
    ("07", "Luca M.", "male", "junge-erwachsene", "ohne-abschluss", "closed", "partial-qualification", 250,
     "Teilqualifizierung Lagerlogistik", "Teilqualifizierung"),
    ("08", "Petra H.", "female", "aeltere-beschaeftigte", "fachkraft", "closed", "dropped", 150,
     "Weiterbildung CNC-Technik", "CNC"),
]  # fmt: skip
COMPANIES = [
    ("Metallbau {city} GmbH", "metall-elektro", "10-49", [("ohne-abschluss", "metall-elektro", 4)]),
    ("Pflegedienst Sonnenhof", "pflege-gesundheit", "50-249", [("fachkraft", "pflege-gesundheit", 6)]),
    ("Kunststofftechnik {city} KG", "kunststoff", "50-249",
     [("ohne-abschluss", "kunststoff", 9), ("fachkraft", "", 2)]),
]  # fmt: skip
# The structured goal (the guide's goals) and sector of each demo case, for needs matching and the network figures.
GOALS = {
    "01": ("abschluss", "kunststoff"), "02": ("abschluss", "metall-elektro"), "03": ("aufstieg", "metall-elektro"),
    "04": ("anpassen", "handel-dienstleistung"), "05": ("abschluss", "handel-dienstleistung"),
    "06": ("anpassen", "handel-dienstleistung"), "07": ("abschluss", "logistik"), "08": ("anpassen", "metall-elektro"),
}  # fmt: skip
# Each office's companies sit in the office's town (a postcode the demo loads), so offers are ranked by distance.
COMPANY_POSTCODES = {"schweriner-ausbildungszentrum": "19053", "lotsendienst-stuttgart": "70173"}
INQUIRIES = [
    ("person", "Nadine R.", "nadine.r@example.org",
     "Ich arbeite seit zehn Jahren als Helferin im Lager und möchte einen Abschluss."),
    ("company", "Bäckerei Kranz", "info@baeckerei-kranz.example", "Wir suchen Weiterbildung für zwei Verkäuferinnen."),
]  # fmt: skip


def _first(model, slug):
    return model.objects.filter(slug=slug).first() if slug else None


def _offer(words: str):
    return Offer.objects.published().filter(title__icontains=words).order_by("pk").first() if words else None


def _case(office, prefix, counsellor, row, today):
    ref, name, gender, group, step, status, outcome, days, goal, offer_words = row
    opened = today - timedelta(days=days)
    case, created = Case.objects.get_or_create(
        reference=f"DEMO-{prefix}{ref}",
        defaults={
            "office": office, "name": name, "gender": gender, "target_group": _first(TargetGroup, group),
            "step": _first(QualificationStep, step), "status": status, "outcome": outcome, "goal": goal,
            "counsellor": counsellor, "opened_on": opened, "email": f"{name.split()[0].lower()}@example.org",
            "consent_given_at": timezone.now() - timedelta(days=days), "consent_version": CONSENT_VERSION,
        },
    )  # fmt: skip
    if not created:
        return case
    if status == Case.Status.CLOSED:
        Case.objects.filter(pk=case.pk).update(closed_at=timezone.now() - timedelta(days=max(days - 120, 1)))
    for index in range(1 + int(ref) % 3):
        Session.objects.create(
            case=case, date=opened + timedelta(days=14 * index), minutes=45 + 15 * index,
            channel=[Session.Channel.IN_PERSON, Session.Channel.PHONE, Session.Channel.VIDEO][index],
            topics="Standortbestimmung, Förderung" if index == 0 else "Qualifizierungsplan",
            notes="Unterlagen gesichtet, Berufserfahrung dokumentiert.", counsellor=counsellor,
            follow_up=today + timedelta(days=int(ref) % 5) if status not in ("closed", "new") and index == 0 else None,
        )  # fmt: skip
    offer = _offer(offer_words)
    if status in ("plan", "qualifying", "exam", "closed"):
        PlanStep.objects.create(
            case=case, offer=offer, title="" if offer else goal[:200], planned_start=opened + timedelta(days=30),
            funding=FundingProgramme.objects.order_by("pk").first(),
            status=PlanStep.Status.RUNNING if status == "qualifying" else PlanStep.Status.PLANNED,
        )  # fmt: skip
    if offer:
        Referral.objects.create(case=case, offer=offer, partner=offer.provider, date=opened + timedelta(days=20))
    return case


def _goals_and_milestones(case: Case, ref: str) -> None:
    """Fills what the network view counts; only where empty or missing, so a second run changes nothing."""
    goal, sector = GOALS[ref]
    Case.objects.filter(pk=case.pk, goal_kind="").update(goal_kind=goal, sector=_first(Sector, sector))
    if case.status == Case.Status.EXAM:
        Milestone.objects.get_or_create(case=case, kind=Milestone.Kind.EXAM_DATE,
                                        defaults={"date": timezone.localdate() + timedelta(days=20)})  # fmt: skip
    if case.outcome == Case.Outcome.EXTERNAL_EXAM:
        exam_day = case.opened_on + timedelta(days=180)
        Milestone.objects.get_or_create(case=case, kind=Milestone.Kind.EXAM_RESULT,
                                        defaults={"date": exam_day, "result": Milestone.Result.PASSED})  # fmt: skip
        Milestone.objects.get_or_create(case=case, kind=Milestone.Kind.QUALIFICATION_GAINED,
                                        defaults={"date": exam_day + timedelta(days=14)})  # fmt: skip


def _companies(office, city, today):
    for name, sector, size, needs in COMPANIES:
        company, created = Company.objects.get_or_create(
            office=office, name=name.format(city=city),
            defaults={"sector": _first(Sector, sector), "size": size, "contact": "Personalabteilung"},
        )  # fmt: skip
        step_needs = [(QualificationStep.objects.filter(slug=s).first(), _first(Sector, sec), n) for s, sec, n in needs]
        if created and all(step for step, _sector, _n in step_needs):
            analysis = NeedsAnalysis.objects.create(company=company, date=today - timedelta(days=60))
            for step, sector, employees in step_needs:
                Need.objects.create(analysis=analysis, step=step, sector=sector, employees=employees)
    Company.objects.filter(office=office, postcode="").update(postcode=COMPANY_POSTCODES.get(office.slug, ""))


def _inquiries(office):
    for kind, name, email, message in INQUIRIES:
        Inquiry.objects.get_or_create(
            office=office, name=name,
            defaults={"kind": kind, "email": email, "message": message, "consent_given_at": timezone.now(),
                      "consent_version": CONSENT_VERSION},
        )  # fmt: skip


def load(*, stdout) -> None:
    today = timezone.localdate()
    for slug, (prefix, username) in OFFICES.items():
        office = Partner.objects.filter(slug=slug).first()
        if office is None:
            stdout.write(f"Counselling demo: partner {slug} not found, skipped.")
            continue
        counsellor = get_user_model().objects.filter(username=username).first()
        for row in CASES:
            _goals_and_milestones(_case(office, prefix, counsellor, row, today), row[0])
        _companies(office, office.city or office.name.split()[-1], today)
        _inquiries(office)
        stdout.write(f"Counselling demo: {len(CASES)} cases, companies and inquiries ({office.slug})")
