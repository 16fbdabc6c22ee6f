"""The scan is set-based: the same number of queries for 10 and for 1,000 participants."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from engagement import drift, jobs
from engagement.models import Nudge
from meetings.models import Attendance, Rsvp
from participants.models import Membership, User
from workgroups.models import Workgroup, WorkgroupMember

from .drift_factories import NOW, plenary

pytestmark = pytest.mark.django_db


def populate(community, n):
    """n participants: a third missed the plenaries, a third never logged in, a third is fine."""
    start = User.objects.count()
    users = User.objects.bulk_create([
        User(email=f"p{start + i}@example.org", name=f"P {start + i}", password="!",
             last_login=None if i % 3 == 1 else NOW - timedelta(days=2))
        for i in range(n)])
    members = Membership.objects.bulk_create([
        Membership(community=community, user=u, joined_at=NOW - timedelta(weeks=30)) for u in users])
    workgroup = Workgroup.objects.get_or_create(community=community, name="Stages")[0]
    WorkgroupMember.objects.bulk_create([WorkgroupMember(workgroup=workgroup, membership=m) for m in members[::2]])
    for days in (70, 40, 10):
        meeting = plenary(community, days_ago=days)
        Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m)
                                        for i, m in enumerate(members) if i % 3 != 0])
        Rsvp.objects.bulk_create([Rsvp(meeting=meeting, membership=m, answer="yes", answered_at=meeting.starts_at)
                                  for i, m in enumerate(members) if i % 3 == 2])
    return members


def queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        result = fn()
    return len(ctx.captured_queries), result


def test_the_scan_is_one_query_for_10_or_1000_participants(community, other_community):
    populate(community, 10)
    small, rows = queries(lambda: drift.drifting(now=NOW))
    assert small == 1 and len(rows) >= 6
    populate(other_community, 1000)
    large, rows = queries(lambda: drift.drifting(now=NOW))
    assert large == small and len(rows) > 600
    one, _rows = queries(lambda: drift.drifting(community=community, now=NOW))
    assert one == 1


def test_deciding_who_is_due_costs_the_same_for_10_or_1000(community, other_community, settings, monkeypatch):
    """A fixed number of queries per batch of drifting people (500 in production; one batch here)."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setattr(jobs, "BATCH", 5000)

    def nudged_recently(members):
        Nudge.objects.bulk_create([Nudge(membership=m, period=1, sent_at=NOW - timedelta(days=1)) for m in members])

    nudged_recently(populate(community, 10))
    small, (sent, skipped) = queries(lambda: jobs.nudges_send(now=NOW))
    assert sent == 0 and skipped >= 6
    nudged_recently(populate(other_community, 1000))
    large, (sent, skipped) = queries(lambda: jobs.nudges_send(now=NOW))
    assert sent == 0 and skipped > 600
    assert large == small
