"""Every lessons page renders for a member and a coordinator (details are in the other modules)."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["compass/", "compass/print/", "compass/rounds/", "compass/choice/", "evaluations/", "learning-goals/",
         "reflections/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_for_a_participant(participant_client, community, path):
    assert participant_client.get(f"/c/{community.slug}/{path}").status_code == 200


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_for_a_coordinator(coordinator_client, community, path):
    assert coordinator_client.get(f"/c/{community.slug}/{path}").status_code == 200


def test_community_home_shows_the_lessons_panels(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/")
    assert "Terugblikken" in response.text
    assert "controles in orde" in response.text
