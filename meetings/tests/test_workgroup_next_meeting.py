"""The meetings app adds each workgroup's next meeting to the workgroups' list and page (registered on
lg_portal.registry.WORKGROUP_ANNOTATIONS and WORKGROUP_FACTS)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Meeting
from workgroups import selectors
from workgroups.tests.factories import WorkgroupFactory

pytestmark = pytest.mark.django_db


def test_next_meeting_is_a_subquery_and_costs_no_query(participant, community, django_assert_num_queries):
    wg = WorkgroupFactory(community=community)
    with django_assert_num_queries(2):
        found = selectors.workgroups_for_list(community=community, membership=participant, now=timezone.now())
    assert found == [wg] and found[0].next_meeting_at is None


def test_next_meeting_comes_from_the_meetings_app_when_it_is_there(participant, community):
    wg = WorkgroupFactory(community=community)
    now = timezone.now()

    def meeting(days, **extra):
        fields = {"community": community, "workgroup": wg, "starts_at": now + timedelta(days=days), **extra}
        fields["ends_at"] = fields["starts_at"] + timedelta(hours=2)
        fields["title"] = f"Overleg over {days} dagen"
        fields["kind"] = "workgroup" if fields["workgroup"] else "plenary"
        return Meeting.objects.create(**fields)

    meeting(3, cancelled_at=now)
    soon = meeting(5)
    meeting(9)
    meeting(-1)
    meeting(1, workgroup=None)
    found = selectors.workgroups_for_list(community=community, membership=participant, now=now)
    assert found[0].next_meeting_id == soon.pk
    assert found[0].next_meeting_at == soon.starts_at


def test_list_shows_the_next_meeting_and_hides_its_title_for_closed_groups(participant_client, participant,
                                                                           community):
    now = timezone.now()
    open_wg = WorkgroupFactory(community=community, name="Open groep")
    closed_wg = WorkgroupFactory(community=community, name="Dichte groep", closed=True)
    for wg, title in ((open_wg, "Open overleg"), (closed_wg, "Geheim overleg")):
        Meeting.objects.create(community=community, workgroup=wg, kind="workgroup", title=title,
                                     starts_at=now + timedelta(days=4), ends_at=now + timedelta(days=4, hours=2))
    text = participant_client.get(f"/c/{community.slug}/workgroups/").text
    assert "Open overleg" in text
    assert "Geheim overleg" not in text
