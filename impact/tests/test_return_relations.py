"""Who found whom: pairs from relationship returns and from working together (a work visit here; matches
and workgroups in test_truth_return.py), computed with self-joins in SQL (a fixed number of queries),
strongest pairs and new pairs. Sitting in the same plenary does not count."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact import selectors as returns
from impact.tests.factories import ReturnEntryFactory
from meetings.models import Attendance, MeetingKind
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _meeting(community, people, days_ago, **kwargs):
    """A work visit hosted by the first person, with the others there (kind=plenary for a plenary)."""
    starts = timezone.now() - timedelta(days=days_ago)
    kwargs.setdefault("kind", MeetingKind.WORK_VISIT)
    if kwargs["kind"] == MeetingKind.WORK_VISIT:
        kwargs.setdefault("host", people[0])
    meeting = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)
    Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in people])
    return meeting


def _pairs(result):
    return {(r["a"].user.name, r["b"].user.name): (r["together"], r["returns"]) for r in result["strongest"]}


def test_pairs_come_from_relationship_returns_and_from_work_visits(community, participant, core_member,
                                                                   coordinator):
    _meeting(community, [participant, core_member, coordinator], 200)  # Pia hosts
    _meeting(community, [participant, core_member], 100)
    ReturnEntryFactory(community=community, kind="relationship", people=[participant, coordinator],
                       happened_on=date(2026, 2, 1))
    ReturnEntryFactory(community=community, kind="concrete", people=[core_member, coordinator])  # not a relation
    result = returns.relation_pairs(community=community)
    # Kees and Cor were both guests: that is not working together.
    assert _pairs(result) == {
        ("Kees Kern", "Pia Participant"): (2, 0),
        ("Cor Coordinator", "Pia Participant"): (1, 1),
    }
    assert result["pairs"] == 2 and result["from_returns"] == 1
    # Strongest first; on a tie, the pair named as relationship return comes first.
    assert [(r["a"].user.name, r["b"].user.name, r["strength"]) for r in result["strongest"]] == [
        ("Cor Coordinator", "Pia Participant", 2), ("Kees Kern", "Pia Participant", 2)]


def test_a_relationship_return_of_three_people_makes_three_pairs(community, participant, core_member, coordinator):
    ReturnEntryFactory(community=community, kind="relationship", people=[participant, core_member, coordinator])
    assert set(_pairs(returns.relation_pairs(community=community)).values()) == {(0, 1)}
    assert returns.relation_pairs(community=community)["pairs"] == 3


def test_cancelled_meetings_and_other_communities_do_not_count(community, other_community, participant, core_member,
                                                               outsider):
    _meeting(community, [participant, core_member], 30, cancelled_at=timezone.now())
    _meeting(community, [participant, core_member], 30, kind=MeetingKind.PLENARY)  # same plenary: no pair
    other = MembershipFactory(community=other_community)
    _meeting(other_community, [outsider, other], 30)
    ReturnEntryFactory(community=other_community, kind="relationship", people=[outsider, other])
    assert returns.relation_pairs(community=community)["pairs"] == 0


def test_new_pairs_first_met_recently(community, participant, core_member, coordinator):
    _meeting(community, [participant, core_member], 300)
    _meeting(community, [participant, core_member], 10)
    _meeting(community, [participant, coordinator], 20)
    new = returns.relation_pairs(community=community)["new"]
    assert [(r["a"].user.name, r["b"].user.name) for r in new] == [("Cor Coordinator", "Pia Participant")]


def test_relations_page_shows_the_table_and_the_matrix(participant_client, community, participant, core_member):
    _meeting(community, [participant, core_member], 30)
    ReturnEntryFactory(community=community, kind="relationship", people=[participant, core_member])
    response = participant_client.get(f"/c/{community.slug}/return/who-found-whom/")
    assert "Kees Kern – Pia Participant" in response.text
    assert 'class="matrix"' in response.text and 'role="img"' in response.text
    # The matrix cells carry the same number as the table's 'together' column.
    assert response.text.count('data-value="2"') == 2
    assert '<td data-pair="' in response.text and '">2</td>' in response.text


def test_pairs_cost_a_fixed_number_of_queries_with_few_and_many_members(community, django_assert_num_queries):
    def grow(n, days_ago):
        people = [MembershipFactory(community=community) for _ in range(n)]
        for k in range(3):
            _meeting(community, people[k:], days_ago + k)
        ReturnEntryFactory(community=community, kind="relationship", people=people[:3])

    grow(3, 50)
    with CaptureQueriesContext(connection) as few:
        returns.relation_pairs(community=community)
    assert len(few) == 5  # members, and one per source: returns, matches, work visits, workgroups
    grow(25, 10)
    with django_assert_num_queries(5):
        result = returns.relation_pairs(community=community)
    assert result["pairs"] > 25


def test_relations_page_costs_the_same_queries_for_few_and_many(participant_client, community, participant,
                                                                django_assert_num_queries):
    url = f"/c/{community.slug}/return/who-found-whom/"
    _meeting(community, [participant, MembershipFactory(community=community)], 30)
    participant_client.get(url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(url)
    people = [MembershipFactory(community=community) for _ in range(20)]
    for k in range(5):
        _meeting(community, people[k:], 40 + k)
        ReturnEntryFactory(community=community, kind="relationship", people=people[k:k + 3])
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url).status_code == 200
