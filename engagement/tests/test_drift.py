"""The drift scan: each signal on data that triggers it and on data that does not."""

from datetime import timedelta

import pytest
from django.utils import translation

from engagement.drift import MISSED, NO_WORKGROUP, SILENT, UNANSWERED, drifting
from engagement.models import Contact, DriftSettings, Nudge
from lessons.tests.factories import ReflectionFactory
from meetings.models import MeetingKind
from participants.models import MemberStatus
from workgroups.models import Post, Reply, Workgroup, WorkgroupMember

from .drift_factories import NOW, member, plenary

pytestmark = pytest.mark.django_db


def signals(community=None, now=NOW):
    return {row.membership_id: {s.code: s for s in row.signals} for row in drifting(community=community, now=now)}


def codes(found, membership):
    return set(found.get(membership.pk, {}))


# --- missed plenaries ----------------------------------------------------------------------------------

def test_missing_the_last_two_held_plenaries_is_a_signal_with_a_readable_reason(community):
    away, there = member(community), member(community)
    plenary(community, days_ago=70, present=[away, there])
    first = plenary(community, days_ago=40, present=[there])
    plenary(community, days_ago=10, present=[there])
    found = signals(community)
    assert MISSED in codes(found, away) and MISSED not in codes(found, there)
    signal = found[away.pk][MISSED]
    assert signal.count == 2 and signal.since == first.starts_at
    with translation.override("nl"):
        assert "laatste 2 plenaire bijeenkomsten" in signal.reason


def test_one_missed_plenary_after_being_there_is_no_signal(community):
    m = member(community)
    plenary(community, days_ago=40, present=[m])
    plenary(community, days_ago=10)
    assert MISSED not in codes(signals(community), m)


def test_cancelled_unrecorded_and_workgroup_meetings_do_not_count_as_missed(community):
    m = member(community)
    workgroup = Workgroup.objects.create(community=community, name="Stages")
    WorkgroupMember.objects.create(workgroup=workgroup, membership=m)
    plenary(community, days_ago=60, present=[m])
    plenary(community, days_ago=40, cancelled=True)
    plenary(community, days_ago=20, recorded=False)
    plenary(community, days_ago=15, kind=MeetingKind.WORKGROUP, workgroup=workgroup)
    plenary(community, days_ago=10)
    plenary(community, days_ago=-5)  # not yet held
    assert MISSED not in codes(signals(community), m)


def test_plenaries_before_joining_or_before_a_logged_contact_do_not_count(community, facilitator):
    newcomer = member(community, weeks_ago=3)
    called = member(community)
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    Contact.objects.create(membership=called, by=facilitator, happened_at=NOW - timedelta(days=20))
    found = signals(community)
    assert MISSED not in codes(found, newcomer)
    assert MISSED not in codes(found, called)


def test_the_number_of_missed_plenaries_is_a_community_setting(community):
    m = member(community)
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    DriftSettings.objects.create(community=community, missed_plenaries=3)
    assert MISSED not in codes(signals(community), m)
    plenary(community, days_ago=70)
    assert signals(community)[m.pk][MISSED].count == 3


def test_an_answered_nudge_resets_the_count(community):
    m = member(community)
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    Nudge.objects.create(membership=m, period=1, sent_at=NOW - timedelta(days=8), answer="still_in",
                         answered_at=NOW - timedelta(days=7))
    assert MISSED not in codes(signals(community), m)


def test_signals_count_from_the_end_of_a_pause(community):
    m = member(community, paused_until=(NOW - timedelta(days=20)).date())
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    assert MISSED not in codes(signals(community), m)


# --- unanswered invitations ------------------------------------------------------------------------------

def test_no_answer_to_the_last_three_invitations_is_a_signal(community):
    quiet, answers = member(community), member(community)
    for days in (70, 40, 10):
        plenary(community, days_ago=days, recorded=False, answered=[answers], present=[quiet])
    found = signals(community)
    assert found[quiet.pk][UNANSWERED].count == 3
    assert UNANSWERED not in codes(found, answers)


def test_one_answer_among_the_last_three_invitations_is_no_signal(community):
    m = member(community)
    plenary(community, days_ago=70)
    plenary(community, days_ago=40, answered=[m])
    plenary(community, days_ago=10)
    plenary(community, days_ago=-3)  # the next one has not started: not yet unanswered
    assert UNANSWERED not in codes(signals(community), m)


# --- no sign of life -------------------------------------------------------------------------------------

def test_no_login_or_anything_for_six_weeks_is_silence(community):
    silent = member(community, login_days_ago=50)
    never = member(community, login_days_ago=None)
    active = member(community, login_days_ago=3)
    found = signals(community)
    assert SILENT in codes(found, silent) and SILENT in codes(found, never)
    assert SILENT not in codes(found, active)
    assert found[silent.pk][SILENT].count == 7
    assert found[silent.pk][SILENT].since == silent.user.last_login


@pytest.mark.parametrize("sign", ["rsvp", "post", "reply", "reflection", "attendance", "contact", "new"])
def test_any_recent_sign_of_life_is_no_silence(community, sign, facilitator):
    m = member(community, login_days_ago=60, weeks_ago=3 if sign == "new" else 20)
    recent = NOW - timedelta(days=5)
    if sign == "rsvp":
        meeting = plenary(community, days_ago=-10)
        meeting.rsvps.create(membership=m, answer="no", answered_at=recent)
    elif sign == "post":
        Post.objects.create(community=community, author=m, kind="question", title="?", body="Wie?", created_at=recent)
    elif sign == "reply":
        other = member(community)
        post = Post.objects.create(community=community, author=other, kind="question", title="?", body="Wie?",
                                   created_at=recent)
        Reply.objects.create(post=post, author=m, body="Ik", created_at=recent)
    elif sign == "reflection":
        reflection = ReflectionFactory(community=community, membership=m, activity__workgroup__community=community)
        reflection.created_at = recent
        reflection.save()
    elif sign == "attendance":
        plenary(community, days_ago=5, present=[m])
    elif sign == "contact":
        Contact.objects.create(membership=m, by=facilitator, happened_at=recent)
    assert SILENT not in codes(signals(community), m)


def test_silence_threshold_is_a_community_setting(community):
    m = member(community, login_days_ago=50)
    DriftSettings.objects.create(community=community, silent_weeks=8)
    assert SILENT not in codes(signals(community), m)


# --- no workgroup ----------------------------------------------------------------------------------------

def test_in_no_workgroup_while_there_are_active_ones_is_a_signal(community):
    outside, inside, newcomer = member(community), member(community), member(community, weeks_ago=2)
    workgroup = Workgroup.objects.create(community=community, name="Stages")
    Workgroup.objects.create(community=community, name="Oud", archived_at=NOW - timedelta(days=90))
    WorkgroupMember.objects.create(workgroup=workgroup, membership=inside)
    found = signals(community)
    assert found[outside.pk][NO_WORKGROUP].count == 1
    with translation.override("nl"):
        reason = found[outside.pk][NO_WORKGROUP].reason
        assert reason.startswith("Doet nu in geen enkele werkgroep mee") and "1 actief is" in reason
        assert "portaal" not in reason  # what the scan looks at is a note for developers, not for the reader
    assert NO_WORKGROUP not in codes(found, inside)
    assert NO_WORKGROUP not in codes(found, newcomer)


def test_only_archived_workgroups_or_only_an_archived_membership_count_right(community):
    m = member(community)
    archived = Workgroup.objects.create(community=community, name="Oud", archived_at=NOW - timedelta(days=90))
    WorkgroupMember.objects.create(workgroup=archived, membership=m)
    assert NO_WORKGROUP not in codes(signals(community), m)  # nothing active to join
    Workgroup.objects.create(community=community, name="Nieuw")
    assert NO_WORKGROUP in codes(signals(community), m)  # only in an archived one


# --- who is scanned --------------------------------------------------------------------------------------

def test_facilitators_stepped_out_and_deleted_accounts_are_never_listed(community):
    fac = member(community, login_days_ago=None, is_facilitator=True, is_participant=False)
    out = member(community, login_days_ago=None, status=MemberStatus.STEPPED_OUT)
    gone = member(community, login_days_ago=None)
    gone.user.is_active = False
    gone.user.save()
    found = signals(community)
    assert not ({fac.pk, out.pk, gone.pk} & set(found))


def test_one_community_at_a_time_or_all_running_ones(community, other_community):
    here, there = member(community, login_days_ago=None), member(other_community, login_days_ago=None)
    assert set(signals(community)) == {here.pk}
    assert {here.pk, there.pk} <= set(signals())
    other_community.ends_on = (NOW - timedelta(days=1)).date()
    other_community.save()
    assert there.pk not in signals()  # a community that ended nudges nobody


def test_a_stopped_community_nudges_nobody(community):
    m = member(community, login_days_ago=None)
    assert m.pk in signals(community)
    community.stopped_at = NOW - timedelta(days=1)
    community.save()
    assert signals(community) == {} and m.pk not in signals()
