from io import StringIO

import pytest

from counselling import demo
from counselling.models import Case, Company, Inquiry

pytestmark = pytest.mark.django_db


def test_demo_loads_cases_for_both_offices_and_is_idempotent():
    counts = (Case.objects.count(), Inquiry.objects.count(), Company.objects.count())
    demo.load(stdout=StringIO())  # a second run, on top of load_demo's
    assert (Case.objects.count(), Inquiry.objects.count(), Company.objects.count()) == counts
    assert counts[0] == 2 * len(demo.CASES)
    assert set(Case.objects.values_list("office__slug", flat=True)) == {
        "lotsendienst-stuttgart", "schweriner-ausbildungszentrum"
    }  # fmt: skip
    assert Case.objects.filter(gender="diverse").exists()
    assert Case.objects.filter(counsellor__username="beratung-stuttgart").count() == len(demo.CASES)
