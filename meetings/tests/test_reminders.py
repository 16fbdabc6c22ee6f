"""Reminders: N hours before, to yes/maybe a reminder, to who has not answered a gentle ask; run
twice, one email per person."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from lg_portal import outbox
from meetings import tasks
from meetings.models import MeetingSettings
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory

START = datetime(2026, 11, 10, 18, 30, tzinfo=UTC)


@pytest.fixture
def people(community):
    return {answer: MembershipFactory(community=community, user__name=f"Lid {answer}")
            for answer in ("yes", "maybe", "no", "none")}


@pytest.fixture
def meeting(community, people):
    m = MeetingFactory(community=community, title="Plenair november", starts_at=START,
                       ends_at=START + timedelta(hours=2))
    for answer in ("yes", "maybe", "no"):
        RsvpFactory(meeting=m, membership=people[answer], answer=answer)
    return m


def test_reminders_run_twice_send_one_email_per_person(meeting, people, mailoutbox):
    with time_machine.travel(START - timedelta(hours=47), tick=False):
        tasks.reminders_send_due.delay()
        tasks.reminders_send_due.delay()
        outbox.flush()
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted(people[a].user.email for a in ("yes", "maybe", "none"))
    by = {m.to[0]: m for m in mailoutbox}
    assert "Tot binnenkort" in by[people["yes"].user.email].subject
    assert "Weet je het al" in by[people["maybe"].user.email].body
    ask = by[people["none"].user.email]
    assert "Kom je ook?" in ask.subject
    assert "19:30" in ask.body and "19:30" in ask.alternatives[0][0]  # 18:30 UTC is 19:30 CET


def test_nothing_before_the_window(meeting, mailoutbox):
    with time_machine.travel(START - timedelta(hours=49), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 0}


def test_nothing_after_the_start_or_for_cancelled(community, meeting, mailoutbox):
    with time_machine.travel(START + timedelta(minutes=1), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 0}
    meeting.cancelled_at = START - timedelta(days=3)
    meeting.save()
    with time_machine.travel(START - timedelta(hours=2), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 0}


def test_reminder_hours_zero_switches_reminders_off(community, meeting):
    MeetingSettings.objects.create(community=community, reminder_hours=0)
    with time_machine.travel(START - timedelta(hours=1), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 0}


def test_reminder_hours_per_community(community, meeting, people):
    MeetingSettings.objects.create(community=community, reminder_hours=24)
    with time_machine.travel(START - timedelta(hours=30), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 0}
    with time_machine.travel(START - timedelta(hours=20), tick=False):
        assert tasks.reminders_send_due.delay().get() == {"queued": 3}


def test_workgroup_meeting_reminds_only_its_members(community, people, mailoutbox):
    from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory

    wg = WorkgroupFactory(community=community)
    WorkgroupMemberFactory(workgroup=wg, membership=people["none"])
    MeetingFactory(community=community, kind="workgroup", workgroup=wg, starts_at=START,
                   ends_at=START + timedelta(hours=2))
    with time_machine.travel(START - timedelta(hours=3), tick=False):
        tasks.reminders_send_due.delay()
        outbox.flush()
    assert [m.to[0] for m in mailoutbox] == [people["none"].user.email]


def test_reminder_scan_costs_a_fixed_number_of_queries(community, meeting, django_assert_num_queries):
    with time_machine.travel(START - timedelta(hours=3), tick=False):
        tasks.reminders_send_due.delay()
        with django_assert_num_queries(6):
            tasks.reminders_send_due.delay()
        MembershipFactory.create_batch(25, community=community)
        MeetingFactory.create_batch(3, community=community, starts_at=START, ends_at=START + timedelta(hours=1))
        tasks.reminders_send_due.delay()
        with django_assert_num_queries(6):
            tasks.reminders_send_due.delay()


def test_reminders_respect_the_persons_email_preferences_and_carry_an_unsubscribe_link(db, mailoutbox, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from datetime import timedelta

    from django.utils import timezone

    from lg_portal import outbox
    from meetings import jobs
    from meetings.models import Meeting
    from participants.models import EmailPreference
    from participants.tests.factories import CommunityFactory, MembershipFactory

    community = CommunityFactory()
    keen = MembershipFactory(community=community)
    done = MembershipFactory(community=community)
    EmailPreference.objects.create(user=done.user, reminders=False)
    now = timezone.now()
    Meeting.objects.create(community=community, title="Plenair", starts_at=now + timedelta(hours=24),
                           ends_at=now + timedelta(hours=26))
    jobs.reminders_send_due(now=now)
    outbox.flush()
    assert [m.to for m in mailoutbox] == [[keen.user.email]]
    mail = mailoutbox[0]
    assert "List-Unsubscribe" in mail.extra_headers and "/email/unsubscribe/reminders/" in mail.body
