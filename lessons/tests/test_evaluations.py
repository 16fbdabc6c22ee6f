"""Intermediate evaluations: planned every six months, a short questionnaire, and a conclusion that can
change the community's goals with history."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lessons import selectors, services
from lessons.models import Evaluation, EvaluationResponse, GoalChange
from lessons.tests.factories import EvaluationFactory
from participants.tests.factories import CommunityFactory

pytestmark = pytest.mark.django_db


def test_plan_is_every_six_months_from_the_start():
    community = CommunityFactory(starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31))
    assert selectors.evaluation_plan(community=community) == [
        date(2026, 7, 1), date(2027, 1, 1), date(2027, 7, 1)]


def test_schedule_marks_due_open_and_concluded_dates():
    community = CommunityFactory(starts_on=date(2025, 1, 1), ends_on=date(2026, 12, 31))
    EvaluationFactory(community=community, planned_on=date(2025, 7, 1), concluded_at=timezone.now(), conclusion="x")
    EvaluationFactory(community=community, planned_on=date(2026, 1, 1))
    rows = selectors.evaluation_schedule(community=community, today=date(2026, 9, 1))
    assert [(r["planned_on"], r["state"]) for r in rows] == [
        (date(2025, 7, 1), "concluded"), (date(2026, 1, 1), "open"), (date(2026, 7, 1), "due")]


def test_coordinator_opens_a_planned_evaluation(coordinator_client, community):
    response = coordinator_client.post(f"/c/{community.slug}/evaluations/open/", {"planned_on": "2026-07-01"})
    evaluation = Evaluation.objects.get(community=community)
    assert response.status_code == 302
    assert evaluation.planned_on == date(2026, 7, 1) and evaluation.is_open


def test_participant_cannot_open_an_evaluation(participant_client, community):
    assert participant_client.post(f"/c/{community.slug}/evaluations/open/",
                                   {"planned_on": "2026-07-01"}).status_code == 403


def test_opening_outside_the_communitys_run_is_refused(coordinator_client, community):
    response = coordinator_client.post(f"/c/{community.slug}/evaluations/open/", {"planned_on": "2030-01-01"})
    assert response.status_code == 400
    assert "Kies een datum binnen de looptijd van de gemeenschap." in response.text
    assert not Evaluation.objects.exists()


def test_opening_the_same_date_twice_is_refused(coordinator_client, community):
    EvaluationFactory(community=community, planned_on=date(2026, 7, 1))
    response = coordinator_client.post(f"/c/{community.slug}/evaluations/open/", {"planned_on": "2026-07-01"})
    assert response.status_code == 400
    assert "Voor deze datum is al een tussenevaluatie." in response.text


def test_member_answers_the_questionnaire(participant_client, community, participant):
    evaluation = EvaluationFactory(community=community)
    response = participant_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/respond/", {
        "went_well": "De werkbezoeken.", "was_hard": "Ondernemers haken af bij lange overleggen.",
        "learned": "", "expectations": "Breder kijken dan het mbo."})
    assert response.status_code == 302
    answer = EvaluationResponse.objects.get(evaluation=evaluation, membership=participant)
    assert answer.went_well == "De werkbezoeken."
    page = participant_client.get(f"/c/{community.slug}/evaluations/{evaluation.pk}/")
    assert "Ondernemers haken af" in page.text


def test_empty_questionnaire_is_refused(participant_client, community):
    evaluation = EvaluationFactory(community=community)
    response = participant_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/respond/", {})
    assert response.status_code == 400
    assert "Beantwoord minstens één vraag." in response.text


def test_answering_a_concluded_evaluation_is_refused(participant_client, community):
    evaluation = EvaluationFactory(community=community, concluded_at=timezone.now(), conclusion="Klaar.")
    response = participant_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/respond/",
                                       {"went_well": "Alles"})
    assert response.status_code == 400
    assert "Deze tussenevaluatie is afgerond" in response.text
    assert not EvaluationResponse.objects.exists()


def test_concluding_with_new_goals_changes_them_and_keeps_history(coordinator_client, community, coordinator):
    community.goals = "Jongeren uit het mbo aan een stageplek helpen."
    community.save()
    evaluation = EvaluationFactory(community=community)
    response = coordinator_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/conclude/", {
        "conclusion": "We verbreden de doelstelling.",
        "goals": "De maatschappelijke betrokkenheid van de hele samenleving vergroten."})
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.goals == "De maatschappelijke betrokkenheid van de hele samenleving vergroten."
    change = GoalChange.objects.get(community=community)
    assert change.old_text == "Jongeren uit het mbo aan een stageplek helpen."
    assert change.evaluation == evaluation and change.changed_by == coordinator.user
    assert change.changed_on == timezone.localdate()
    page = coordinator_client.get(f"/c/{community.slug}/evaluations/")
    assert "Hoe de doelen veranderden" in page.text and "mbo" in page.text


def test_concluding_with_the_same_goals_records_no_change(community, coordinator):
    community.goals = "Samen leren."
    community.save()
    evaluation = EvaluationFactory(community=community)
    services.evaluation_conclude(evaluation=evaluation, by=coordinator, conclusion="Goed zo.", goals="Samen leren.")
    assert not GoalChange.objects.exists()
    evaluation.refresh_from_db()
    assert not evaluation.is_open


def test_concluding_twice_is_refused(community, coordinator):
    evaluation = EvaluationFactory(community=community)
    services.evaluation_conclude(evaluation=evaluation, by=coordinator, conclusion="Klaar.")
    with pytest.raises(ValidationError, match="al afgerond"):
        services.evaluation_conclude(evaluation=evaluation, by=coordinator, conclusion="Nog eens.", goals="Nieuw")
    assert not GoalChange.objects.exists()


def test_conclusion_is_required(coordinator_client, community):
    evaluation = EvaluationFactory(community=community)
    response = coordinator_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/conclude/",
                                       {"conclusion": "", "goals": "Iets nieuws"})
    assert response.status_code == 400
    assert "Schrijf op wat jullie samen concluderen." in response.text
    community.refresh_from_db()
    assert community.goals != "Iets nieuws"


def test_participant_cannot_conclude(participant_client, community):
    evaluation = EvaluationFactory(community=community)
    assert participant_client.post(f"/c/{community.slug}/evaluations/{evaluation.pk}/conclude/",
                                   {"conclusion": "x"}).status_code == 403


def test_another_communitys_evaluation_is_404(outsider_client, community):
    evaluation = EvaluationFactory(community=community)
    assert outsider_client.get(f"/c/lg-elders/evaluations/{evaluation.pk}/").status_code == 404
    assert outsider_client.post(f"/c/lg-elders/evaluations/{evaluation.pk}/respond/",
                                {"went_well": "x"}).status_code == 404
