import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from network.models import Region, RegionDistrict
from partners.scoping import COORDINATOR_GROUP
from tests import factories
from tests.factories import ESSLINGEN, SCHWERIN, STUTTGART, PostcodeFactory

DISTRICTS = {STUTTGART: ("DE111", "Stuttgart"), ESSLINGEN: ("DE113", "Esslingen"), SCHWERIN: ("DE804", "Schwerin")}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def regions(db):
    """Region Stuttgart (DE111, DE113) and Region Schwerin (DE804), with the postcodes of the three test places."""
    for place, (code, district) in DISTRICTS.items():
        PostcodeFactory(place=place, district_code=code, district=district)
    stuttgart = Region.objects.create(name="Region Stuttgart", slug="region-stuttgart")
    schwerin = Region.objects.create(name="Region Schwerin", slug="region-schwerin")
    RegionDistrict.objects.bulk_create(
        [RegionDistrict(region=stuttgart, code="DE111"), RegionDistrict(region=stuttgart, code="DE113"),
         RegionDistrict(region=schwerin, code="DE804")]
    )  # fmt: skip
    return {"stuttgart": stuttgart, "schwerin": schwerin}


@pytest.fixture
def coordinator(db):
    Group.objects.get_or_create(name=COORDINATOR_GROUP)  # a transactional test elsewhere may have flushed it
    return factories.coordinator(username="koordination")
