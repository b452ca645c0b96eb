import pytest

from places.models import Postcode


@pytest.fixture
def postcodes(db):
    rows = [
        ("70173", "Stuttgart", 48.7784, 9.1800),
        ("19053", "Schwerin", 53.6278, 11.4147),
        ("73728", "Esslingen am Neckar", 48.7427, 9.3057),
    ]
    return {
        code: Postcode.objects.create(code=code, city=city, latitude=lat, longitude=lon)
        for code, city, lat, lon in rows
    }
