"""After the meeting: attendance (default from RSVP yes) and notes, by a facilitator or the host."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory


@pytest.fixture
def past_meeting(community):
    start = timezone.now() - timedelta(days=2)
    return MeetingFactory(community=community, starts_at=start, ends_at=start + timedelta(hours=4))


def url(meeting):
    return f"/c/lg-test/meetings/{meeting.pk}/attendance/"


def test_form_ticks_who_said_yes(facilitator_client, community, past_meeting):
    yes = RsvpFactory(meeting=past_meeting, answer="yes")
    RsvpFactory(meeting=past_meeting, answer="no")
    form = facilitator_client.get(url(past_meeting)).context["form"]
    assert form.initial["present"] == [str(yes.membership_id)]


def test_facilitator_records_attendance_and_notes(facilitator_client, community, past_meeting, participant):
    came = MembershipFactory(community=community)
    response = facilitator_client.post(url(past_meeting), {"present": [came.pk, participant.pk],
                                                           "notes": "Besloten: werkbezoek in maart."})
    assert response.status_code == 302
    assert set(Attendance.objects.values_list("membership_id", flat=True)) == {came.pk, participant.pk}
    past_meeting.refresh_from_db()
    assert past_meeting.attendance_recorded_at and "maart" in past_meeting.notes
    # Editable: a second save replaces the list.
    facilitator_client.post(url(past_meeting), {"present": [came.pk], "notes": past_meeting.notes})
    assert list(Attendance.objects.values_list("membership_id", flat=True)) == [came.pk]
    page = facilitator_client.get(f"/c/lg-test/meetings/{past_meeting.pk}/").content.decode()
    assert "1 aanwezige" in page and "maart" in page


def test_host_may_record(community, past_meeting):
    host = MembershipFactory(community=community, willing_to_host=True)
    past_meeting.host, past_meeting.host_state = host, "accepted"
    past_meeting.save()
    c = Client()
    c.force_login(host.user)
    assert c.get(url(past_meeting)).status_code == 200


def test_participant_may_not_record(participant_client, past_meeting):
    assert participant_client.get(url(past_meeting)).status_code == 403
    assert participant_client.post(url(past_meeting), {"present": []}).status_code == 403


def test_not_before_the_start(facilitator_client, community):
    future = MeetingFactory(community=community)
    response = facilitator_client.post(url(future), {"present": []})
    assert response.status_code == 302
    assert not Attendance.objects.exists()
    assert future.attendance_recorded_at is None


def test_members_of_other_communities_cannot_be_marked_present(facilitator_client, past_meeting, outsider):
    response = facilitator_client.post(url(past_meeting), {"present": [outsider.pk]})
    assert response.status_code == 200 and response.context["form"].errors["present"]
    assert not Attendance.objects.exists()


def test_other_community_is_404(outsider_client, past_meeting):
    assert outsider_client.get(url(past_meeting)).status_code == 404
