"""The community home starts with the member's next step (issue 18): the next meeting that concerns
them with its RSVP buttons, answered from the home; another workgroup's meeting is not theirs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import Rsvp
from meetings.tests.factories import MeetingFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory

pytestmark = pytest.mark.django_db


def test_the_next_meeting_is_one_that_concerns_the_member_and_is_answered_from_the_home(
        participant_client, participant, community):
    now = timezone.now()
    others = WorkgroupFactory(community=community, name="Kerngroep van anderen")
    mine = WorkgroupFactory(community=community, name="Mijn werkgroep")
    WorkgroupMember.objects.create(workgroup=mine, membership=participant)
    MeetingFactory(community=community, workgroup=mine, kind="workgroup", title="Wel de mijne",
                   starts_at=now + timedelta(days=9))
    MeetingFactory(community=community, workgroup=others, kind="workgroup", title="Niet de mijne",
                   starts_at=now + timedelta(days=1))
    plenary = MeetingFactory(community=community, title="Plenair van december", starts_at=now + timedelta(days=5))
    home = participant_client.get(f"/c/{community.slug}/").text
    first = home[home.index('class="next-steps"'):home.index('class="page-header"')]
    assert "Plenair van december" in first and "Niet de mijne" not in first
    assert "Niet de mijne" not in home and "Wel de mijne" in home  # the coming list: what concerns them
    response = participant_client.post(f"/c/{community.slug}/meetings/{plenary.pk}/rsvp/",
                                       {"answer": "yes", "back": "home"})
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/"
    assert Rsvp.objects.get(meeting=plenary, membership=participant).answer == "yes"
    home = participant_client.get(f"/c/{community.slug}/").text
    assert 'value="yes" aria-pressed="true"' in home
