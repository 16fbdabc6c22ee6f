"""Every list and page costs the same number of queries for few and for many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participants.tests.factories import MembershipFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import ActivityFactory, PostFactory, ReplyFactory, WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db


def fill(community, participant, *, workgroups, members, rows):
    """Workgroups with members (the participant in each), activities with participants, posts with replies."""
    sectors = ["resident", "entrepreneur", "education", "church", "municipality"]
    roles = ["doer", "thinker", "networker"]
    created = []
    for w in range(workgroups):
        wg = WorkgroupFactory(community=community, closed=(w % 2 == 1))
        WorkgroupMember.objects.create(workgroup=wg, membership=participant)
        people = [member_of(wg, sector=sectors[i % 5], group_roles=[roles[i % 3]]) for i in range(members)]
        for i in range(rows):
            activity = ActivityFactory(workgroup=wg, kind=["meeting", "match", "knowledge"][i % 3])
            activity.participants.set(people[:3])
            post = PostFactory(community=community, workgroup=wg, author=people[i % len(people)],
                               kind=["question", "update"][i % 2], topic=["", "content"][i % 2])
            ReplyFactory(post=post, author=participant)
        created.append(wg)
    for _ in range(members):
        MembershipFactory(community=community, sector="church", group_roles=["gadfly"])
    return created


def count(client, path):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(ctx.captured_queries)


def few_and_many(community, participant, client, path_for):
    few = fill(community, participant, workgroups=1, members=2, rows=1)
    n_few = count(client, path_for(few[0]))
    many = fill(community, participant, workgroups=8, members=12, rows=15)
    n_many = count(client, path_for(many[0]))
    return n_few, n_many


def test_workgroup_list_query_count_is_fixed(participant_client, participant, community):
    n_few, n_many = few_and_many(community, participant, participant_client,
                                 lambda wg: f"/c/{community.slug}/workgroups/")
    assert n_few == n_many
    assert n_few <= 8


def test_workgroup_page_query_count_is_fixed(participant_client, participant, community):
    n_few, n_many = few_and_many(community, participant, participant_client,
                                 lambda wg: f"/c/{community.slug}/workgroups/{wg.pk}/")
    assert n_few == n_many
    assert n_few <= 14


def test_join_fragment_query_count_is_fixed(participant_client, participant, community, django_assert_num_queries):
    few = fill(community, participant, workgroups=1, members=2, rows=1)
    WorkgroupMember.objects.filter(membership=participant).delete()
    with CaptureQueriesContext(connection) as ctx:
        participant_client.post(f"/c/{community.slug}/workgroups/{few[0].pk}/join/", HTTP_HX_REQUEST="true")
    many = fill(community, participant, workgroups=3, members=12, rows=10)
    WorkgroupMember.objects.filter(membership=participant).delete()
    with django_assert_num_queries(len(ctx.captured_queries)):
        participant_client.post(f"/c/{community.slug}/workgroups/{many[0].pk}/join/", HTTP_HX_REQUEST="true")


def test_overview_query_count_is_fixed(participant_client, participant, community):
    n_few, n_many = few_and_many(community, participant, participant_client,
                                 lambda wg: f"/c/{community.slug}/overview/")
    assert n_few == n_many


def test_post_list_query_count_is_fixed(participant_client, participant, community):
    n_few, n_many = few_and_many(community, participant, participant_client,
                                 lambda wg: f"/c/{community.slug}/posts/")
    assert n_few == n_many


def test_post_page_query_count_is_fixed(participant_client, participant, community):
    few = fill(community, participant, workgroups=1, members=2, rows=1)
    post = few[0].posts.first()
    n_few = count(participant_client, f"/c/{community.slug}/posts/{post.pk}/")
    for _ in range(20):
        ReplyFactory(post=post)
    assert count(participant_client, f"/c/{community.slug}/posts/{post.pk}/") == n_few


def test_home_panels_query_count_is_fixed(participant, community, django_assert_num_queries):
    from django.test import RequestFactory

    from workgroups.panels import home_panels

    request = RequestFactory().get("/")
    request.membership, request.community = participant, community
    with CaptureQueriesContext(connection) as ctx:
        home_panels(request)
    fill(community, participant, workgroups=4, members=6, rows=10)
    with django_assert_num_queries(len(ctx.captured_queries)):
        home_panels(request)


def test_activity_page_query_count_is_fixed(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    activity = ActivityFactory(workgroup=wg)
    n_few = count(participant_client, f"/c/{community.slug}/activities/{activity.pk}/")
    activity.participants.set([MembershipFactory(community=community) for _ in range(15)])
    assert count(participant_client, f"/c/{community.slug}/activities/{activity.pk}/") == n_few
