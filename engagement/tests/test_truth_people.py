"""Issue 16, people: what the portal tells facilitators about who drifts away is true and complete.
One test per bug found on the demo:
1. a logged contact made the person vanish for good: a person's page keeps the history, and a follow-up
   date brings them back on the catch-up list;
2. a nudge answer could never be changed;
3. the facilitators were not told when someone paused or stepped out;
4. "no" to an invitation counted as not turning up;
5. the compass and the catch-up list must count the same people;
6. only facilitators see who drifts; members see how many."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from engagement import drift, emails, selectors
from engagement.models import Contact, Nudge, NudgeAnswer
from lessons import selectors as lessons_selectors
from lg_portal.models import OutboxMessage
from meetings.models import Rsvp
from participants.models import EmailPreference, MemberStatus
from participants.tests.factories import MembershipFactory

from .drift_factories import NOW, member, plenary

pytestmark = pytest.mark.django_db


def person_url(community, membership):
    return f"/c/{community.slug}/catch-up/{membership.pk}/"


def list_url(community):
    return f"/c/{community.slug}/catch-up/"


def silent(community, name):
    """Someone who joined long ago and never logged in: drifts (no sign of life)."""
    return MembershipFactory(community=community, joined_at=timezone.now() - timedelta(weeks=20),
                             user__last_login=None, user__name=name)


# --- 1. the person's page and the follow-up -----------------------------------------------------------

def test_a_logged_contact_stays_readable_and_a_follow_up_brings_the_person_back(
        facilitator_client, community, facilitator, time_machine):
    peter = silent(community, "Peter Lammers")
    page = facilitator_client.get(list_url(community)).content.decode()
    assert f'href="{person_url(community, peter)}"' in page  # the name links to the person's page

    follow_up = timezone.localdate() + timedelta(days=10)
    response = facilitator_client.post(person_url(community, peter), {
        "note": "Gebeld: drukke maand op het werk", "channel": "phone", "follow_up_on": follow_up.isoformat()})
    assert response.status_code == 302 and response["Location"] == person_url(community, peter)
    contact = Contact.objects.get()
    assert (contact.by, contact.channel, contact.follow_up_on) == (facilitator, "phone", follow_up)

    # Off the list of people drifting, but waiting for the follow-up, and the history is on their page.
    catch_up = selectors.catch_up(community=community)
    assert [p["membership"] for p in catch_up["people"]] == []
    page = facilitator_client.get(list_url(community)).content.decode()
    assert f'id="catch-up-{peter.pk}"' not in page
    assert "opvolgen op" in page and "Peter Lammers" in page
    page = facilitator_client.get(person_url(community, peter)).content.decode()
    assert "Gebeld: drukke maand op het werk" in page and "Fay Facilitator" in page and "Gebeld" in page
    assert timezone.localdate().strftime("%Y") in page

    # The day comes: back on the list, with the follow-up as the reason.
    time_machine.move_to(timezone.now() + timedelta(days=10))
    people = selectors.catch_up(community=community)["people"]
    assert [p["membership"] for p in people] == [peter]
    assert [s.code for s in people[0]["signals"]] == [drift.FOLLOW_UP]
    page = facilitator_client.get(list_url(community)).content.decode()
    assert f'id="catch-up-{peter.pk}"' in page and "weer contact op te nemen" in page
    # A new contact without a follow-up closes it.
    facilitator_client.post(person_url(community, peter), {"note": "Bijgepraat"})
    assert selectors.catch_up(community=community)["people"] == []
    assert Contact.objects.count() == 2


def test_the_person_page_is_for_this_communitys_facilitators_and_get_changes_nothing(
        facilitator_client, participant_client, outsider_client, community, other_community, participant):
    stranger = MembershipFactory(community=other_community)
    assert facilitator_client.get(person_url(community, stranger)).status_code == 404
    assert outsider_client.get(person_url(community, participant)).status_code == 404
    assert participant_client.get(person_url(community, participant)).status_code == 403
    assert participant_client.post(person_url(community, participant), {"note": "x"}).status_code == 403
    assert facilitator_client.get(person_url(community, participant), {"note": "x"}).status_code == 200
    assert not Contact.objects.exists()


def test_a_follow_up_date_must_come_after_today(facilitator_client, community, participant):
    response = facilitator_client.post(person_url(community, participant), {
        "note": "Gebeld", "follow_up_on": timezone.localdate().isoformat()})
    assert response.status_code == 400 and "na vandaag" in response.content.decode()
    assert not Contact.objects.exists()


def test_the_person_page_costs_the_same_queries_however_long_the_history(facilitator_client, community, facilitator,
                                                                         participant):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert facilitator_client.get(person_url(community, participant)).status_code == 200
        return len(ctx.captured_queries)

    Contact.objects.create(membership=participant, by=facilitator, note="eerste")
    few = count()
    for i in range(10):
        Contact.objects.create(membership=participant, by=facilitator, note=f"contact {i}", channel="email",
                               follow_up_on=timezone.localdate() + timedelta(days=3))
        Nudge.objects.create(membership=participant, period=i + 1, signed_by=facilitator)
    assert count() == few


# --- 2. a nudge answer can change until the next nudge -------------------------------------------------

def _link(nudge, answer):
    url = emails.nudge_url(nudge, answer)
    return url[url.index("/nudge/"):]


def test_a_nudge_answer_can_be_changed_from_the_same_links_and_the_last_counts(participant, facilitator, anon_client):
    nudge = Nudge.objects.create(membership=participant, period=1, signed_by=facilitator)
    anon_client.post(_link(nudge, NudgeAnswer.STILL_IN))
    # The pause link now says what was answered and offers the change; GET changes nothing.
    page = anon_client.get(_link(nudge, NudgeAnswer.PAUSE)).content.decode()
    assert "Je antwoordde eerder op" in page and "je doet nog mee" in page and 'method="post"' in page
    nudge.refresh_from_db()
    assert nudge.answer == NudgeAnswer.STILL_IN

    until = timezone.localdate() + timedelta(days=30)
    assert anon_client.post(_link(nudge, NudgeAnswer.PAUSE), {"pause_until": until.isoformat()}).status_code == 302
    nudge.refresh_from_db()
    participant.refresh_from_db()
    assert (nudge.answer, nudge.pause_until) == (NudgeAnswer.PAUSE, until)
    assert (participant.status, participant.paused_until) == (MemberStatus.PAUSED, until)
    said = anon_client.get(_link(nudge, NudgeAnswer.PAUSE)).content.decode()
    # It says what was chosen in words that read right, not the button's "Pauzeer me tot ..." and a date.
    assert f"je pauzeert tot en met {date_format(until, 'j F Y')}" in said
    assert "Je antwoord is vastgelegd op" in said and "Pauzeer me tot ..." not in said

    assert anon_client.post(_link(nudge, NudgeAnswer.STEP_OUT), {"confirm": "on"}).status_code == 302
    participant.refresh_from_db()
    assert participant.status == MemberStatus.STEPPED_OUT and participant.paused_until is None

    assert anon_client.post(_link(nudge, NudgeAnswer.STILL_IN)).status_code == 302  # taken back
    nudge.refresh_from_db()
    participant.refresh_from_db()
    assert (nudge.answer, nudge.pause_until) == (NudgeAnswer.STILL_IN, None)
    assert (participant.status, participant.paused_until) == (MemberStatus.ACTIVE, None)


# --- 3. one email to the facilitators ------------------------------------------------------------------

def test_the_facilitators_get_one_email_when_someone_pauses_or_steps_out(community, participant, facilitator,
                                                                         anon_client):
    quiet = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
    EmailPreference.objects.create(user=quiet.user, alerts=False)  # switched alerts off
    nudge = Nudge.objects.create(membership=participant, period=1, signed_by=facilitator)
    until = timezone.localdate() + timedelta(days=30)
    anon_client.post(_link(nudge, NudgeAnswer.PAUSE), {"pause_until": until.isoformat()})
    anon_client.post(_link(nudge, NudgeAnswer.PAUSE), {"pause_until": until.isoformat()})  # a second click
    told = OutboxMessage.objects.filter(kind="member_status")
    assert [(m.to, "pauzeert" in m.subject) for m in told] == [(facilitator.user.email, True)]
    assert "Pia Participant" in told[0].subject and until.strftime("%Y") in told[0].text

    anon_client.post(_link(nudge, NudgeAnswer.STEP_OUT), {"confirm": "on"})
    told = OutboxMessage.objects.filter(kind="member_status").order_by("pk")
    assert len(told) == 2 and "stapt uit" in told[1].subject and told[1].to == facilitator.user.email


# --- 4. "no" to an invitation is not a no-show ---------------------------------------------------------

def test_saying_no_in_advance_is_not_missing_a_meeting(community):
    regrets, away, there = member(community), member(community), member(community)
    for days in (40, 10):
        meeting = plenary(community, days_ago=days, present=[there], answered=[there])
        Rsvp.objects.create(meeting=meeting, membership=regrets, answer="no",
                            answered_at=meeting.starts_at - timedelta(days=3))
    found = {row.membership_id: {s.code for s in row.signals} for row in drift.drifting(community=community, now=NOW)}
    assert drift.MISSED in found.get(away.pk, set())
    assert drift.MISSED not in found.get(regrets.pk, set())
    assert there.pk not in found


# --- 5. the compass and the catch-up list agree --------------------------------------------------------

@time_machine.travel(NOW, tick=False)
def test_the_compass_counts_exactly_the_catch_up_list(community, facilitator):
    there, away, regrets, called, paused, follow_up = (member(community) for _ in range(6))
    silent_one = member(community, login_days_ago=None)
    for days in (40, 10):
        meeting = plenary(community, days_ago=days, present=[there, called, follow_up, paused],
                          answered=[there, called])
        Rsvp.objects.create(meeting=meeting, membership=regrets, answer="no", answered_at=meeting.starts_at)
    Contact.objects.create(membership=called, by=facilitator, happened_at=NOW - timedelta(days=2))
    Contact.objects.create(membership=follow_up, by=facilitator, happened_at=NOW - timedelta(days=20),
                           follow_up_on=NOW.date() - timedelta(days=1))
    paused.status, paused.paused_until = MemberStatus.PAUSED, None
    paused.save()
    listed = selectors.catch_up(community=community, now=NOW)["people"]
    check = lessons_selectors.compass_checks(community=community, now=NOW)["drift"]
    names = {p["membership"].user.name for p in listed}
    assert {away.user.name, silent_one.user.name, follow_up.user.name} <= names
    assert there.user.name not in names and regrets.user.name not in names and called.user.name not in names
    assert check.evidence.startswith(f"{len(listed)} ")
    assert len(check.details) == len(listed) == selectors.drifting_count(community=community, now=NOW)
    assert set(check.details) == names
    assert check.evidence_url == f"/c/{community.slug}/catch-up/"  # the evidence, for the facilitators


# --- 6. names for the facilitators, the count for everyone ---------------------------------------------

def test_members_see_how_many_drift_and_only_facilitators_see_who(community, facilitator, facilitator_client,
                                                                 participant_client):
    silent(community, "Thijs Dekker")
    for client, sees in ((participant_client, False), (facilitator_client, True)):
        compass = client.get(f"/c/{community.slug}/compass/").content.decode()
        home = client.get(f"/c/{community.slug}/").content.decode()
        assert "1 persoon zakt mogelijk weg" in compass
        assert ("Thijs Dekker" in compass) is sees
        assert "1 persoon zakt mogelijk weg" in home
        assert ("Thijs Dekker" in home) is sees
    # The harvest keeps the count, for everyone, and no names (not even the facilitators' view of it).
    for client in (participant_client, facilitator_client):
        harvest = client.get(f"/c/{community.slug}/harvest/preview/").content.decode()
        assert "1 persoon zakt mogelijk weg" in harvest and "Thijs Dekker" not in harvest


def test_the_contact_form_speaks_the_pages_language_and_keeps_what_was_typed(facilitator_client, community,
                                                                             participant):
    page = facilitator_client.get(person_url(community, participant)).content.decode()
    assert "Select an option" not in page and "Niet ingevuld" in page
    response = facilitator_client.post(person_url(community, participant), {
        "note": "Gebeld over de stage", "channel": "phone", "follow_up_on": "2000-01-01"})
    assert response.status_code == 400
    assert 'value="Gebeld over de stage"' in response.content.decode()


def test_someone_who_stepped_out_is_told_so_on_the_communitys_pages_not_a_bare_404(community, participant):
    from django.test import Client

    participant.status = MemberStatus.STEPPED_OUT
    participant.save(update_fields=["status"])
    client = Client()
    client.force_login(participant.user)
    response = client.get(f"/c/{community.slug}/")
    assert response.status_code == 403
    assert "Je bent uit LG Test gestapt" in response.text and "opnieuw uit te nodigen" in response.text
    assert client.get("/c/some-other/").status_code == 404
