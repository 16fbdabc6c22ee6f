from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lg_portal import registry
from participants.tests.factories import MembershipFactory
from workgroups import selectors, services
from workgroups.models import Activity, ActivityKind
from workgroups.tests.factories import ActivityFactory, WorkgroupFactory

pytestmark = pytest.mark.django_db


def test_member_records_an_activity_with_participants(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    services.workgroup_join(workgroup=wg, membership=participant)
    guest = MembershipFactory(community=community, user__name="Gast Uit Andere Werkgroep")
    response = participant_client.post(f"/c/{community.slug}/workgroups/{wg.pk}/activities/new/", {
        "kind": "match", "title": "Bakker neemt stagiair", "happened_on": timezone.localdate().isoformat(),
        "outcome": "Een stageplek.", "participants": [participant.pk, guest.pk]})
    activity = Activity.objects.get()
    assert response["Location"] == f"/c/{community.slug}/activities/{activity.pk}/"
    assert activity.community == community and activity.kind == ActivityKind.MATCH
    assert set(activity.participants.all()) == {participant, guest}
    page = participant_client.get(response["Location"]).text
    assert "Nieuwe match" in page and "Gast Uit Andere Werkgroep" in page


def test_every_kind_of_activity_can_be_recorded(participant):
    wg = WorkgroupFactory(community=participant.community)
    services.workgroup_join(workgroup=wg, membership=participant)
    for kind in ActivityKind.values:
        services.activity_record(workgroup=wg, by=participant, kind=kind, title=kind, happened_on=date(2026, 1, 5))
    assert Activity.objects.count() == len(ActivityKind.values) == 6


def test_non_member_cannot_record(participant):
    wg = WorkgroupFactory(community=participant.community)
    with pytest.raises(ValidationError):
        services.activity_record(workgroup=wg, by=participant, kind="meeting", title="x", happened_on=date(2026, 1, 5))
    assert not Activity.objects.exists()


def test_participants_from_another_community_are_refused(participant, outsider):
    wg = WorkgroupFactory(community=participant.community)
    services.workgroup_join(workgroup=wg, membership=participant)
    with pytest.raises(ValidationError):
        services.activity_record(workgroup=wg, by=participant, kind="meeting", title="x",
                                 happened_on=date(2026, 1, 5), participants=[outsider])
    assert not Activity.objects.exists()


def test_form_offers_only_this_communitys_members(participant_client, participant, community, outsider):
    wg = WorkgroupFactory(community=community)
    services.workgroup_join(workgroup=wg, membership=participant)
    response = participant_client.post(f"/c/{community.slug}/workgroups/{wg.pk}/activities/new/", {
        "kind": "meeting", "title": "Overleg", "happened_on": "2026-01-05", "participants": [outsider.pk]})
    assert response.status_code == 200 and 'role="alert"' in response.text
    assert not Activity.objects.exists()


def test_a_future_activity_is_refused_with_a_pointer_to_meetings(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    services.workgroup_join(workgroup=wg, membership=participant)
    tomorrow = timezone.localdate() + timedelta(days=2)
    response = participant_client.post(f"/c/{community.slug}/workgroups/{wg.pk}/activities/new/", {
        "kind": "workshop", "title": "Later", "happened_on": tomorrow.isoformat()})
    assert "Bijeenkomsten" in response.text
    assert not Activity.objects.exists()


def test_recording_in_an_archived_workgroup_is_refused(participant):
    wg = WorkgroupFactory(community=participant.community)
    services.workgroup_join(workgroup=wg, membership=participant)
    wg.archived_at = timezone.now()
    wg.save()
    with pytest.raises(ValidationError):
        services.activity_record(workgroup=wg, by=participant, kind="meeting", title="x", happened_on=date(2026, 1, 5))


def test_activities_in_period_for_other_apps(community, other_community):
    wg = WorkgroupFactory(community=community)
    ActivityFactory(workgroup=wg, title="Voor", happened_on=date(2026, 2, 28))
    ActivityFactory(workgroup=wg, title="Begin", happened_on=date(2026, 3, 1))
    ActivityFactory(workgroup=wg, title="Eind", happened_on=date(2026, 3, 31))
    ActivityFactory(workgroup=WorkgroupFactory(community=other_community), title="Elders", happened_on=date(2026, 3, 5))
    found = selectors.activities_in_period(community_ids=[community.pk], start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert [a.title for a in found] == ["Begin", "Eind"]


def test_activities_visible_to_hides_closed_workgroups_from_non_members(participant, community):
    closed = WorkgroupFactory(community=community, closed=True)
    ActivityFactory(workgroup=closed, title="Dicht")
    ActivityFactory(workgroup=WorkgroupFactory(community=community), title="Open")
    qs = selectors.activities_in_period(community_ids=[community.pk], start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert [a.title for a in selectors.activities_visible_to(qs, membership=participant)] == ["Open"]
    closed.members.create(membership=participant)
    assert {a.title for a in selectors.activities_visible_to(qs, membership=participant)} == {"Open", "Dicht"}


def test_workgroup_list_works_without_any_app_adding_to_it_and_costs_two_queries(participant, community,
                                                                                   monkeypatch,
                                                                                   django_assert_num_queries):
    wg = WorkgroupFactory(community=community)
    monkeypatch.setattr(registry, "WORKGROUP_ANNOTATIONS", registry.Hook("none", ""))
    with django_assert_num_queries(2):
        found = selectors.workgroups_for_list(community=community, membership=participant, now=timezone.now())
    assert found == [wg] and not hasattr(found[0], "next_meeting_at")
