import pytest

from lessons.models import LearningGoal
from lessons.tests.factories import LearningGoalFactory

pytestmark = pytest.mark.django_db


def test_member_adds_a_personal_learning_goal(participant_client, community, participant):
    response = participant_client.post(f"/c/{community.slug}/learning-goals/add/", {"mine-text": "Beter netwerken"})
    assert response.status_code == 302
    goal = LearningGoal.objects.get()
    assert goal.membership == participant and goal.text == "Beter netwerken"


def test_coordinator_adds_a_community_learning_goal(coordinator_client, community):
    coordinator_client.post(f"/c/{community.slug}/learning-goals/add/",
                            {"for": "community", "shared-text": "Elkaars taal spreken"})
    assert LearningGoal.objects.get().membership is None


def test_participant_cannot_add_a_community_learning_goal(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/learning-goals/add/",
                                       {"for": "community", "shared-text": "Iets"})
    assert response.status_code == 403
    assert not LearningGoal.objects.exists()


def test_empty_learning_goal_is_refused(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/learning-goals/add/", {"mine-text": ""})
    assert response.status_code == 400
    assert "Schrijf je leerdoel op." in response.text


def test_personal_goals_of_others_are_for_coordinators_only(participant_client, coordinator_client, community,
                                                            core_member):
    LearningGoalFactory(community=community, membership=core_member, text="Minder ja-maar zeggen")
    assert "Minder ja-maar zeggen" not in participant_client.get(f"/c/{community.slug}/learning-goals/").text
    assert "Minder ja-maar zeggen" in coordinator_client.get(f"/c/{community.slug}/learning-goals/").text


def test_member_marks_own_goal_reached_but_not_someone_elses(participant_client, community, participant,
                                                              core_member):
    mine = LearningGoalFactory(community=community, membership=participant)
    theirs = LearningGoalFactory(community=community, membership=core_member)
    participant_client.post(f"/c/{community.slug}/learning-goals/{mine.pk}/reached/")
    participant_client.post(f"/c/{community.slug}/learning-goals/{theirs.pk}/reached/")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.reached_at is not None and theirs.reached_at is None


def test_another_communitys_goal_is_404(outsider_client, community, participant):
    goal = LearningGoalFactory(community=community, membership=participant)
    assert outsider_client.post(f"/c/lg-elders/learning-goals/{goal.pk}/reached/").status_code == 404
