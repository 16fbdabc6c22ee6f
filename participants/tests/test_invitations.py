from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from lg_portal.models import OutboxMessage
from participants.models import Invitation, Membership
from participants.tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db


def invite(client, community, **data):
    payload = {"email": "nieuw@example.org", "name": "Nina Nieuw", "message": "Jij kent de jongeren hier."}
    payload.update(data)
    return client.post(f"/c/{community.slug}/invitations/", payload)


def test_facilitator_invites_personally_one_email_with_message_and_link(
    facilitator_client, community, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(facilitator_client, community)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["nieuw@example.org"] and not mail.cc and not mail.bcc
    assert "Jij kent de jongeren hier." in mail.body
    assert f"/invite/{invitation.token}/" in mail.body
    html = mail.alternatives[0][0]
    assert f"/invite/{invitation.token}/" in html and "Jij kent de jongeren hier." in html
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_duplicate_invitation_is_refused_with_a_message(facilitator_client, community):
    invite(facilitator_client, community)
    response = invite(facilitator_client, community, email="NIEUW@example.org")
    assert response.status_code == 200
    assert "al een openstaande uitnodiging" in response.text
    assert Invitation.objects.count() == 1


def test_inviting_an_existing_member_is_refused(facilitator_client, participant, community):
    response = invite(facilitator_client, community, email=participant.user.email)
    assert "al lid" in response.text
    assert not Invitation.objects.exists()


def test_participant_cannot_invite(participant_client, community):
    assert invite(participant_client, community).status_code == 403
    assert not Invitation.objects.exists()


def test_other_community_cannot_invite_here(outsider_client, community, facilitator):
    assert invite(outsider_client, community).status_code == 404


def test_invitee_with_account_accepts_and_lands_in_community(client, community, facilitator):
    user = UserFactory(email="nieuw@example.org")
    invitation = InvitationFactory(community=community, email="nieuw@example.org", invited_by=facilitator.user)
    client.force_login(user)
    assert client.get(f"/invite/{invitation.token}/").status_code == 200
    assert not Membership.objects.filter(user=user).exists()  # nothing changes on GET
    response = client.post(f"/invite/{invitation.token}/")
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/profile/"
    membership = Membership.objects.get(user=user, community=community)
    assert membership.is_participant and not membership.is_facilitator
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_invitation_link_is_single_use(client, community):
    user = UserFactory(email="nieuw@example.org")
    invitation = InvitationFactory(community=community, email="nieuw@example.org")
    client.force_login(user)
    client.post(f"/invite/{invitation.token}/")
    response = client.post(f"/invite/{invitation.token}/")
    assert "al gebruikt" in response.text
    assert Membership.objects.filter(user=user).count() == 1


def test_expired_invitation_is_refused(client, community):
    user = UserFactory(email="nieuw@example.org")
    invitation = InvitationFactory(community=community, email="nieuw@example.org")
    client.force_login(user)
    with time_machine.travel(timezone.now() + timedelta(days=14, minutes=1)):
        response = client.post(f"/invite/{invitation.token}/")
    assert "verlopen" in response.text
    assert not Membership.objects.filter(user=user).exists()


def test_invitation_for_another_email_is_refused(client, community):
    user = UserFactory(email="iemand-anders@example.org")
    invitation = InvitationFactory(community=community, email="nieuw@example.org")
    client.force_login(user)
    response = client.post(f"/invite/{invitation.token}/")
    assert "ander e-mailadres" in response.text or "verstuurd naar" in response.text
    assert not Membership.objects.filter(user=user).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_unknown_token_is_404(client):
    assert client.get("/invite/not-a-token/").status_code == 404


def test_revoked_invitation_no_longer_works(facilitator_client, client, community):
    invitation = InvitationFactory(community=community, email="nieuw@example.org")
    facilitator_client.post(f"/c/{community.slug}/invitations/{invitation.pk}/revoke/")
    client.force_login(UserFactory(email="nieuw@example.org"))
    response = client.post(f"/invite/{invitation.token}/")
    assert "ingetrokken" in response.text
    assert not Membership.objects.filter(community=community, user__email="nieuw@example.org").exists()


def test_new_person_signs_up_from_the_link_without_a_second_verification(client, community, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    invitation = InvitationFactory(community=community, email="nieuw@example.org")
    client.get(f"/invite/{invitation.token}/")
    response = client.post(
        f"/accounts/signup/?next=/invite/{invitation.token}/",
        {"email": "nieuw@example.org", "name": "Nina Nieuw", "password1": "een-lang-wachtwoord-42",
         "password2": "een-lang-wachtwoord-42", "next": f"/invite/{invitation.token}/"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/invite/{invitation.token}/"
    response = client.post(f"/invite/{invitation.token}/")
    assert Membership.objects.filter(community=community, user__email="nieuw@example.org").exists()


def test_signup_without_invitation_must_verify_email(client, settings, mailoutbox,
                                                     django_capture_on_commit_callbacks):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/signup/",
            {"email": "los@example.org", "name": "Los", "password1": "een-lang-wachtwoord-42",
             "password2": "een-lang-wachtwoord-42"},
        )
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    assert len(mailoutbox) == 1
    # Like every email, the confirmation went through the outbox: the request only wrote a row.
    assert OutboxMessage.objects.get(kind="account").to == "los@example.org"
