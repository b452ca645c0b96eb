import datetime
import itertools
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from offers.models import Offer, Run
from partners.models import ContactPerson, Membership, Partner
from partners.scoping import COORDINATOR_GROUP, COUNSELLOR_GROUP, EDITOR_GROUP
from tests.conftest import verified_login

_numbers = itertools.count(1)


def make_partner(**fields) -> Partner:
    n = next(_numbers)
    fields = {"name": f"Partner {n}", "slug": f"partner-{n}", "kind": Partner.Kind.TRAEGER, **fields}
    return Partner.objects.create(**fields)


def make_contact(partner: Partner, **fields) -> ContactPerson:
    return ContactPerson.objects.create(partner=partner, **{"name": f"Kontakt {next(_numbers)}", **fields})


def make_offer(provider: Partner, **fields) -> Offer:
    n = next(_numbers)
    fields = {
        "title": f"Angebot {n}",
        "slug": f"angebot-{n}",
        "summary": "Kurz beschrieben.",
        "kind": Offer.Kind.ANPASSUNG,
        "status": Offer.Status.PUBLISHED,
        **fields,
    }
    return Offer.objects.create(provider=provider, **fields)


def make_run(offer: Offer, **fields) -> Run:
    fields = {
        "start_date": timezone.localdate() + datetime.timedelta(days=30),
        "schedule": Run.Schedule.TEILZEIT,
        "learning_form": Run.LearningForm.ONLINE_LIVE,
        **fields,
    }
    return Run.objects.create(offer=offer, **fields)


def make_user(username: str, *, group: str | None = None, is_staff: bool = False, **fields):
    # No password: tests log in with force_login, and hashing one costs a quarter of a second.
    user = get_user_model().objects.create_user(
        username, email=fields.pop("email", f"{username}@example.org"), is_staff=is_staff, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_editor(username: str, *partners: Partner, **fields):
    user = make_user(username, group=EDITOR_GROUP, is_staff=True, **fields)
    for partner in partners:
        Membership.objects.create(user=user, partner=partner, role=Membership.Role.EDITOR)
    return user


@dataclass
class Network:
    """Two partners with the same kinds of rows, so anything that leaks from one to the other shows."""

    ihk: Partner
    saz: Partner
    ihk_contact: ContactPerson
    saz_contact: ContactPerson
    ihk_offer: Offer
    saz_offer: Offer
    ihk_run: Run
    saz_run: Run
    users: dict


@pytest.fixture
def network(db) -> Network:
    ihk = make_partner(name="IHK Region Stuttgart", slug="ihk-region-stuttgart", kind=Partner.Kind.IHK)
    saz = make_partner(name="Schweriner Ausbildungszentrum e.V.", slug="schweriner-ausbildungszentrum")
    ihk_offer, saz_offer = make_offer(ihk, title="IHK-Lehrgang"), make_offer(saz, title="SAZ-Umschulung")
    counsellor = make_user("beratung", group=COUNSELLOR_GROUP)
    Membership.objects.create(user=counsellor, partner=saz, role=Membership.Role.COUNSELLOR)
    users = {
        "redaktion-ihk": make_editor("redaktion-ihk", ihk),
        "redaktion-saz": make_editor("redaktion-saz", saz),
        "koordination": make_user("koordination", group=COORDINATOR_GROUP, is_staff=True),
        "beratung": counsellor,
        None: None,
    }
    return Network(
        ihk=ihk,
        saz=saz,
        ihk_contact=make_contact(ihk, name="Ines IHK"),
        saz_contact=make_contact(saz, name="Sven SAZ"),
        ihk_offer=ihk_offer,
        saz_offer=saz_offer,
        ihk_run=make_run(ihk_offer),
        saz_run=make_run(saz_offer),
        users=users,
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The demo loaders set real passwords; the production hasher would cost seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def login(client):
    def _login(user):
        if user is not None:
            verified_login(client, user)
        return client

    return _login
