import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participants.models import Membership
from participants.tests.factories import MembershipFactory
from workgroups import services
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db


def url(wg, action):
    return f"/c/{wg.community.slug}/workgroups/{wg.pk}/{action}/"


def is_in(wg, membership):
    return WorkgroupMember.objects.filter(workgroup=wg, membership=membership).exists()


def test_join_without_htmx_redirects_to_the_list_with_a_message(participant_client, participant, community):
    wg = WorkgroupFactory(community=community, name="Stages")
    response = participant_client.post(url(wg, "join"), {"from": "list"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/c/{community.slug}/workgroups/"
    assert "Je doet nu mee met Stages." in response.text
    assert is_in(wg, participant)


def test_join_from_the_page_without_htmx_goes_back_to_the_page(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    response = participant_client.post(url(wg, "join"), {"from": "page"})
    assert response.status_code == 302
    assert response["Location"] == f"/c/{community.slug}/workgroups/{wg.pk}/"


def test_join_with_htmx_returns_the_card_with_a_leave_button(participant_client, participant, community):
    wg = WorkgroupFactory(community=community, name="Stages")
    response = participant_client.post(url(wg, "join"), {"from": "list"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="wg-{wg.pk}"' in response.text
    assert "<html" not in response.text
    assert url(wg, "leave") in response.text
    assert 'role="status"' in response.text
    assert is_in(wg, participant)


def test_join_with_htmx_from_the_page_returns_the_page_body(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    response = participant_client.post(url(wg, "join"), {"from": "page"}, HTTP_HX_REQUEST="true")
    assert 'id="workgroup-main"' in response.text
    assert "<html" not in response.text
    assert "Pia Participant" in response.text


def test_leave_without_htmx(participant_client, participant, community):
    wg = WorkgroupFactory(community=community, name="Stages")
    WorkgroupMember.objects.create(workgroup=wg, membership=participant)
    response = participant_client.post(url(wg, "leave"), {"from": "list"}, follow=True)
    assert "Je hebt Stages verlaten." in response.text
    assert not is_in(wg, participant)


def test_leave_with_htmx_returns_the_card_with_a_join_button(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    WorkgroupMember.objects.create(workgroup=wg, membership=participant)
    response = participant_client.post(url(wg, "leave"), {"from": "list"}, HTTP_HX_REQUEST="true")
    assert url(wg, "join") in response.text
    assert not is_in(wg, participant)


def test_join_and_leave_are_post_only(participant_client, community):
    wg = WorkgroupFactory(community=community)
    assert participant_client.get(url(wg, "join")).status_code == 405
    assert participant_client.get(url(wg, "leave")).status_code == 405


def test_joining_an_archived_workgroup_is_refused_with_a_message(participant_client, participant, community):
    wg = WorkgroupFactory(community=community, archived_at=timezone.now())
    response = participant_client.post(url(wg, "join"), {"from": "list"}, follow=True)
    assert "gearchiveerd" in response.text
    assert not is_in(wg, participant)
    response = participant_client.post(url(wg, "join"), {"from": "list"}, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.text and "gearchiveerd" in response.text


def test_joining_twice_is_refused_and_leaves_one_row(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    participant_client.post(url(wg, "join"))
    response = participant_client.post(url(wg, "join"), follow=True)
    assert "Je doet al mee met deze werkgroep." in response.text
    assert WorkgroupMember.objects.filter(workgroup=wg, membership=participant).count() == 1


def test_leaving_a_workgroup_you_are_not_in_is_refused(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    other = member_of(wg)
    response = participant_client.post(url(wg, "leave"), follow=True)
    assert "Je doet niet mee met deze werkgroep" in response.text
    assert is_in(wg, other)


def test_joining_a_closed_workgroup_directly_is_refused(participant_client, participant, community):
    wg = WorkgroupFactory(community=community, closed=True)
    response = participant_client.post(url(wg, "join"), follow=True)
    assert "vraag of je mee mag doen" in response.text
    assert not is_in(wg, participant)


def test_joining_a_workgroup_of_another_community_is_404(outsider_client, outsider, community):
    wg = WorkgroupFactory(community=community)
    assert outsider_client.post(f"/c/{outsider.community.slug}/workgroups/{wg.pk}/join/").status_code == 404
    assert outsider_client.post(url(wg, "join")).status_code == 404
    assert not WorkgroupMember.objects.exists()


def test_anonymous_visitor_cannot_join(anon_client, community):
    wg = WorkgroupFactory(community=community)
    response = anon_client.post(url(wg, "join"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not WorkgroupMember.objects.exists()


def test_joining_the_core_group_takes_no_role_and_leaving_gives_it_up(participant):
    core = WorkgroupFactory(community=participant.community, is_core_group=True, name="Kerngroep")
    with pytest.raises(ValidationError, match="procesbegeleider"):
        services.workgroup_join(workgroup=core, membership=participant)
    assert not Membership.objects.get(pk=participant.pk).is_core_group
    participant.is_core_group = True  # given on the roles page; the workspace follows
    participant.save(update_fields=["is_core_group"])
    services.workgroup_join(workgroup=core, membership=participant)
    services.workgroup_leave(workgroup=core, membership=participant)
    assert not Membership.objects.get(pk=participant.pk).is_core_group  # giving up one's own role


def test_joining_another_workgroup_leaves_the_core_group_role_alone(participant):
    wg = WorkgroupFactory(community=participant.community)
    services.workgroup_join(workgroup=wg, membership=participant)
    services.workgroup_leave(workgroup=wg, membership=participant)
    assert not Membership.objects.get(pk=participant.pk).is_core_group


def test_service_refuses_a_member_of_another_community(outsider, community):
    wg = WorkgroupFactory(community=community)
    with pytest.raises(ValidationError):
        services.workgroup_join(workgroup=wg, membership=outsider)


def test_any_participant_proposes_a_workgroup_and_is_its_first_member(participant_client, participant, community):
    response = participant_client.post(f"/c/{community.slug}/workgroups/new/",
                                       {"name": "Stageplekken", "theme": "Meer stages bij ondernemers"})
    wg = participant.workgroup_memberships.get().workgroup
    assert response["Location"] == f"/c/{community.slug}/workgroups/{wg.pk}/"
    assert wg.name == "Stageplekken" and wg.created_by == participant.user and not wg.is_core_group


def test_proposing_a_duplicate_name_keeps_the_input_and_explains(participant_client, community):
    WorkgroupFactory(community=community, name="Stageplekken")
    response = participant_client.post(f"/c/{community.slug}/workgroups/new/", {"name": "stageplekken",
                                                                                "theme": "mijn thema"})
    assert response.status_code == 200
    assert "Er is al een werkgroep met deze naam." in response.text
    assert "mijn thema" in response.text


def test_proposing_without_a_name_is_refused(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/workgroups/new/", {"name": "  ", "theme": "x"})
    assert response.status_code == 200
    assert 'role="alert"' in response.text


def test_a_participant_cannot_mark_a_new_workgroup_as_core_group(participant):
    with pytest.raises(ValidationError):
        services.workgroup_propose(community=participant.community, by=participant, name="Kern",
                                   is_core_group=True)


def test_facilitator_sets_up_the_core_group_without_joining_it(facilitator_client, facilitator, community):
    response = facilitator_client.post(f"/c/{community.slug}/workgroups/new/",
                                       {"name": "Kerngroep", "theme": "Plenaires voorbereiden", "is_core_group": "on"})
    assert response.status_code == 302
    wg = community.workgroups.get()
    assert wg.is_core_group and not wg.members.exists()


def test_facilitator_and_core_group_archive_a_workgroup_participant_cannot(
        participant_client, facilitator_client, core_client, community, facilitator, core_member, participant):
    wg = WorkgroupFactory(community=community)
    participant_client.post(url(wg, "archive"))
    wg.refresh_from_db()
    assert wg.archived_at is None
    facilitator_client.post(url(wg, "archive"))
    wg.refresh_from_db()
    assert wg.archived_at is not None
    core_client.post(url(wg, "archive"), {"action": "reopen"})
    wg.refresh_from_db()
    assert wg.archived_at is None


def test_the_core_group_cannot_be_archived(facilitator):
    core = WorkgroupFactory(community=facilitator.community, is_core_group=True)
    with pytest.raises(ValidationError):
        services.workgroup_archive(workgroup=core, by=facilitator)


def test_stepped_out_members_are_not_listed(participant_client, community):
    wg = WorkgroupFactory(community=community)
    member_of(wg, user__name="Gone Person", status="stepped_out")
    member_of(wg, user__name="Still Here")
    response = participant_client.get(f"/c/{community.slug}/workgroups/")
    assert "Still Here" in response.text and "Gone Person" not in response.text


def test_list_shows_members_sectors_and_core_group_first(participant_client, community):
    wg = WorkgroupFactory(community=community, name="Aaa")
    core = WorkgroupFactory(community=community, name="Zzz kern", is_core_group=True)
    member_of(wg, user__name="Eva Ondernemer", sector="entrepreneur")
    member_of(core, user__name="Kim Kern")
    text = participant_client.get(f"/c/{community.slug}/workgroups/").text
    assert text.index("Zzz kern") < text.index("Aaa")
    assert "Eva Ondernemer" in text and "Ondernemer (1)" in text
    assert "nog niet gepland" in text


def test_member_of_other_community_with_same_user_joins_nothing_here(participant, other_community):
    elsewhere = MembershipFactory(community=other_community, user=participant.user)
    wg = WorkgroupFactory(community=participant.community)
    with pytest.raises(ValidationError):
        services.workgroup_join(workgroup=wg, membership=elsewhere)


def test_core_group_sync_follows_the_role_flags(community):
    core = WorkgroupFactory(community=community, is_core_group=True)
    flagged = MembershipFactory(community=community, is_core_group=True)
    unflagged = member_of(core)
    assert services.core_group_sync(community=community) == (1, 1)
    assert list(core.members.values_list("membership", flat=True)) == [flagged.pk]
    assert not is_in(core, unflagged)
    assert services.core_group_sync(community=community) == (0, 0)
