from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from workgroups import services
from workgroups.models import JoinRequest
from workgroups.tests.factories import ActivityFactory, PostFactory, WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("UTC"))


def test_overview_lists_everything_newest_first(participant_client, participant, community):
    with time_machine.travel(T0, tick=False):
        wg = services.workgroup_propose(community=community, by=participant, name="Stages", theme="Stageplekken")
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        joiner = member_of(wg, user__name="Jet Joiner")
    with time_machine.travel(T0 + timedelta(hours=2), tick=False):
        ActivityFactory(workgroup=wg, title="Werkbezoek garage")
    with time_machine.travel(T0 + timedelta(hours=3), tick=False):
        PostFactory(community=community, workgroup=wg, author=joiner, title="Wie kent een garage?")
    with time_machine.travel(T0 + timedelta(hours=4), tick=False):
        services.post_create(community=community, by=participant, kind="update", topic="process",
                             title="We werken nu in tweetallen", body="Dat gaat sneller.")
    text = participant_client.get(f"/c/{community.slug}/overview/").text
    order = ["We werken nu in tweetallen", "Wie kent een garage?", "Werkbezoek garage", "Jet Joiner doet mee met Stages",
             "Nieuwe werkgroep"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)


def test_overview_pages_back_in_time(participant_client, participant, community):
    WorkgroupFactory(community=community, created_at=T0 - timedelta(hours=1))
    for i in range(45):
        with time_machine.travel(T0 + timedelta(minutes=i), tick=False):
            PostFactory(community=community, workgroup=None, title=f"Bericht {i:02d}")
    first = participant_client.get(f"/c/{community.slug}/overview/").text
    assert "Bericht 44" in first and "Bericht 00" not in first
    assert "Eerdere gebeurtenissen" in first
    link = first[first.index("?before="):].split('"')[0].replace("&amp;", "&")
    older = participant_client.get(f"/c/{community.slug}/overview/{link}").text
    assert "Bericht 00" in older and "Bericht 44" not in older
    assert "Nieuwe werkgroep" in older


def test_declining_a_join_request(community, participant, mailoutbox, django_capture_on_commit_callbacks):
    closed = WorkgroupFactory(community=community, closed=True, name="Dicht")
    insider = member_of(closed)
    request = JoinRequest.objects.create(workgroup=closed, membership=participant)
    client = Client()
    client.force_login(insider.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{community.slug}/workgroups/{closed.pk}/requests/{request.pk}/", {"decision": "decline"})
    request.refresh_from_db()
    assert request.state == "declined" and request.decided_by == insider
    assert not closed.members.filter(membership=participant).exists()
    assert [m.to for m in mailoutbox] == [[participant.user.email]]
    assert "niet geaccepteerd" in mailoutbox[0].body
    # a second decision on the same request changes nothing
    client.post(f"/c/{community.slug}/workgroups/{closed.pk}/requests/{request.pk}/", {"decision": "accept"})
    assert not closed.members.filter(membership=participant).exists()


def test_poster_reopens_an_answered_post(participant_client, participant, community):
    post = PostFactory(community=community, author=participant)
    services.post_mark_answered(post=post, by=participant)
    participant_client.post(f"/c/{community.slug}/posts/{post.pk}/answered/", {"action": "reopen"})
    post.refresh_from_db()
    assert post.answered_at is None


def test_proposing_needs_a_theme(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/workgroups/new/", {"name": "Zonder thema"})
    assert response.status_code == 200 and 'role="alert"' in response.text
    assert not community.workgroups.exists()


def test_nav_has_workgroups_posts_and_overview(participant_client, community):
    text = participant_client.get(f"/c/{community.slug}/workgroups/").text
    nav = text[text.index("<nav"):text.index("</nav>")]
    for path in ("workgroups/", "posts/", "overview/"):
        assert f"/c/{community.slug}/{path}" in nav
