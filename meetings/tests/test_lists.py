"""Meeting lists and the home panel: the same number of queries for few and many meetings."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.tests.factories import HostedMeetingFactory, MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory


def make(community, participant, n):
    wg = WorkgroupFactory(community=community)
    WorkgroupMemberFactory(workgroup=wg, membership=participant)
    for i in range(n):
        start = timezone.now() + timedelta(days=(i % 2 and -1 or 1) * (i + 1))
        m = HostedMeetingFactory(community=community, starts_at=start, ends_at=start + timedelta(hours=2))
        RsvpFactory(meeting=m, membership=participant, answer="yes")
        RsvpFactory(meeting=m, answer="maybe", membership=MembershipFactory(community=community))
        MeetingFactory(community=community, kind="workgroup", workgroup=wg, starts_at=start,
                       ends_at=start + timedelta(hours=1))
    return wg


@pytest.mark.parametrize("path", ["", "past/", "mine/"])
def test_list_query_count_is_fixed(participant_client, participant, community, django_assert_num_queries, path):
    wg = make(community, participant, 2)
    url = f"/c/lg-test/meetings/{path}"
    participant_client.get(url)
    with django_assert_num_queries(6) as few:
        response = participant_client.get(url)
    assert response.status_code == 200
    make(community, participant, 30)
    with django_assert_num_queries(len(few)):
        participant_client.get(url)
    assert wg


def test_workgroup_list_query_count_is_fixed(participant_client, participant, community, django_assert_num_queries):
    wg = make(community, participant, 2)
    url = f"/c/lg-test/meetings/workgroup/{wg.pk}/"
    with django_assert_num_queries(7):
        assert participant_client.get(url).status_code == 200
    for _ in range(20):
        MeetingFactory(community=community, kind="workgroup", workgroup=wg)
    with django_assert_num_queries(7):
        participant_client.get(url)


def test_lists_show_counts_and_my_answer(participant_client, participant, community):
    m = MeetingFactory(community=community, title="Plenair juni")
    RsvpFactory(meeting=m, membership=participant, answer="maybe")
    RsvpFactory(meeting=m, answer="yes", membership=MembershipFactory(community=community))
    html = participant_client.get("/c/lg-test/meetings/").content.decode()
    assert "Plenair juni" in html and "1 ja, 1 misschien" in html and ">misschien<" in html


def test_past_list_orders_latest_first(participant_client, community):
    now = timezone.now()
    MeetingFactory(community=community, title="Oud", starts_at=now - timedelta(days=60),
                   ends_at=now - timedelta(days=60) + timedelta(hours=2))
    MeetingFactory(community=community, title="Recent", starts_at=now - timedelta(days=6),
                   ends_at=now - timedelta(days=6) + timedelta(hours=2))
    meetings = list(participant_client.get("/c/lg-test/meetings/past/").context["meetings"])
    assert [m.title for m in meetings] == ["Recent", "Oud"]


def test_closed_workgroup_meetings_are_hidden_from_non_members(participant_client, community):
    closed = WorkgroupFactory(community=community, closed=True)
    m = MeetingFactory(community=community, kind="workgroup", workgroup=closed, title="Geheim overleg")
    assert "Geheim overleg" not in participant_client.get("/c/lg-test/meetings/").content.decode()
    assert participant_client.get(f"/c/lg-test/meetings/{m.pk}/").status_code == 404
    assert participant_client.get(f"/c/lg-test/meetings/workgroup/{closed.pk}/").status_code == 404


def test_other_communitys_meeting_is_404(participant_client, other_community):
    m = MeetingFactory(community=other_community)
    assert participant_client.get(f"/c/lg-test/meetings/{m.pk}/").status_code == 404
    assert participant_client.get(f"/c/{other_community.slug}/meetings/").status_code == 404


def test_detail_query_count_is_fixed(facilitator_client, community, django_assert_num_queries):
    m = HostedMeetingFactory(community=community)
    RsvpFactory(meeting=m)
    facilitator_client.get(f"/c/lg-test/meetings/{m.pk}/")
    with django_assert_num_queries(6) as few:
        facilitator_client.get(f"/c/lg-test/meetings/{m.pk}/")
    for _ in range(15):
        RsvpFactory(meeting=m)
    from meetings.models import AgendaItem

    AgendaItem.objects.bulk_create([AgendaItem(meeting=m, title=f"Punt {i}", position=i) for i in range(10)])
    with django_assert_num_queries(len(few)):
        facilitator_client.get(f"/c/lg-test/meetings/{m.pk}/")


def test_home_panel_has_fixed_queries_and_shows_meetings(participant_client, participant, community):
    make(community, participant, 2)
    html = participant_client.get("/c/lg-test/").content.decode()
    assert "Bijeenkomsten" in html and "Je komt." in html and "Onlangs" in html
    few = len(_count(participant_client))
    make(community, participant, 20)
    assert len(_count(participant_client)) == few


def _count(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get("/c/lg-test/")
    return ctx.captured_queries


def test_nav_has_meetings(participant_client):
    html = participant_client.get("/c/lg-test/").content.decode()
    assert 'href="/c/lg-test/meetings/"' in html
