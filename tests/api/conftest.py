import pytest
from django.core.cache import cache

from tests.public_catalogue import build_catalogue


@pytest.fixture(autouse=True)
def empty_cache():
    # The rate limit and the search's cached pages live in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(db):
    return build_catalogue()
