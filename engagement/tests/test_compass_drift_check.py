"""The compass's drift check is the engagement app's scan: the same people, by the same thresholds and
reset points, as the catch-up list. (These began in lessons, where the compass counted "missed the last
two plenaries" by itself and named people the catch-up list did not.)"""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from engagement.models import Contact, DriftSettings
from lessons import checks, selectors
from meetings.models import Attendance, Rsvp
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import CommunityFactory, MembershipFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 9, 15, 12, 0, tzinfo=timezone.get_fixed_timezone(0))


def _members(community, n, **kwargs):
    return [MembershipFactory(community=community, **kwargs) for _ in range(n)]


def _plenary(community, days_ago, present, regrets=()):
    """A held plenary: who came had said yes and was there; who sent regrets said no (a sign of life)."""
    meeting = MeetingFactory(community=community, starts_at=NOW - timedelta(days=days_ago),
                             attendance_recorded_at=NOW - timedelta(days=days_ago - 1))
    Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in present])
    answered = meeting.starts_at - timedelta(days=3)
    Rsvp.objects.bulk_create([Rsvp(meeting=meeting, membership=m, answer="yes", answered_at=answered)
                              for m in present]
                             + [Rsvp(meeting=meeting, membership=m, answer="no", answered_at=answered)
                                for m in regrets])
    return meeting


@pytest.fixture
def running(db):
    return CommunityFactory(starts_on=NOW.date() - timedelta(days=300), ends_on=NOW.date() + timedelta(days=300))


def _drift(community):
    return selectors.compass_checks(community=community, now=NOW)["drift"]


@time_machine.travel(NOW, tick=False)
def test_nobody_missing_the_last_two_plenaries_passes(running):
    members = _members(running, 3, joined_at=NOW - timedelta(days=200))
    _plenary(running, 60, members)
    _plenary(running, 10, members[:2], regrets=members[2:])  # the third missed only one, and said so
    result = _drift(running)
    assert result.state == checks.OK
    assert result.evidence == "Niemand lijkt weg te zakken."


@time_machine.travel(NOW, tick=False)
def test_member_who_missed_the_last_two_plenaries_is_drifting(running):
    members = _members(running, 3, joined_at=NOW - timedelta(days=200))
    drifter = MembershipFactory(community=running, user__name="Thijs Dekker", joined_at=NOW - timedelta(days=200))
    _plenary(running, 120, [*members, drifter])
    _plenary(running, 60, members)
    _plenary(running, 10, members)
    MeetingFactory(community=running, starts_at=NOW - timedelta(days=3), cancelled_at=NOW)  # cancelled: ignored
    result = _drift(running)
    assert result.state == checks.ATTENTION
    assert result.details == ["Thijs Dekker"]
    assert result.evidence.startswith("1 persoon zakt mogelijk weg;")
    assert "Thijs" not in result.evidence and result.for_facilitators == "Wie: Thijs Dekker."


@time_machine.travel(NOW, tick=False)
def test_newcomer_who_joined_after_the_plenaries_is_not_drifting(running):
    members = _members(running, 2, joined_at=NOW - timedelta(days=200))
    MembershipFactory(community=running, joined_at=NOW - timedelta(days=5))
    _plenary(running, 60, members)
    _plenary(running, 10, members)
    assert _drift(running).state == checks.OK


@time_machine.travel(NOW, tick=False)
def test_someone_the_facilitator_caught_up_with_is_not_named_any_more(running):
    members = _members(running, 2, joined_at=NOW - timedelta(days=200))
    drifter = MembershipFactory(community=running, user__name="Dirk Haverkamp", joined_at=NOW - timedelta(days=200))
    _plenary(running, 120, [*members, drifter])
    _plenary(running, 60, members)
    _plenary(running, 10, members)
    assert _drift(running).details == ["Dirk Haverkamp"]
    Contact.objects.create(membership=drifter, happened_at=NOW - timedelta(days=1), note="gebeld")
    assert _drift(running).state == checks.OK


@time_machine.travel(NOW, tick=False)
def test_the_community_threshold_decides_as_it_does_for_the_catch_up_list(running):
    members = _members(running, 2, joined_at=NOW - timedelta(days=200))
    drifter = MembershipFactory(community=running, user__name="Peter Lammers", joined_at=NOW - timedelta(days=200))
    _plenary(running, 60, [*members, drifter])
    last = _plenary(running, 10, members)  # missed one; "maybe" is a sign of life, but no regrets (a "no" is no miss)
    Rsvp.objects.create(meeting=last, membership=drifter, answer="maybe", answered_at=last.starts_at - timedelta(days=3))
    assert _drift(running).state == checks.OK
    DriftSettings.objects.create(community=running, missed_plenaries=1)
    assert _drift(running).details == ["Peter Lammers"]


def test_drift_is_unknown_while_the_community_does_not_run(db):
    ended = CommunityFactory(starts_on=NOW.date() - timedelta(days=800), ends_on=NOW.date() - timedelta(days=30))
    assert selectors.compass_checks(community=ended, now=NOW)["drift"].state == checks.UNKNOWN

