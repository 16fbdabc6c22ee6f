"""Sending nudges: one personal email per drifting person, the quiet period, the stop after three
unanswered nudges, who is skipped, and sending once whatever happens twice."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine

from engagement import jobs, tasks
from engagement.models import Contact, DriftSettings, Nudge
from lg_portal import outbox
from lg_portal.models import OutboxMessage
from participants.models import EmailPreference, Membership, MemberStatus

from .drift_factories import NOW, member, plenary

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _queue_only(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the tests flush the outbox themselves


@pytest.fixture
def drifting(community, facilitator):
    """A participant who missed the last two plenaries; a colleague who was there."""
    away = member(community, user__name="Thijs Dekker")
    there = member(community)
    plenary(community, days_ago=40, present=[there], answered=[there])
    plenary(community, days_ago=10, present=[there], answered=[there])
    plenary(community, days_ago=-20, answered=[there])  # the next one
    return away


def send(now=NOW):
    with time_machine.travel(now, tick=False):
        result = jobs.nudges_send(now=now)
        outbox.flush(now=now)
    return result


def test_a_drifting_person_gets_one_personal_nudge(drifting, facilitator, mailoutbox):
    assert send() == (1, 0)
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [drifting.user.email] and not email.cc and not email.bcc
    html = email.alternatives[0][0]
    for body in (email.body, html):
        assert "Thijs" in body
        assert "laatste 2 plenaire bijeenkomsten" in body
        assert "stages bij de bakker" in body  # the catch-up from the last meeting's notes
        assert "Plenair -20" in body  # what comes next
        assert "Fay Facilitator" in body  # signed by the facilitator
        assert "/nudge/still_in/" in body and "/nudge/pause/" in body and "/nudge/step_out/" in body
        assert "/email/unsubscribe/nudges/" in body
    assert email.extra_headers["Reply-To"] == facilitator.user.email
    assert email.extra_headers["List-Unsubscribe"].startswith("<http") and "/email/unsubscribe/nudges/" in \
        email.extra_headers["List-Unsubscribe"]
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    nudge = Nudge.objects.get()
    assert nudge.membership == drifting and nudge.period == 1 and nudge.signed_by == facilitator
    assert nudge.signals[0]["code"] == "missed_plenaries"


def test_the_nudge_is_in_the_persons_language(drifting, mailoutbox):
    drifting.user.language = "en"
    drifting.user.save()
    send()
    assert "May" in mailoutbox[0].body  # Django's own month names follow the language ("mei" in Dutch)


def test_running_twice_sends_once(drifting, mailoutbox):
    assert send() == (1, 0)
    assert send() == (0, 1)
    assert len(mailoutbox) == 1 and Nudge.objects.count() == 1


def test_nobody_is_nudged_twice_within_the_quiet_period(drifting, mailoutbox):
    send()
    assert send(NOW + timedelta(days=13)) == (0, 1)
    assert send(NOW + timedelta(days=15)) == (1, 0)
    assert list(Nudge.objects.order_by("period").values_list("period", flat=True)) == [1, 2]
    assert len(mailoutbox) == 2


def test_the_quiet_period_is_a_community_setting(drifting, community, mailoutbox):
    DriftSettings.objects.create(community=community, quiet_days=30)
    send()
    assert send(NOW + timedelta(days=15)) == (0, 1)


def test_nudging_stops_after_three_unanswered_and_the_facilitators_are_told_once(drifting, facilitator, community,
                                                                                 mailoutbox):
    second_facilitator = member(community, is_facilitator=True, is_participant=False, user__name="Gijs")
    for days in (0, 15, 30):
        assert send(NOW + timedelta(days=days)) == (1, 0)
    assert send(NOW + timedelta(days=45)) == (0, 1)
    assert send(NOW + timedelta(days=60)) == (0, 1)
    to_person = [m for m in mailoutbox if m.to == [drifting.user.email]]
    to_facilitators = [m for m in mailoutbox if m.to != [drifting.user.email]]
    assert len(to_person) == 3
    assert sorted(m.to[0] for m in to_facilitators) == sorted([facilitator.user.email, second_facilitator.user.email])
    assert "Thijs Dekker" in to_facilitators[0].subject and "/catch-up/" in to_facilitators[0].body
    assert "/email/unsubscribe/alerts/" in to_facilitators[0].extra_headers["List-Unsubscribe"]


def test_a_logged_contact_resets_the_signals_and_the_count(drifting, facilitator, community, mailoutbox):
    for days in (0, 15, 30):
        send(NOW + timedelta(days=days))
    Contact.objects.create(membership=drifting, by=facilitator, happened_at=NOW + timedelta(days=40))
    assert send(NOW + timedelta(days=45)) == (0, 0)  # no longer drifting
    later = NOW + timedelta(days=81)
    for days in (50, 80):  # two more plenaries missed after the contact
        meeting = plenary(community, days_ago=-days)
        meeting.attendance_recorded_at = meeting.ends_at
        meeting.save()
    Membership.objects.exclude(pk=drifting.pk).update(status=MemberStatus.STEPPED_OUT)
    assert send(later) == (1, 0)  # the three unanswered nudges were before the contact
    assert drifting.nudges.order_by("-period").first().period == 4


@pytest.mark.parametrize("change", [
    {"paused_until": (NOW + timedelta(days=30)).date()},
    {"status": MemberStatus.PAUSED},
])
def test_paused_people_are_skipped(drifting, change, mailoutbox):
    for name, value in change.items():
        setattr(drifting, name, value)
    drifting.save()
    sent, _skipped = send()
    assert sent == 0 and not mailoutbox


def test_a_pause_that_ended_makes_the_person_active_again(drifting, community, mailoutbox):
    drifting.status, drifting.paused_until = MemberStatus.PAUSED, (NOW - timedelta(days=60)).date()
    drifting.save()
    assert send() == (1, 0)
    drifting.refresh_from_db()
    assert drifting.status == MemberStatus.ACTIVE


def test_stepped_out_people_get_nothing(drifting, mailoutbox):
    drifting.status = MemberStatus.STEPPED_OUT
    drifting.save()
    assert send() == (0, 0) and not mailoutbox


def test_people_who_switched_nudges_off_get_none(drifting, mailoutbox):
    EmailPreference.objects.create(user=drifting.user, nudges=False)
    assert send() == (0, 1) and not mailoutbox


@time_machine.travel(NOW, tick=False)
def test_a_send_that_raises_is_retried_later_and_sent_once(drifting, mailoutbox):
    jobs.nudges_send(now=NOW)
    with mock.patch("lg_portal.outbox.send_one", side_effect=ConnectionError("smtp down")):
        assert outbox.flush(now=NOW) == (0, 1)
    assert not mailoutbox
    assert jobs.nudges_send(now=NOW + timedelta(minutes=5)) == (0, 1)  # the scan does not queue it again
    assert outbox.flush(now=NOW + timedelta(minutes=5)) == (1, 0)
    assert outbox.flush(now=NOW + timedelta(minutes=10)) == (0, 0)
    assert len(mailoutbox) == 1


@time_machine.travel(NOW, tick=False)
def test_the_task_that_raises_is_retried_and_sends_once(drifting, mailoutbox, settings):
    real = jobs.nudges_send
    calls = []

    def flaky(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database went away")
        return real(now=NOW)

    with mock.patch("engagement.jobs.nudges_send", side_effect=flaky):
        result = tasks.nudges_scan.apply(throw=False)  # as a worker runs it: the retry runs again
    assert len(calls) == 2 and result.successful()
    assert OutboxMessage.objects.filter(key__startswith="nudge:").count() == 1
    tasks.nudges_scan.apply()  # delivered again: nothing new
    outbox.flush(now=NOW)
    assert len(mailoutbox) == 1


def test_the_task_is_acks_late_with_retries():
    for task in (tasks.nudges_scan, tasks.unanswered_alerts, tasks.digest_weekly):
        assert task.acks_late is True and task.max_retries == 5 and task.autoretry_for == (Exception,)
