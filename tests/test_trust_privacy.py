"""Nothing personal left behind (issue 17): a deleted account's name and home address leave the
meetings they hosted, the calendar and the harvests; a data export holds what is about the person
and what they wrote, not other members' drift or catch-up notes; dietary notes reach the current host
and the facilitators only; a closed workgroup's activity stays inside it."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from engagement.models import Contact, Nudge
from impact.models import Harvest, ReturnEntry
from meetings.models import HostState, Meeting, Rsvp
from meetings.tests.factories import MeetingFactory
from participants import privacy
from participants.tests.factories import MembershipFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import ActivityFactory, WorkgroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def anouk(community):
    return MembershipFactory(community=community, user__name="Anouk de Vries", willing_to_host=True,
                             user__address="Dorpsstraat 12, Hellendoorn", user__phone="0612345678",
                             user__dietary_notes="Geen noten")


def test_a_deleted_hosts_name_and_home_address_leave_her_meetings_and_the_calendar(
        anouk, community, facilitator, facilitator_client):
    now = timezone.now()
    past = MeetingFactory(community=community, host=anouk, host_state=HostState.ACCEPTED, at_host_home=True,
                          venue="Bij Anouk de Vries thuis", address="Dorpsstraat 12, Hellendoorn",
                          starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30) + timedelta(hours=3))
    coming = MeetingFactory(community=community, host=anouk, host_state=HostState.ACCEPTED, at_host_home=True,
                            venue="Bij Anouk de Vries", address="Dorpsstraat 12, Hellendoorn",
                            starts_at=now + timedelta(days=20))
    privacy.account_delete(anouk.user)
    for meeting in (past, coming):
        meeting.refresh_from_db()
        assert meeting.address == "" and "Anouk" not in meeting.venue and not meeting.at_host_home
    assert coming.host is None  # someone else is asked
    assert past.host_id == anouk.pk  # the history stays, under "former participant"
    for meeting in (past, coming):
        page = facilitator_client.get(f"/c/{community.slug}/meetings/{meeting.pk}/")
        ics = facilitator_client.get(f"/c/{community.slug}/meetings/{meeting.pk}.ics")
        assert ics.status_code == 200
        for body in (page.text, ics.content.decode()):
            assert "Anouk" not in body and "Dorpsstraat" not in body and "0612345678" not in body


def test_a_deleted_members_name_leaves_the_harvests(anouk, community, facilitator):
    Harvest.objects.create(community=community, decision="continue", period_starts_on=timezone.localdate(),
                           period_ends_on=timezone.localdate(), decided_by=facilitator.user,
                           snapshot={"returns": {"entries": [{"people": ["Anouk de Vries", "Fay Facilitator"]}]},
                                     "strongest": [{"a": "Anouk de Vries", "b": "Fay Facilitator"}],
                                     "note": "Anouk de Vries bakte taart"})
    privacy.account_delete(anouk.user)
    snapshot = json.dumps(Harvest.objects.get().snapshot)
    assert '"Anouk de Vries"' not in snapshot and "Voormalig deelnemer" in snapshot and "Fay Facilitator" in snapshot


def test_a_facilitators_export_holds_no_other_members_drift_or_catch_up_notes(facilitator, participant):
    Contact.objects.create(membership=participant, by=facilitator, happened_at=timezone.now(),
                           note="Zit thuis met een burn-out")
    Nudge.objects.create(membership=participant, period=1, signed_by=facilitator, signals=["missed_plenaries"])
    Contact.objects.create(membership=facilitator, by=facilitator, happened_at=timezone.now(), note="Over mezelf")
    client = Client()
    client.force_login(facilitator.user)
    body = client.get("/settings/export.json").content.decode()
    assert "burn-out" not in body and "missed_plenaries" not in body
    assert "Over mezelf" in body
    # and the person it is about finds it in theirs
    client.force_login(participant.user)
    theirs = client.get("/settings/export.json").content.decode()
    assert "burn-out" in theirs and "missed_plenaries" in theirs


def test_dietary_notes_reach_the_current_host_not_one_who_declined(anouk, community):
    other = MembershipFactory(community=community, user__dietary_notes="Vegetarisch")
    meeting = MeetingFactory(community=community, host=anouk, host_state=HostState.DECLINED)
    Rsvp.objects.create(meeting=meeting, membership=other, answer="yes")
    client = Client()
    client.force_login(anouk.user)
    assert "Vegetarisch" not in client.get(f"/c/{community.slug}/meetings/{meeting.pk}/").text
    Meeting.objects.filter(pk=meeting.pk).update(host_state=HostState.ACCEPTED)
    assert "Vegetarisch" in client.get(f"/c/{community.slug}/meetings/{meeting.pk}/").text


def test_a_closed_workgroups_activity_stays_inside_it(participant_client, participant, community, facilitator):
    closed = WorkgroupFactory(community=community, closed=True, name="Vertrouwelijk")
    insider = MembershipFactory(community=community)
    WorkgroupMember.objects.create(workgroup=closed, membership=insider)
    activity = ActivityFactory(workgroup=closed, title="Gesprek met de wethouder over de Kerkstraat")
    ReturnEntry.objects.create(community=community, kind="concrete", title="Een subsidie", recorded_by=insider,
                               happened_on=timezone.localdate(), activity=activity, value_eur=Decimal("500"))
    ledger = participant_client.get(f"/c/{community.slug}/return/")
    assert "Een subsidie" in ledger.text and "wethouder" not in ledger.text
    client = Client()
    client.force_login(insider.user)
    assert "wethouder" in client.get(f"/c/{community.slug}/return/").text
    client.force_login(facilitator.user)
    export = client.get(f"/c/{community.slug}/export/returns.csv")
    assert export.status_code == 200 and "wethouder" not in export.content.decode("utf-8-sig")
