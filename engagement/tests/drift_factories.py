"""Helpers for the drift and nudge tests: members with a join date and a recent login, plenaries
with who was there and who answered, all relative to a fixed NOW."""

from datetime import UTC, datetime, timedelta

from meetings.models import Attendance, Meeting, MeetingKind, Rsvp
from participants.tests.factories import MembershipFactory

NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)


def member(community, *, weeks_ago=20, login_days_ago=1, **fields):
    """A participant who joined `weeks_ago` and logged in `login_days_ago` (None: never)."""
    last_login = NOW - timedelta(days=login_days_ago) if login_days_ago is not None else None
    return MembershipFactory(community=community, joined_at=NOW - timedelta(weeks=weeks_ago),
                             user__last_login=last_login, **fields)


def plenary(community, *, days_ago, recorded=True, cancelled=False, present=(), answered=(), kind=MeetingKind.PLENARY,
            workgroup=None):
    starts = NOW - timedelta(days=days_ago)
    meeting = Meeting.objects.create(
        community=community, kind=kind, workgroup=workgroup, title=f"Plenair {days_ago}", starts_at=starts,
        ends_at=starts + timedelta(hours=3), notes="We spraken over stages bij de bakker en de bouw.",
        attendance_recorded_at=starts + timedelta(hours=4) if recorded and days_ago > 0 else None,
        cancelled_at=starts - timedelta(days=1) if cancelled else None,
    )
    Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in present])
    Rsvp.objects.bulk_create([Rsvp(meeting=meeting, membership=m, answer="yes", answered_at=starts - timedelta(days=2))
                              for m in answered])
    return meeting
