"""The weekly digest: one email per person with what happened in their workgroups and communities."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from engagement import jobs, tasks
from lg_portal import outbox
from meetings.models import Meeting
from participants.models import EmailPreference, MemberStatus
from participants.tests.factories import CommunityFactory, MembershipFactory
from workgroups.models import Activity, Post, Workgroup, WorkgroupMember

pytestmark = pytest.mark.django_db

MONDAY = timezone.datetime(2026, 6, 1, 7, 0, tzinfo=timezone.UTC)


@pytest.fixture(autouse=True)
def _monday(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with time_machine.travel(MONDAY, tick=False):
        yield


@pytest.fixture
def week(community, participant, core_member):
    """Last week in the community: a plenary, a question in an open and one in a closed workgroup, an
    activity, a newcomer; next week: a plenary."""
    open_wg = Workgroup.objects.create(community=community, name="Stages")
    closed_wg = Workgroup.objects.create(community=community, name="Geheim", closed=True)
    WorkgroupMember.objects.create(workgroup=open_wg, membership=participant)
    WorkgroupMember.objects.create(workgroup=closed_wg, membership=core_member)
    yesterday = MONDAY - timedelta(days=1)
    Meeting.objects.create(community=community, title="Plenair juni", starts_at=yesterday - timedelta(days=2),
                           ends_at=yesterday - timedelta(days=2) + timedelta(hours=3), notes="Besloten: stagemarkt.")
    Meeting.objects.create(community=community, title="Plenair juli", starts_at=MONDAY + timedelta(days=8),
                           ends_at=MONDAY + timedelta(days=8, hours=3), venue="Bij Marieke")
    Post.objects.create(community=community, workgroup=open_wg, author=core_member, kind="question",
                        title="Open vraag over stages", body="?", created_at=yesterday)
    insider = MembershipFactory(community=community)
    WorkgroupMember.objects.create(workgroup=closed_wg, membership=insider)
    Post.objects.create(community=community, workgroup=closed_wg, author=insider, kind="idea",
                        title="Geheim idee", body="!", created_at=yesterday)
    Activity.objects.create(workgroup=open_wg, community=community, kind="work_visit", title="Bezoek bakkerij",
                            happened_on=date(2026, 5, 29), outcome="Twee stageplekken")
    Post.objects.create(community=community, author=core_member, kind="proposal", title="Voorstel voor iedereen",
                        body="!", created_at=yesterday - timedelta(days=10))  # before last week
    MembershipFactory(community=community, user__name="Nieuwe Nina", joined_at=yesterday)
    return open_wg, closed_wg


def digest_for(mailoutbox, membership):
    found = [m for m in mailoutbox if m.to == [membership.user.email]]
    assert len(found) == 1
    return found[0]


def test_each_person_gets_one_digest_with_their_groups_and_community(week, participant, core_member, mailoutbox):
    assert jobs.digest_send() >= 2
    outbox.flush()
    email = digest_for(mailoutbox, participant)
    for body in (email.body, email.alternatives[0][0]):
        assert "Plenair juni" in body and "stagemarkt" in body
        assert "Plenair juli" in body and "Bij Marieke" in body
        assert "Open vraag over stages" in body and "Bezoek bakkerij" in body
        assert "Nieuwe Nina" in body
        assert "Geheim idee" not in body  # a closed workgroup she is not in
        assert "Voorstel voor iedereen" not in body  # older than a week
        assert "/email/unsubscribe/digest/" in body
    assert "List-Unsubscribe" in email.extra_headers
    assert "Geheim idee" in digest_for(mailoutbox, core_member).body


def test_running_twice_in_a_week_sends_once(week, participant, mailoutbox):
    first = jobs.digest_send()
    assert jobs.digest_send() == 0
    outbox.flush()
    assert len(mailoutbox) == first


def test_a_person_in_two_communities_gets_one_digest_with_both(week, participant, mailoutbox):
    second = CommunityFactory(name="Buurtnetwerk")
    MembershipFactory(community=second, user=participant.user)
    Meeting.objects.create(community=second, title="Buurtavond", starts_at=MONDAY + timedelta(days=2),
                           ends_at=MONDAY + timedelta(days=2, hours=2))
    jobs.digest_send()
    outbox.flush()
    body = digest_for(mailoutbox, participant).body
    assert "Buurtavond" in body and "Plenair juli" in body and "Buurtnetwerk" in body


def test_opted_out_stepped_out_and_nothing_to_tell_get_none(week, participant, core_member, community, mailoutbox):
    EmailPreference.objects.create(user=participant.user, digest=False)
    core_member.status = MemberStatus.STEPPED_OUT
    core_member.save()
    quiet = CommunityFactory()
    lonely = MembershipFactory(community=quiet)
    jobs.digest_send()
    outbox.flush()
    recipients = {m.to[0] for m in mailoutbox}
    assert not {participant.user.email, core_member.user.email, lonely.user.email} & recipients


def test_the_weekly_task_is_scheduled_on_monday_morning():
    from lg_portal.registry import beat_schedule, jobs_by_name

    job = jobs_by_name()["digest"]
    assert job.task is tasks.digest_weekly
    schedule = job.schedule
    assert schedule.hour == {7} and schedule.minute == {0} and schedule.day_of_week == {1}
    assert beat_schedule()["digest"]["task"] == tasks.digest_weekly.name == "engagement.tasks.digest_weekly"
