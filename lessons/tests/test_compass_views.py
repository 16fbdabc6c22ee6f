import pytest
from django.utils import translation

from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupMemberFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_member_browses_the_compass_with_every_chapter(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/")
    assert response.status_code == 200
    assert "Keuze voor een LG" in response.text
    assert "Kosten" in response.text
    assert "Zwaan kleef aan" in response.text
    assert "Wat het portaal zelf ziet" in response.text


def test_compass_shows_bonus_tips_for_the_communitys_initiator(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/")
    assert "Met een LG aan de slag als gemeente" in response.text
    assert "Met een LG aan de slag als welzijnsorganisatie" not in response.text


def test_compass_bonus_tips_can_be_filtered_by_another_initiator(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/?initiator=welfare")
    assert "Met een LG aan de slag als welzijnsorganisatie" in response.text
    assert "Met een LG aan de slag als gemeente" not in response.text


def test_unknown_initiator_filter_falls_back_to_the_community(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/?initiator=nonsense")
    assert response.status_code == 200
    assert "Met een LG aan de slag als gemeente" in response.text


def test_compass_in_english_shows_the_english_text(participant, participant_client, community):
    participant.user.language = "en"
    participant.user.save()
    with translation.override("en"):
        response = participant_client.get(f"/c/{community.slug}/compass/", HTTP_ACCEPT_LANGUAGE="en")
    assert "One person brings the next" in response.text
    assert "Zwaan kleef aan" not in response.text


def test_chapter_page_shows_items_and_lessons(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/learning/")
    assert response.status_code == 200
    assert "Switchen tussen actie en leren" in response.text or "actie" in response.text


def test_unknown_chapter_is_404(participant_client, community):
    assert participant_client.get(f"/c/{community.slug}/compass/nope/").status_code == 404


def test_outsider_cannot_see_another_communitys_compass(outsider_client, community, participant):
    assert outsider_client.get(f"/c/{community.slug}/compass/").status_code == 404


def test_anonymous_visitor_is_sent_to_login(anon_client, community):
    response = anon_client.get(f"/c/{community.slug}/compass/")
    assert response.status_code == 302


def test_printable_compass_shows_the_current_state(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/compass/print/")
    assert response.status_code == 200
    assert "Stand van zaken op" in response.text
    assert "Er is nog geen zelfevaluatie afgerond." in response.text


def _grow(community, n):
    for _ in range(n):
        member = MembershipFactory(community=community, group_roles=["doer", "thinker"])
        link = WorkgroupMemberFactory(workgroup__community=community, membership=member)
        activity = ActivityFactory(workgroup=link.workgroup, participants=[member])
        ReflectionFactory(activity=activity, membership=member)


@pytest.mark.parametrize("path", ["compass/", "compass/print/", "compass/working/"])
def test_compass_pages_cost_the_same_queries_for_few_and_many_rows(participant_client, community, path,
                                                                   django_assert_num_queries):
    _grow(community, 2)
    participant_client.get(f"/c/{community.slug}/{path}")  # warm up the session and content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert participant_client.get(f"/c/{community.slug}/{path}").status_code == 200
    _grow(community, 12)
    with django_assert_num_queries(len(few)):
        assert participant_client.get(f"/c/{community.slug}/{path}").status_code == 200
