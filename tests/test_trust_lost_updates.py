# ruff: noqa: B023 - each round's threads are joined before the loop moves on
"""No lost update on a meeting (issue 17): a cancel, an edit, a host's answer and attendance are
served one after the other and each saves only its own fields; an edit made on a form loaded before
someone else's change is told so, keeps what was typed and overwrites nothing. The races run on
PostgreSQL with two real connections."""

import threading
import time
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, HostState, Meeting
from meetings.tests.factories import MeetingFactory
from meetings.tests.test_schedule import form_data
from participants.models import Membership
from participants.tests.factories import CommunityFactory, MembershipFactory

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def _edit_data(meeting, **overrides):
    start, end = meeting.starts_at.astimezone(AMS), meeting.ends_at.astimezone(AMS)
    data = form_data(title=meeting.title, date=start.date().isoformat(), start_time=start.strftime("%H:%M"),
                     end_time=end.strftime("%H:%M"), version=str(meeting.sequence))
    data.update(overrides)
    return data


def test_an_edit_on_a_form_loaded_before_a_cancel_does_not_undo_it(facilitator_client, community):
    meeting = MeetingFactory(community=community)
    data = _edit_data(meeting, title="Nieuwe titel")  # the form as it was loaded
    services.meeting_cancel(meeting=Meeting.objects.get(pk=meeting.pk),
                            by=Membership.objects.filter(community=community).first(), reason="Ziek")
    response = facilitator_client.post(f"/c/{community.slug}/meetings/{meeting.pk}/edit/", data, follow=True)
    assert "afgelast" in response.text
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None and meeting.title != "Nieuwe titel"


def test_an_edit_after_someone_elses_change_is_told_and_keeps_what_was_typed(facilitator_client, community):
    meeting = MeetingFactory(community=community, title="Oud")
    data = _edit_data(meeting, title="Mijn titel")
    other = Meeting.objects.get(pk=meeting.pk)
    services.meeting_update(meeting=other, by=Membership.objects.first(), meal_note="Soep van Anouk")
    response = facilitator_client.post(f"/c/{community.slug}/meetings/{meeting.pk}/edit/", data)
    assert response.status_code == 200
    assert "Iemand anders heeft deze bijeenkomst veranderd" in response.text
    assert 'value="Mijn titel"' in response.text
    meeting.refresh_from_db()
    assert meeting.title == "Oud" and meeting.meal_note == "Soep van Anouk"
    # Saving again, now knowingly, goes through.
    response = facilitator_client.post(f"/c/{community.slug}/meetings/{meeting.pk}/edit/",
                                       {**data, "version": str(meeting.sequence)})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Mijn titel"


def test_an_edit_keeps_a_host_answer_given_meanwhile(community, facilitator):
    host = MembershipFactory(community=community, willing_to_host=True)
    meeting = MeetingFactory(community=community, host=host, host_state=HostState.PROPOSED)
    stale = Meeting.objects.get(pk=meeting.pk)  # an edit that started before the answer
    services.host_answer(meeting=Meeting.objects.get(pk=meeting.pk), membership=host, accept=True)
    services.meeting_update(meeting=stale, by=facilitator, title="Andere titel")
    meeting.refresh_from_db()
    assert meeting.host_state == HostState.ACCEPTED and meeting.title == "Andere titel"


def test_a_cancel_with_a_stale_copy_keeps_the_edit_and_an_edit_with_one_keeps_the_cancel(community, facilitator):
    meeting = MeetingFactory(community=community, title="Oud")
    stale_a, stale_b = Meeting.objects.get(pk=meeting.pk), Meeting.objects.get(pk=meeting.pk)
    services.meeting_update(meeting=stale_a, by=facilitator, title="Nieuw")
    services.meeting_cancel(meeting=stale_b, by=facilitator)
    meeting.refresh_from_db()
    assert meeting.title == "Nieuw" and meeting.cancelled_at is not None
    with pytest.raises(Exception, match="afgelast"):
        services.meeting_update(meeting=stale_a, by=facilitator, title="Nog eens")


def _race(*calls):
    """Run the calls in two threads, started together; each gets its own database connection."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            call()
            outcomes[i] = "ok"
        except Exception as exc:  # noqa: BLE001 - what each thread met is the result
            outcomes[i] = f"{type(exc).__name__}: {exc}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def _slow_saves(monkeypatch):
    real_save = Meeting.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.1)  # widen the window between reading and writing
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Meeting, "save", slow_save)


postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="two real connections: PostgreSQL")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_cancel_against_edit_and_accept_against_edit_lose_nothing_in_ten_rounds(monkeypatch):
    assert connection.vendor == "postgresql"
    _slow_saves(monkeypatch)
    lost = []
    for i in range(10):
        community = CommunityFactory(slug=f"race-m-{i}")
        boss = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
        host = MembershipFactory(community=community, willing_to_host=True)
        meeting = MeetingFactory(community=community, title="Oud", host=host, host_state=HostState.PROPOSED,
                                 starts_at=timezone.now() + timedelta(days=20))
        copies = [Meeting.objects.get(pk=meeting.pk) for _ in range(3)]
        outcomes = _race(
            lambda: services.meeting_cancel(meeting=copies[0], by=boss, reason="Ziek"),
            lambda: services.meeting_update(meeting=copies[1], by=boss, title="Nieuw"),
            lambda: services.host_answer(meeting=copies[2], membership=host, accept=True),
        )
        meeting.refresh_from_db()
        if meeting.cancelled_at is None:
            lost.append((i, "cancel", outcomes))
        # The edit and the answer either went through (before the cancel) or were refused (after it).
        if outcomes[1] == "ok" and meeting.title != "Nieuw":
            lost.append((i, "edit", outcomes))
        if outcomes[2] == "ok" and meeting.host_state != HostState.ACCEPTED:
            lost.append((i, "accept", outcomes))
        assert all(o == "ok" or "afgelast" in o for o in outcomes), outcomes
    assert lost == []


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_identical_attendance_saves_at_once_both_answer(monkeypatch):
    _slow_saves(monkeypatch)
    for i in range(5):
        community = CommunityFactory(slug=f"race-a-{i}")
        boss = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
        people = [MembershipFactory(community=community) for _ in range(3)]
        meeting = MeetingFactory(community=community, starts_at=timezone.now() - timedelta(days=1))
        ids = [p.pk for p in people]
        outcomes = _race(
            lambda: services.attendance_record(meeting=Meeting.objects.get(pk=meeting.pk), by=boss, present_ids=ids),
            lambda: services.attendance_record(meeting=Meeting.objects.get(pk=meeting.pk), by=boss, present_ids=ids),
        )
        assert outcomes == ["ok", "ok"]
        assert Attendance.objects.filter(meeting=meeting).count() == 3


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_first_saves_of_the_settings_at_once_make_one_row_and_no_error():
    from engagement.models import DriftSettings
    from engagement.services import drift_settings_update
    from meetings.models import MeetingSettings

    for i in range(5):
        community = CommunityFactory(slug=f"race-s-{i}")
        outcomes = _race(
            lambda: services.meeting_settings_update(community=community, plenary_interval_weeks=6),
            lambda: services.meeting_settings_update(community=community, plenary_interval_weeks=7),
            lambda: drift_settings_update(community=community, missed_plenaries=2),
            lambda: drift_settings_update(community=community, missed_plenaries=3),
        )
        assert outcomes == ["ok"] * 4, outcomes
        assert MeetingSettings.objects.filter(community=community).count() == 1
        assert DriftSettings.objects.filter(community=community).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_first_saves_of_a_return_expectation_at_once_make_one_row():
    from impact.models import ReturnExpectation
    from impact.services import return_expectation_save

    for i in range(5):
        member = MembershipFactory(community=CommunityFactory(slug=f"race-e-{i}"))
        outcomes = _race(
            lambda: return_expectation_save(membership=member, kinds=["concrete"]),
            lambda: return_expectation_save(membership=member, kinds=["relations"]),
        )
        assert outcomes == ["ok", "ok"], outcomes
        assert ReturnExpectation.objects.filter(membership=member).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_first_reflections_on_one_meeting_at_once_keep_one_and_refuse_neither():
    """Two tabs send a first reflection on the same meeting at the same moment: one row, no refusal
    (it answered 'you already reflected' and dropped what the second tab said)."""
    from lessons.models import Reflection
    from lessons.services import reflection_submit
    from meetings.models import Rsvp

    for i in range(5):
        member = MembershipFactory(community=CommunityFactory(slug=f"race-r-{i}"))
        meeting = MeetingFactory(community=member.community, starts_at=timezone.now() - timedelta(days=2))
        Rsvp.objects.create(meeting=meeting, membership=member, answer="yes")
        outcomes = _race(
            lambda: reflection_submit(membership=member, meeting=meeting, fields={"what_we_did": "Tab een"}),
            lambda: reflection_submit(membership=member, meeting=meeting, fields={"what_we_did": "Tab twee"}),
        )
        assert outcomes == ["ok", "ok"], outcomes
        kept = Reflection.objects.get(membership=member, meeting=meeting)
        assert kept.what_we_did in {"Tab een", "Tab twee"}
