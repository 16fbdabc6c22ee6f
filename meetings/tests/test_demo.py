"""The demo: a year of plenaries with rotating hosts, a work visit, the next plenary with an agenda,
and two participants who missed the last two plenaries. Running it twice changes nothing."""

import random
from datetime import datetime, time

from django.utils import timezone

from meetings import demo
from meetings.models import AgendaItem, Attendance, Meeting, Rsvp
from participants import demo as people


def seed_once():
    today = timezone.localdate()
    ctx, _ = people.seed_people(today)
    ctx.now = timezone.make_aware(datetime.combine(today, time(12, 0)))
    ctx.rng = random.Random(2009)
    demo.seed(ctx)
    return ctx


def test_demo_has_a_year_of_meetings_and_is_idempotent(db):
    ctx = seed_once()
    now = timezone.now()
    plenaries = list(Meeting.objects.filter(community=ctx.community, kind="plenary").order_by("starts_at"))
    past = [m for m in plenaries if m.starts_at < now]
    assert len(past) >= 6
    hosts = [m.host_id for m in plenaries]
    assert all(a != b for a, b in zip(hosts, hosts[1:], strict=False))
    assert len(set(hosts)) == len(hosts)  # nobody hosted twice within the first year
    assert Meeting.objects.filter(community=ctx.community, kind="work_visit").exists()
    upcoming = [m for m in plenaries if m.starts_at > now]
    assert upcoming and AgendaItem.objects.filter(meeting=upcoming[0]).count() >= 3
    for m in past:
        assert m.notes and m.attendance_recorded_at
    for login in ("thijs", "peter"):
        member = ctx.members[login]
        assert not Attendance.objects.filter(meeting__in=past[-2:], membership=member).exists()
        assert Attendance.objects.filter(meeting__in=past[:-2], membership=member).exists()
    counts = (Meeting.objects.count(), Rsvp.objects.count(), Attendance.objects.count())
    seed_once()
    assert (Meeting.objects.count(), Rsvp.objects.count(), Attendance.objects.count()) == counts
