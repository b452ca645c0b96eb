"""Test data, built the same way in every test folder.

Defaults make the ordinary case: a published offer by an active partner with one run starting in 30 days, so it is
listed on the public site. A test states what differs from that (`status=...`, `runs=0`, `place=...`).
Vocabularies (ladder steps, sectors, target groups, funding programmes, occupations) are seeded by a data migration;
the factories fetch them by slug and create one only where a test flushed the tables (transactional tests) or names a
new slug.
"""

import datetime
from dataclasses import dataclass

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory, Password

from counselling.consent import CONSENT_VERSION
from counselling.models import (
    Case,
    Company,
    Draft,
    Inquiry,
    Milestone,
    Need,
    NeedsAnalysis,
    PlanStep,
    Referral,
    Session,
)
from guide.models import Occupation
from offers.models import (
    FundingProgramme,
    ImportLog,
    ModuleOffer,
    Offer,
    PathModule,
    QualificationPath,
    QualificationStep,
    Run,
    Sector,
    TargetGroup,
)
from operations.models import WorkerHeartbeat
from partners.models import ContactPerson, Language, Membership, Partner, Service
from partners.scoping import COORDINATOR_GROUP, COUNSELLOR_GROUP, EDITOR_GROUP
from places.models import Postcode

LADDER = ["ohne-abschluss", "fachkraft", "aufstieg", "akademisch"]


def days(n: int) -> datetime.date:
    """Today in n days (n < 0: n days ago)."""
    return timezone.localdate() + datetime.timedelta(days=n)


def slugs(queryset) -> set[str]:
    return {row.slug for row in queryset}


@dataclass(frozen=True)
class Place:
    """A postcode with its coordinates, as a partner's address or a run's venue."""

    postcode: str
    city: str
    latitude: float
    longitude: float


STUTTGART = Place("70173", "Stuttgart", 48.7784, 9.18)
SCHWERIN = Place("19053", "Schwerin", 53.6278, 11.4147)
ESSLINGEN = Place("73728", "Esslingen am Neckar", 48.7427, 9.3057)


def _from_place(field: str, default=""):
    return factory.LazyAttribute(lambda row: getattr(row.place, field) if row.place else default)


# --- vocabularies: fetched by slug --------------------------------------------------------------------------------
class QualificationStepFactory(DjangoModelFactory):
    class Meta:
        model = QualificationStep
        django_get_or_create = ("slug",)

    slug = "ohne-abschluss"
    name = factory.LazyAttribute(lambda step: step.slug.replace("-", " ").title())
    order = factory.LazyAttribute(lambda step: LADDER.index(step.slug) + 1)


class SectorFactory(DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = "metall-elektro"
    name = factory.LazyAttribute(lambda sector: sector.slug.replace("-", " ").title())


class TargetGroupFactory(DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    slug = "an-und-ungelernte"
    name = factory.LazyAttribute(lambda group: group.slug.replace("-", " ").title())


class FundingProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = FundingProgramme
        django_get_or_create = ("slug",)

    slug = "bildungsgutschein"
    name = factory.LazyAttribute(lambda programme: programme.slug.title())
    short_name = factory.LazyAttribute(lambda programme: programme.slug)


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("slug",)

    slug = "qualifizierungsberatung"
    name = factory.LazyAttribute(lambda service: service.slug.title())


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "de"
    name = factory.LazyAttribute(lambda language: language.code)


class OccupationFactory(DjangoModelFactory):
    """A recognised occupation; the seeded ones are fetched by slug (`OccupationFactory(slug="mechatroniker")`)."""

    class Meta:
        model = Occupation
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"beruf-{n}")
    name = factory.LazyAttribute(lambda occupation: occupation.slug.replace("-", " ").title())
    training_months = 36
    chamber = Occupation.Chamber.IHK


def step(slug: str) -> QualificationStep:
    return QualificationStepFactory(slug=slug)


def sector(slug: str) -> Sector:
    return SectorFactory(slug=slug)


def target_group(slug: str) -> TargetGroup:
    return TargetGroupFactory(slug=slug)


def programme(slug: str) -> FundingProgramme:
    return FundingProgrammeFactory(slug=slug)


class PostcodeFactory(DjangoModelFactory):
    """PostcodeFactory(place=SCHWERIN), or code, city and coordinates of its own."""

    class Meta:
        model = Postcode
        django_get_or_create = ("code", "city")

    class Params:
        place = STUTTGART

    code = _from_place("postcode")
    city = _from_place("city")
    latitude = _from_place("latitude")
    longitude = _from_place("longitude")


# --- partners and accounts ---------------------------------------------------------------------------------------
class PartnerFactory(DjangoModelFactory):
    """An active training provider without address; `place=STUTTGART` gives it that postcode and coordinates."""

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    class Params:
        place = None

    name = factory.Sequence(lambda n: f"Träger {n}")
    slug = factory.Sequence(lambda n: f"traeger-{n}")
    kind = Partner.Kind.TRAEGER
    postcode = _from_place("postcode")
    city = _from_place("city")
    latitude = _from_place("latitude", None)
    longitude = _from_place("longitude", None)


class OfficeFactory(PartnerFactory):
    """A counselling office: an advice centre that is a contact point of the network."""

    name = factory.Sequence(lambda n: f"Beratungsstelle {n}")
    slug = factory.Sequence(lambda n: f"beratungsstelle-{n}")
    kind = Partner.Kind.BERATUNG
    is_contact_point = True


class ContactPersonFactory(DjangoModelFactory):
    class Meta:
        model = ContactPerson

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")


class UserFactory(DjangoModelFactory):
    """An account with the password "demo" (hashed with the fast hasher the tests configure)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"konto-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = Password("demo")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            user.groups.add(*Group.objects.filter(name__in=names))


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = Membership.Role.EDITOR


def editor(*partners: Partner, **fields):
    """A partner editor: staff, in the editors' group, editing each of `partners`."""
    user = UserFactory(is_staff=True, groups=[EDITOR_GROUP], **fields)
    for partner in partners:
        MembershipFactory(user=user, partner=partner, role=Membership.Role.EDITOR)
    return user


def counsellor(*offices: Partner, **fields):
    """A counsellor of each of `offices`, in the counsellors' group (no admin access)."""
    user = UserFactory(groups=[COUNSELLOR_GROUP], **fields)
    for office in offices:
        MembershipFactory(user=user, partner=office, role=Membership.Role.COUNSELLOR)
    return user


def coordinator(**fields):
    """A network coordinator: staff in the coordinators' group, not a superuser."""
    return UserFactory(is_staff=True, groups=[COORDINATOR_GROUP], **fields)


# --- catalogue ---------------------------------------------------------------------------------------------------
class RunFactory(DjangoModelFactory):
    """An online, part-time run from today in 30 days to today in 60 days; `place=STUTTGART` makes it a Präsenz
    run at that venue."""

    class Meta:
        model = Run

    class Params:
        place = None

    offer = factory.SubFactory("tests.factories.OfferFactory", runs=0)
    start_date = factory.LazyFunction(lambda: days(30))
    end_date = factory.LazyFunction(lambda: days(60))
    schedule = Run.Schedule.TEILZEIT
    learning_form = factory.LazyAttribute(
        lambda run: Run.LearningForm.PRAESENZ if run.place else Run.LearningForm.ONLINE_LIVE
    )
    postcode = _from_place("postcode")
    city = _from_place("city")
    latitude = _from_place("latitude", None)
    longitude = _from_place("longitude", None)


def _link(relation, lookup, slugs_or_none) -> None:
    if slugs_or_none:
        relation.set([lookup(slug) for slug in slugs_or_none])


class OfferFactory(DjangoModelFactory):
    """A published offer with one current run (`runs=0` for none, `runs=3` for three, `runs__place=...` and other
    `runs__<field>` values for each run); levels, sectors, funding and target_groups take lists of slugs."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    provider = factory.SubFactory(PartnerFactory)
    title = factory.Sequence(lambda n: f"Kurs {n}")
    slug = factory.Sequence(lambda n: f"kurs-{n}")
    summary = "Ein Kurs."
    kind = Offer.Kind.ANPASSUNG
    status = Offer.Status.PUBLISHED

    @factory.post_generation
    def levels(offer, create, slugs_or_none, **kwargs):
        _link(offer.entry_levels, step, slugs_or_none)

    @factory.post_generation
    def sectors(offer, create, slugs_or_none, **kwargs):
        _link(offer.sectors, sector, slugs_or_none)

    @factory.post_generation
    def funding(offer, create, slugs_or_none, **kwargs):
        _link(offer.funding_programmes, programme, slugs_or_none)

    @factory.post_generation
    def target_groups(offer, create, slugs_or_none, **kwargs):
        _link(offer.target_groups, target_group, slugs_or_none)

    @factory.post_generation
    def runs(offer, create, count, **fields):
        if not create:
            return
        RunFactory.create_batch(1 if count is None else count, offer=offer, **fields)
        # The runs set the offer's listing dates in the database (offers.signals); keep the instance in step.
        offer.refresh_from_db(fields=["listed_until", "next_start"])


class QualificationPathFactory(DjangoModelFactory):
    """A published path without modules; `path_modules(path, [offer, …], …)` adds them."""

    class Meta:
        model = QualificationPath

    title = factory.Sequence(lambda n: f"Weg {n}")
    slug = factory.Sequence(lambda n: f"weg-{n}")
    qualification = "Maschinen- und Anlagenführer/in"
    dqr_level = 3
    chamber = "IHK"
    summary = "Schritt für Schritt zum Abschluss."
    published = True


def path_modules(path: QualificationPath, *offers_per_module, start: int = 1) -> list[PathModule]:
    """One module per argument, in order (position start, start + 1, …), each teaching the given offer or offers
    (None: none)."""
    modules = []
    for position, offers in enumerate(offers_per_module, start=start):
        module = PathModule.objects.create(path=path, position=position, title=f"Modul {position}")
        for offer in offers if isinstance(offers, list | tuple) else [offers] if offers else []:
            ModuleOffer.objects.create(module=module, offer=offer)
        modules.append(module)
    return modules


class ImportLogFactory(DjangoModelFactory):
    """An applied import of one new offer."""

    class Meta:
        model = ImportLog

    partner = factory.SubFactory(PartnerFactory)
    file_name = factory.Sequence(lambda n: f"katalog-{n}.csv")
    created = 1


# --- counselling -------------------------------------------------------------------------------------------------
class _Consented(DjangoModelFactory):
    class Meta:
        abstract = True

    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = CONSENT_VERSION


class InquiryFactory(_Consented):
    class Meta:
        model = Inquiry

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Anfragende {n}")
    email = "anfrage@example.org"
    message = "Ich möchte einen Berufsabschluss."


class CompanyFactory(DjangoModelFactory):
    class Meta:
        model = Company

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Firma {n}")


class NeedsAnalysisFactory(DjangoModelFactory):
    class Meta:
        model = NeedsAnalysis

    company = factory.SubFactory(CompanyFactory)


class NeedFactory(DjangoModelFactory):
    class Meta:
        model = Need

    analysis = factory.SubFactory(NeedsAnalysisFactory)
    step = factory.SubFactory(QualificationStepFactory)  # "ohne-abschluss", fetched
    employees = 1


class CaseFactory(_Consented):
    class Meta:
        model = Case

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    # Opened early in the year, so the tests' talks of March (a talk cannot predate its case) are plausible.
    opened_on = datetime.date(2026, 1, 5)


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    case = factory.SubFactory(CaseFactory)
    minutes = 60


class PlanStepFactory(DjangoModelFactory):
    class Meta:
        model = PlanStep

    case = factory.SubFactory(CaseFactory)


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    case = factory.SubFactory(CaseFactory)
    kind = Milestone.Kind.ADMISSION_APPLIED


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = Referral

    case = factory.SubFactory(CaseFactory)


# --- operations --------------------------------------------------------------------------------------------------
class WorkerHeartbeatFactory(DjangoModelFactory):
    """A worker that was last seen just now (`last_seen=...` for an older one)."""

    class Meta:
        model = WorkerHeartbeat

    worker_id = factory.Sequence(lambda n: f"worker-{n}")
    host = "app-1"
    started_at = factory.LazyFunction(timezone.now)
    last_seen = factory.LazyFunction(timezone.now)


class DraftFactory(DjangoModelFactory):
    class Meta:
        model = Draft

    case = factory.SubFactory(CaseFactory)
    user = factory.SubFactory(UserFactory)
    form = "session"
    field = "notes"
    text = "Entwurf"
