"""Every return, costs, dashboard and harvest page renders for a participant and a facilitator, with
data in it (the details are in the other test_return*, test_costs*, test_dashboard*, test_harvest* and
test_export* modules)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from impact import harvest
from impact import services as return_services
from impact.tests.factories import AskRequestFactory, ContributionFactory, ReturnEntryFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

PAGES = ["return/", "return/new/", "return/expectations/", "return/who-found-whom/", "costs/", "costs/new/",
         "costs/ask/", "dashboard/", "harvest/", "harvest/preview/"]


@pytest.fixture
def filled(community, facilitator, participant, core_member, coordinator):
    return_services.return_expectation_save(membership=participant, kinds=["concrete", "relations"], own_words="Werk")
    ReturnEntryFactory(community=community, kind="relationship", people=[participant, core_member],
                       value_eur=10, hours=2)
    ContributionFactory(community=community, amount_eur=25)
    AskRequestFactory(community=community, asked_by=participant)
    meeting = MeetingFactory(community=community, starts_at=timezone.now() - timedelta(days=20),
                             attendance_recorded_at=timezone.now() - timedelta(days=19))
    Attendance.objects.create(meeting=meeting, membership=participant)
    Attendance.objects.create(meeting=meeting, membership=core_member)
    return community


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_for_a_participant(participant_client, filled, path):
    response = participant_client.get(f"/c/{filled.slug}/{path}")
    assert response.status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_for_a_facilitator(facilitator_client, filled, path):
    assert facilitator_client.get(f"/c/{filled.slug}/{path}").status_code == 200


def test_harvest_page_and_download_render(facilitator_client, filled, facilitator):
    done = harvest.period_close(community=filled, by=facilitator, decision="stop", period_ends_on=filled.ends_on)
    assert facilitator_client.get(f"/c/{filled.slug}/harvest/{done.pk}/").status_code == 200
    assert facilitator_client.get(f"/c/{filled.slug}/harvest/{done.pk}/download/").status_code == 200


def test_community_home_shows_the_returns_panel(participant_client, filled):
    response = participant_client.get(f"/c/{filled.slug}/")
    assert response.status_code == 200
    assert "lessons-returns-title" in response.text
