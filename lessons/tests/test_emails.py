"""Emails: an opened evaluation asks every active member; those who took part get one reminder to
look back. One email per person, text and HTML, never twice."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from lessons import jobs, services
from lessons.tests.factories import ActivityFactory, ReflectionFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 6, 9, 0, tzinfo=timezone.get_fixed_timezone(0))


def test_opening_an_evaluation_emails_each_active_member_once(community, coordinator, participant, core_member,
                                                               mailoutbox, django_capture_on_commit_callbacks):
    MembershipFactory(community=community, status="stepped_out")
    with django_capture_on_commit_callbacks(execute=True):
        services.evaluation_open(community=community, planned_on=date(2026, 7, 1), by=coordinator)
    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted(m.user.email for m in (coordinator, participant, core_member))
    mail = mailoutbox[0]
    assert "Tussenevaluatie van LG Test" in mail.subject
    assert "/evaluations/" in mail.body
    html = mail.alternatives[0][0]
    assert "Naar de vragen" in html


@time_machine.travel(NOW, tick=False)
def test_reflection_reminder_goes_to_each_participant_once(community, participant, core_member, coordinator,
                                                            mailoutbox, django_capture_on_commit_callbacks):
    activity = ActivityFactory(workgroup__community=community, happened_on=date(2026, 5, 4), title="Werkbezoek",
                               participants=[participant, core_member])
    ReflectionFactory(activity=activity, membership=core_member)  # already looked back: no reminder
    ActivityFactory(workgroup__community=community, happened_on=date(2026, 4, 20), participants=[participant])
    meeting = MeetingFactory(community=community, title="Plenair mei", starts_at=NOW - timedelta(days=2),
                             attendance_recorded_at=NOW - timedelta(days=1))
    Attendance.objects.create(meeting=meeting, membership=coordinator)
    unrecorded = MeetingFactory(community=community, title="Werkbezoek zonder lijst",
                                starts_at=NOW - timedelta(days=2, hours=6))
    RsvpFactory(meeting=unrecorded, membership=participant, answer="yes")
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.reflection_reminders_send() == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.reflection_reminders_send() == 0  # run twice, sent once
    sent = sorted((m.to[0], m.subject) for m in mailoutbox)
    assert sent == sorted([
        (participant.user.email, "Terugblik: Werkbezoek"),
        (coordinator.user.email, "Terugblik: Plenair mei"),
        (participant.user.email, "Terugblik: Werkbezoek zonder lijst"),
    ])
    assert all("Wat doen we de volgende keer anders?" in m.body for m in mailoutbox)
    assert all("Terugblikken" in m.alternatives[0][0] for m in mailoutbox)


def test_reminder_task_runs(community):
    from lessons.tasks import reflection_reminders_send

    assert reflection_reminders_send.apply().get() == {"queued": 0}


@time_machine.travel(NOW, tick=False)
def test_finding_who_to_remind_costs_the_same_queries_for_few_and_many(community, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lessons import selectors

    def grow(n):
        for _ in range(n):
            people = [MembershipFactory(community=community) for _ in range(3)]
            ActivityFactory(workgroup__community=community, happened_on=date(2026, 5, 4), participants=people)
            meeting = MeetingFactory(community=community, starts_at=NOW - timedelta(days=2),
                                     attendance_recorded_at=NOW - timedelta(days=1))
            Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in people])

    grow(1)
    with CaptureQueriesContext(connection) as few:
        assert len(selectors.reflection_reminders_due()) == 6
    grow(8)
    with django_assert_num_queries(len(few)):
        assert len(selectors.reflection_reminders_due()) == 54
