import json

import pytest
from django.test import Client

from participants.models import Membership, User

pytestmark = pytest.mark.django_db


def test_person_downloads_all_their_data_as_json(participant_client, participant):
    participant.user.address = "Kerkstraat 1"
    participant.user.save()
    response = participant_client.get("/settings/export.json")
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["account"]["email"] == participant.user.email and data["account"]["address"] == "Kerkstraat 1"
    assert "password" not in data["account"] and "feed_token" not in data["account"]
    assert data["records"]["participants.Membership"][0]["id"] == participant.pk


def test_deleting_the_account_ends_sessions_and_keeps_contributions_anonymous(participant, community):
    client = Client()
    client.force_login(participant.user)
    other_device = Client()
    other_device.force_login(participant.user)
    old_token = participant.user.feed_token
    page = client.post("/settings/delete/", {"confirm": "on"})
    assert page.status_code == 302
    user = User.objects.get(pk=participant.user.pk)
    assert user.name == "Voormalig deelnemer" and "@invalid.example" in user.email and not user.is_active
    assert user.feed_token != old_token and not user.has_usable_password()
    assert Membership.objects.get(pk=participant.pk).status == "stepped_out"
    assert other_device.get(f"/c/{community.slug}/").status_code == 302  # logged out everywhere


def test_delete_needs_confirmation(participant_client, participant):
    participant_client.post("/settings/delete/", {})
    participant.user.refresh_from_db()
    assert participant.user.is_active


def test_facilitator_removes_a_member_after_confirming(facilitator_client, community, participant):
    page = facilitator_client.get(f"/c/{community.slug}/members/{participant.pk}/remove/")
    assert page.status_code == 200
    participant.refresh_from_db()
    assert participant.status == "active"
    facilitator_client.post(f"/c/{community.slug}/members/{participant.pk}/remove/")
    participant.refresh_from_db()
    assert participant.status == "stepped_out" and not participant.is_participant or participant.status == "stepped_out"


def test_participant_cannot_remove_others(participant_client, community, core_member):
    assert participant_client.post(f"/c/{community.slug}/members/{core_member.pk}/remove/").status_code == 403


def test_privacy_page_is_public(anon_client):
    assert "Wat we bewaren" in anon_client.get("/privacy/").text
