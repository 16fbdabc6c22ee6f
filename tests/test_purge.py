"""The weekly purge: emails sent more than a year ago and nudge/alert logs older than a year go; what
someone still needs stays (unsent emails, each person's latest nudge and latest answer, the alert for a
question still waiting)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from engagement import drift
from engagement.models import Nudge, UnansweredAlert
from lg_portal import outbox
from lg_portal.celery import app as celery_app
from lg_portal.models import OutboxMessage
from lg_portal.purge import purge
from lg_portal.tasks import purge_old_logs
from participants.tests.factories import MembershipFactory, UserFactory
from workgroups.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)
YEAR_LATER = T0 + timedelta(days=366)


def email(key, kind="test", **fields):
    user = UserFactory()
    return OutboxMessage.objects.create(key=key, kind=kind, user=user, to=user.email, subject="S", text="T",
                                        **fields)


def test_emails_sent_more_than_a_year_ago_are_forgotten_unsent_and_recent_ones_stay():
    with time_machine.travel(T0, tick=False):
        email("old-sent", sent_at=T0 + timedelta(minutes=1))
        email("old-held", claim=outbox.HELD, claimed_at=T0)
        email("old-given-up", attempts=outbox.MAX_ATTEMPTS, last_error="550 no such user")
        email("old-still-due", send_after=T0)  # never sent yet: it is not a log, it is work
    with time_machine.travel(T0 + timedelta(days=200), tick=False):
        email("recent-sent", sent_at=timezone.now())
    with time_machine.travel(YEAR_LATER, tick=False):
        counts = purge()
    assert counts["outbox"] == 3
    assert set(OutboxMessage.objects.values_list("key", flat=True)) == {"old-still-due", "recent-sent"}


def test_an_email_sent_just_under_a_year_ago_stays():
    email("almost", sent_at=T0)
    assert purge(now=T0 + timedelta(days=364))["outbox"] == 0
    assert purge(now=T0 + timedelta(days=366))["outbox"] == 1


def nudge(membership, period, *, sent_days, answered_days=None, told=False):
    return Nudge.objects.create(
        membership=membership, period=period, sent_at=T0 + timedelta(days=sent_days),
        answer="still_in" if answered_days is not None else "",
        answered_at=T0 + timedelta(days=answered_days) if answered_days is not None else None,
        facilitators_told_at=T0 + timedelta(days=sent_days + 20) if told else None,
    )


@pytest.fixture
def nudged(community):
    with time_machine.travel(T0 - timedelta(days=60), tick=False):
        often = MembershipFactory(community=community, user__name="Often Nudged")
        once = MembershipFactory(community=community, user__name="Once Answered")
        silent = MembershipFactory(community=community, user__name="Never Answers")
        recent = MembershipFactory(community=community, user__name="Recently Nudged")
    nudge(often, 1, sent_days=0, answered_days=2)
    nudge(often, 2, sent_days=30)
    nudge(often, 3, sent_days=60, answered_days=61)
    nudge(often, 4, sent_days=100)
    nudge(once, 1, sent_days=0, answered_days=1)
    for period in (1, 2, 3):  # a run of unanswered nudges: the facilitators were told to call
        nudge(silent, period, sent_days=period * 15, told=period == 3)
    nudge(recent, 1, sent_days=300, answered_days=301)
    nudge(recent, 2, sent_days=400, answered_days=410)
    return often, once, silent, recent


def test_old_nudges_go_only_when_a_later_answer_made_them_irrelevant(nudged):
    often, once, silent, recent = nudged
    now = T0 + timedelta(days=500)
    counts = purge(now=now)
    assert counts["nudges"] == 2
    left = {(n.membership_id, n.period) for n in Nudge.objects.all()}
    assert left == {(often.pk, 3), (often.pk, 4), (once.pk, 1),
                    (silent.pk, 1), (silent.pk, 2), (silent.pk, 3), (recent.pk, 1), (recent.pk, 2)}


def test_purging_nudges_changes_nothing_the_drift_scan_or_the_next_nudge_relies_on(nudged):
    often, _once, silent, _recent = nudged
    now = T0 + timedelta(days=500)

    def state():
        rows = {r.membership_id: (r.reset_at, sorted(s.code for s in r.signals)) for r in drift.drifting(now=now)}
        last = {m.pk: Nudge.objects.filter(membership=m).order_by("-period").first() for m in (often, silent)}
        unanswered = Nudge.objects.filter(membership=silent, answered_at__isnull=True).count()
        return rows, {pk: (n.period, n.facilitators_told_at) for pk, n in last.items()}, unanswered

    before = state()
    assert purge(now=now)["nudges"] > 0
    assert state() == before


def test_an_alert_for_a_question_still_waiting_stays_answered_ones_go(community):
    with time_machine.travel(T0, tick=False):
        answered = PostFactory(community=community, title="Beantwoord")
        waiting = PostFactory(community=community, title="Nog open")
        UnansweredAlert.objects.create(post=answered, alerted_at=T0 + timedelta(days=3))
        UnansweredAlert.objects.create(post=waiting, alerted_at=T0 + timedelta(days=3))
    answered.answered_at = T0 + timedelta(days=10)
    answered.save(update_fields=["answered_at"])
    with time_machine.travel(T0 + timedelta(days=200), tick=False):
        recent = PostFactory(community=community, title="Recent beantwoord", answered_at=timezone.now())
        UnansweredAlert.objects.create(post=recent, alerted_at=timezone.now())
    assert purge(now=T0 + timedelta(days=400))["unanswered_alerts"] == 1
    assert set(UnansweredAlert.objects.values_list("post__title", flat=True)) == {"Nog open", "Recent beantwoord"}


def test_purge_twice_deletes_once(nudged):
    email("old", sent_at=T0)
    now = T0 + timedelta(days=500)
    first = purge(now=now)
    assert first["outbox"] == 1 and first["nudges"] == 2
    assert purge(now=now) == {"outbox": 0, "nudges": 0, "unanswered_alerts": 0, "submitted_forms": 0}


def test_the_weekly_task_purges(settings):
    with time_machine.travel(T0, tick=False):
        email("old", sent_at=T0)
    with time_machine.travel(YEAR_LATER, tick=False):
        result = purge_old_logs.delay().get()
    assert result["outbox"] == 1
    assert not OutboxMessage.objects.exists()


def test_beat_runs_the_purge_once_a_week():
    celery_app.finalize()
    entry = celery_app.conf.beat_schedule["purge"]
    assert entry["task"] == "lg_portal.tasks.purge_old_logs"
    schedule = entry["schedule"]
    assert schedule.day_of_week == {0} and len(schedule.hour) == 1 and len(schedule.minute) == 1


def test_an_account_email_with_its_live_link_is_forgotten_a_week_after_it_was_sent():
    with time_machine.travel(T0, tick=False):
        email("account:password_reset_key:1", kind="account", sent_at=T0)
        email("account:password_reset_key:2", kind="account")  # not sent yet: it stays
        email("ordinary", sent_at=T0)
    with time_machine.travel(T0 + timedelta(days=8), tick=False):
        purge()
    assert set(OutboxMessage.objects.values_list("key", flat=True)) == {"account:password_reset_key:2", "ordinary"}
