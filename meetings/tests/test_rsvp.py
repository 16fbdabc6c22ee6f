"""RSVP: one click (htmx or a plain form), changeable until the start, one row per member."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Rsvp
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory


@pytest.fixture
def meeting(community):
    return MeetingFactory(community=community)


def url(meeting):
    return f"/c/{meeting.community.slug}/meetings/{meeting.pk}/rsvp/"


def test_rsvp_without_javascript_redirects_back(participant_client, participant, meeting):
    response = participant_client.post(url(meeting), {"answer": "yes"})
    assert response.status_code == 302
    assert Rsvp.objects.get().answer == "yes"
    page = participant_client.get(response["Location"]).content.decode()
    assert "Je antwoord is opgeslagen" in page


def test_rsvp_with_htmx_returns_the_fragment(participant_client, participant, meeting):
    response = participant_client.post(url(meeting), {"answer": "maybe"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="panel" id="rsvp"')
    assert 'aria-pressed="true"' in html and "<html" not in html
    assert "Misschien: 1" in html


def test_second_rsvp_updates_and_does_not_duplicate(participant_client, participant, meeting):
    participant_client.post(url(meeting), {"answer": "yes"})
    participant_client.post(url(meeting), {"answer": "no"})
    assert Rsvp.objects.count() == 1
    assert Rsvp.objects.get().answer == "no"


def test_rsvp_after_the_start_is_refused_without_javascript_too(participant_client, participant, community):
    meeting = MeetingFactory(community=community, starts_at=timezone.now() - timedelta(minutes=5))
    response = participant_client.post(url(meeting), {"answer": "yes"}, follow=True)
    assert "al begonnen" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_rsvp_after_the_start_is_refused(participant_client, participant, community):
    meeting = MeetingFactory(community=community, starts_at=timezone.now() - timedelta(minutes=5))
    response = participant_client.post(url(meeting), {"answer": "yes"}, headers={"HX-Request": "true"})
    assert response.status_code == 200  # htmx swaps only 2xx; the fragment carries the message
    assert 'role="alert"' in response.content.decode()
    assert "al begonnen" in response.content.decode()
    assert not Rsvp.objects.exists()


def test_rsvp_for_a_cancelled_meeting_is_refused(participant_client, participant, community):
    meeting = MeetingFactory(community=community, cancelled_at=timezone.now())
    participant_client.post(url(meeting), {"answer": "yes"})
    assert not Rsvp.objects.exists()


def test_bad_answer_is_refused(participant_client, meeting):
    response = participant_client.post(url(meeting), {"answer": "perhaps"}, headers={"HX-Request": "true"})
    assert "Kies ja, nee of misschien." in response.content.decode()
    assert not Rsvp.objects.exists()


def test_rsvp_from_other_community_is_404(outsider_client, meeting):
    assert outsider_client.post(url(meeting), {"answer": "yes"}).status_code == 404
    assert not Rsvp.objects.exists()


def test_rsvp_on_other_communitys_meeting_through_own_slug_is_404(participant_client, other_community):
    theirs = MeetingFactory(community=other_community)
    response = participant_client.post(f"/c/lg-test/meetings/{theirs.pk}/rsvp/", {"answer": "yes"})
    assert response.status_code == 404


def test_rsvp_is_post_only(participant_client, meeting):
    assert participant_client.get(url(meeting)).status_code == 405


def test_service_refuses_a_member_of_another_community(meeting, outsider):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.rsvp_set(meeting=meeting, membership=outsider, answer="yes")


def test_counts_by_answer_and_sector(participant_client, meeting, community):
    RsvpFactory(meeting=meeting, answer="yes", membership=MembershipFactory(community=community, sector="education"))
    RsvpFactory(meeting=meeting, answer="yes", membership=MembershipFactory(community=community, sector="education"))
    RsvpFactory(meeting=meeting, answer="yes", membership=MembershipFactory(community=community, sector="church"))
    RsvpFactory(meeting=meeting, answer="no", membership=MembershipFactory(community=community, sector="church"))
    html = participant_client.get(f"/c/lg-test/meetings/{meeting.pk}/").content.decode()
    assert "Ja: 3" in html and "Nee: 1" in html and "Misschien: 0" in html
    assert "Onderwijs: 2" in html and "Kerk: 1" in html


def test_only_host_and_facilitators_see_who_comes_with_dietary_notes(
        participant_client, facilitator_client, community, meeting):
    host = MembershipFactory(community=community, willing_to_host=True)
    meeting.host, meeting.host_state = host, "accepted"
    meeting.save()
    guest = MembershipFactory(community=community, user__name="Gijs Gast", user__dietary_notes="glutenvrij")
    RsvpFactory(meeting=meeting, membership=guest, answer="yes")
    from django.test import Client

    host_client = Client()
    host_client.force_login(host.user)
    for client in (host_client, facilitator_client):
        html = client.get(f"/c/lg-test/meetings/{meeting.pk}/").content.decode()
        assert "glutenvrij" in html and "Gijs Gast" in html
    html = participant_client.get(f"/c/lg-test/meetings/{meeting.pk}/").content.decode()
    assert "glutenvrij" not in html and "Gijs Gast" not in html
