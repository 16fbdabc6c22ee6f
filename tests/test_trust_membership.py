"""A stopped community takes no new members or marketplace entries, through old links too; someone
who stepped out can be invited back (issue 17)."""

import pytest
from django.utils import timezone

from marketplace.models import Entry
from marketplace.tests.factories import MarketplaceFactory
from marketplace.tests.test_public_entry import confirm_url, submit
from participants.models import Invitation, Membership, MemberStatus
from participants.tests.factories import InvitationFactory, UserFactory
from participants.tests.test_invitations import invite

pytestmark = pytest.mark.django_db


def _stop(community):
    community.stopped_at = timezone.now()
    community.save(update_fields=["stopped_at"])


def test_an_old_invitation_to_a_stopped_community_makes_no_member(client, community):
    user = UserFactory(email="laat@example.org")
    invitation = InvitationFactory(community=community, email=user.email)
    _stop(community)
    client.force_login(user)
    assert "gestopt" in client.get(f"/invite/{invitation.token}/").text  # said before anyone clicks
    response = client.post(f"/invite/{invitation.token}/", follow=True)
    assert "gestopt" in response.text
    assert not Membership.objects.filter(community=community, user=user).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_stopped_community_refuses_marketplace_entries_and_their_confirmation(
        anon_client, community, mailoutbox, django_capture_on_commit_callbacks):
    marketplace = MarketplaceFactory(community=community, workgroup__community=community)
    with django_capture_on_commit_callbacks(execute=True):
        submit(anon_client, marketplace)
    url = confirm_url(mailoutbox[0])
    _stop(community)
    response = anon_client.post(url)
    assert "gestopt" in response.text
    assert Entry.objects.get().confirmed_at is None
    response = submit(anon_client, marketplace, email="tweede@example.org")
    assert response.status_code in (200, 400) and "gestopt" in response.text
    assert Entry.objects.count() == 1


def test_someone_who_stepped_out_can_be_invited_back(facilitator_client, participant, community, client):
    participant.status = MemberStatus.STEPPED_OUT
    participant.save(update_fields=["status"])
    response = invite(facilitator_client, community, email=participant.user.email)
    assert response.status_code == 302
    invitation = Invitation.objects.get(email=participant.user.email)
    client.force_login(participant.user)
    client.post(f"/invite/{invitation.token}/")
    participant.refresh_from_db()
    assert participant.status == MemberStatus.ACTIVE
    assert timezone.now() - participant.joined_at < timezone.timedelta(minutes=1)
    assert Membership.objects.filter(community=community, user=participant.user).count() == 1


def test_an_active_or_paused_member_is_still_not_invited_twice(facilitator_client, participant, community):
    for status in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        participant.status = status
        participant.save(update_fields=["status"])
        response = invite(facilitator_client, community, email=participant.user.email)
        assert "al lid" in response.text
    assert not Invitation.objects.exists()
