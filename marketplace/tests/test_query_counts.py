"""The organisers' pages cost the same number of queries for 5 and for 200 entries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.models import Category, FollowUp, Side

from .factories import EntryFactory, MarketplaceFactory, MatchFactory

pytestmark = pytest.mark.django_db

CATEGORIES = list(Category.values)


def fill(marketplace, n):
    """n confirmed entries (half needs, half offers), n/5 matches with follow-ups, a few unconfirmed."""
    entries = [
        EntryFactory(marketplace=marketplace, side=Side.NEED if i % 2 else Side.OFFER,
                     category=CATEGORIES[i % len(CATEGORIES)],
                     description=f"Wij zoeken of bieden laptops, verf, handen of ruimte, nummer {i}")
        for i in range(n)
    ]
    EntryFactory(marketplace=marketplace, confirmed_at=None)
    needs = [e for e in entries if e.side == Side.NEED]
    offers = [e for e in entries if e.side == Side.OFFER]
    for i in range(max(1, n // 5)):
        match = MatchFactory(marketplace=marketplace, need=needs[i], offer=offers[i])
        FollowUp.objects.create(match=match, party="need", answer="delivered")
        FollowUp.objects.create(match=match, party="offer")


PAGES = ["", "matching/", "matches/print/", "matches.csv", "matches.csv?format=xlsx"]


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize("page", PAGES)
def test_organisers_pages_cost_the_same_for_5_and_200_entries(core_client, organiser, community, page,
                                                              django_assert_num_queries):

    small = MarketplaceFactory(community=community, workgroup=organiser.workgroup_memberships.get().workgroup)
    large = MarketplaceFactory(community=community, workgroup=small.workgroup)
    fill(small, 5)
    fill(large, 200)
    base = f"/c/{community.slug}/marketplace/"
    baseline = count(core_client, f"{base}{small.pk}/{page}")
    with django_assert_num_queries(baseline):
        response = core_client.get(f"{base}{large.pk}/{page}")
    assert response.status_code == 200
    assert baseline <= 12


def test_overview_and_home_panel_cost_the_same_for_few_and_many(participant_client, core_client, organiser,
                                                                community, marketplace, django_assert_num_queries):

    fill(marketplace, 5)
    overview = count(participant_client, f"/c/{community.slug}/marketplace/")
    cache.clear()
    home = count(participant_client, f"/c/{community.slug}/")
    for year in range(3):
        fill(MarketplaceFactory(community=community, workgroup=marketplace.workgroup,
                                held_on=marketplace.held_on.replace(year=2020 + year)), 40)
    with django_assert_num_queries(overview):
        participant_client.get(f"/c/{community.slug}/marketplace/")
    cache.clear()  # the home page caches the compass summary for a minute: measure it uncached both times
    with django_assert_num_queries(home):
        participant_client.get(f"/c/{community.slug}/")
