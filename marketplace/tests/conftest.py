import pytest
from django.core.cache import cache

from .factories import MarketplaceFactory, add_to_workgroup


@pytest.fixture(autouse=True)
def _clear_cache():
    """The rate limit counts in a database table (rolled back after each test); the rest of the cache
    starts empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def marketplace(community):
    """Next autumn's marketplace of the test community, open for entries until a week before."""
    return MarketplaceFactory(community=community, workgroup__community=community, workgroup__name="Beursvloer")


@pytest.fixture
def organiser(marketplace, core_member):
    """A core-group member who is in the organising workgroup (not a facilitator)."""
    add_to_workgroup(marketplace.workgroup, core_member)
    return core_member
