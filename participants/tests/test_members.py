import pytest

from participants.models import Membership, Suggestion
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_participant_suggests_someone_and_each_facilitator_gets_one_email(
    participant_client, community, facilitator, mailoutbox, django_capture_on_commit_callbacks
):
    second = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = participant_client.post(
            f"/c/{community.slug}/suggest/",
            {"name": "Henk Timmer", "email": "henk@example.org", "sector": "entrepreneur", "reason": "Kent iedereen"},
        )
    assert response.status_code == 302
    assert Suggestion.objects.get().state == "open"
    assert sorted(m.to[0] for m in mailoutbox) == sorted([facilitator.user.email, second.user.email])
    assert all(len(m.to) == 1 and not m.cc for m in mailoutbox)


def test_facilitator_sees_suggestion_and_can_invite_with_it_prefilled(facilitator_client, community, participant):
    suggestion = Suggestion.objects.create(community=community, suggested_by=participant.user, name="Henk Timmer",
                                           email="henk@example.org", reason="Kent iedereen")
    page = facilitator_client.get(f"/c/{community.slug}/invitations/?suggestion={suggestion.pk}")
    assert "Henk Timmer" in page.text and 'value="henk@example.org"' in page.text
    facilitator_client.post(f"/c/{community.slug}/invitations/",
                            {"email": "henk@example.org", "name": "Henk", "message": "Doe mee"})
    suggestion.refresh_from_db()
    assert suggestion.state == "invited"


def test_suggestion_without_reason_is_refused(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/suggest/", {"name": "Henk", "reason": ""})
    assert response.status_code == 200 and "Dit veld is verplicht" in response.text
    assert not Suggestion.objects.exists()


def test_facilitator_sets_roles_and_double_role_is_flagged(facilitator_client, community, participant):
    response = facilitator_client.post(
        f"/c/{community.slug}/members/{participant.pk}/roles/",
        {"is_facilitator": "on", "is_participant": "on", "is_core_group": "on"},
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.is_facilitator and participant.is_core_group and participant.double_role
    home = facilitator_client.get(f"/c/{community.slug}/")
    assert "zowel procesbegeleider als deelnemer" in home.text
    assert "dubbele rol" in facilitator_client.get(f"/c/{community.slug}/members/").text


def test_last_facilitator_cannot_drop_own_role(facilitator_client, community, facilitator):
    response = facilitator_client.post(f"/c/{community.slug}/members/{facilitator.pk}/roles/", {"is_participant": "on"})
    assert response.status_code == 200 and "minstens één procesbegeleider" in response.text
    facilitator.refresh_from_db()
    assert facilitator.is_facilitator


def test_roles_of_other_community_member_is_404(facilitator_client, community, outsider):
    assert facilitator_client.get(f"/c/{community.slug}/members/{outsider.pk}/roles/").status_code == 404


def test_participant_cannot_change_roles(participant_client, community, participant):
    response = participant_client.post(f"/c/{community.slug}/members/{participant.pk}/roles/",
                                       {"is_facilitator": "on"})
    assert response.status_code == 403
    participant.refresh_from_db()
    assert not participant.is_facilitator


def test_person_in_two_communities_has_different_roles(client, community, other_community):
    a = MembershipFactory(community=community, is_coordinator=True)
    b = MembershipFactory(community=other_community, user=a.user, is_facilitator=True, is_participant=False)
    client.force_login(a.user)
    assert "Coördinator" in client.get(f"/c/{community.slug}/").text
    assert "Procesbegeleider" in client.get(f"/c/{other_community.slug}/").text
    assert set(Membership.objects.filter(user=a.user).values_list("pk", flat=True)) == {a.pk, b.pk}


def test_profile_saves_hats_roles_commitment_and_hosting(participant_client, community, participant):
    response = participant_client.post(f"/c/{community.slug}/profile/", {
        "name": "Pia P.", "phone": "", "address": "Kerkstraat 1", "dietary_notes": "geen vis",
        "sector": "entrepreneur", "organisation": "Pia BV", "hats": "ondernemer, moeder",
        "group_roles": ["doer", "gadfly"], "motivation": "Omdat het moet", "expectations": "Nieuwe contacten",
        "committed_until": "2027-06-30", "hours_per_month": "6", "willing_to_host": "on",
    })
    assert response.status_code == 302
    participant.refresh_from_db()
    participant.user.refresh_from_db()
    assert participant.group_roles == ["doer", "gadfly"] and participant.willing_to_host
    assert participant.user.address == "Kerkstraat 1" and participant.user.dietary_notes == "geen vis"
    assert participant.hours_per_month == 6 and participant.user.name == "Pia P."


def test_profile_bad_input_keeps_what_was_typed(participant_client, community, participant):
    response = participant_client.post(f"/c/{community.slug}/profile/", {
        "name": "Pia", "hats": "ondernemer, moeder", "hours_per_month": "500", "motivation": "m" * 2001,
        "group_roles": ["not-a-role"],
    })
    assert response.status_code == 200
    assert "ondernemer, moeder" in response.text
    assert "200 uur" in response.text
    participant.refresh_from_db()
    assert participant.hats == ""


def test_ground_rules_accept_by_post_only_and_with_htmx(client, community):
    community.ground_rules = "Wees eerlijk."
    community.save()
    member = MembershipFactory(community=community, ground_rules_accepted_at=None)
    client.force_login(member.user)
    home = client.get(f"/c/{community.slug}/")
    assert "Spelregels lezen" in home.text
    client.get(f"/c/{community.slug}/ground-rules/")
    member.refresh_from_db()
    assert member.ground_rules_accepted_at is None
    response = client.post(f"/c/{community.slug}/ground-rules/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="acceptance"' in response.text and "<html" not in response.text
    member.refresh_from_db()
    assert member.ground_rules_accepted_at is not None


def test_home_lists_who_has_not_accepted_ground_rules(facilitator_client, community):
    community.ground_rules = "Wees eerlijk."
    community.save()
    MembershipFactory(community=community, user__name="Nog Niet", ground_rules_accepted_at=None)
    home = facilitator_client.get(f"/c/{community.slug}/")
    assert "Nog Niet" in home.text and "nog niet geaccepteerd" in home.text
