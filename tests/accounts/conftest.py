"""Accounts of every kind, built with the ORM directly (no demo data, no shared factories)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_OTP_KEY
from partners.models import Membership, Partner
from partners.scoping import COORDINATOR_GROUP, EDITOR_GROUP

PASSWORD = "richtig-langes-Passwort-7"


@pytest.fixture(autouse=True)
def _fast_passwords_and_clean_cache(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def make_account(username: str, **fields):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, **fields
    )


def give_factor(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="App", key=DEMO_OTP_KEY, confirmed=True)


@pytest.fixture
def office(db) -> Partner:
    return Partner.objects.create(slug="lotsendienst-stuttgart", name="Lotsendienst Stuttgart", kind="beratung")


@pytest.fixture
def counsellor(office):
    user = make_account("beratung-stuttgart")
    Membership.objects.create(user=user, partner=office, role=Membership.Role.COUNSELLOR)
    return user


@pytest.fixture
def editor(office):
    user = make_account("redaktion-ihk", is_staff=True)
    Membership.objects.create(user=user, partner=office, role=Membership.Role.EDITOR)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


@pytest.fixture
def coordinator(db):
    user = make_account("koordination", is_staff=True)
    user.groups.add(Group.objects.get(name=COORDINATOR_GROUP))
    return user


@pytest.fixture
def superuser(db):
    return make_account("admin", is_staff=True, is_superuser=True)


@pytest.fixture
def visitor_account(db):
    """An account with no role at all: no second factor is asked of it."""
    return make_account("besuch")
