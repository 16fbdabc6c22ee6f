"""Every lessons list page costs the same number of queries for few and many rows."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lessons import services
from lessons.models import EvaluationResponse, GoalChange, Item
from lessons.tests.factories import EvaluationFactory, LearningGoalFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _grow(community, coordinator, evaluation, n, offset):
    items = list(Item.objects.all()[:5])
    for i in range(n):
        m = MembershipFactory(community=community)
        EvaluationResponse.objects.create(evaluation=evaluation, membership=m, went_well="Veel")
        LearningGoalFactory(community=community, membership=m)
        LearningGoalFactory(community=community)
        GoalChange.objects.create(community=community, evaluation=evaluation, old_text="a", new_text="b",
                                  changed_on=date(2026, 7, 1), changed_by=m.user)
        EvaluationFactory(community=community, planned_on=date(2026, 2, 1) + timedelta(days=offset + i),
                          concluded_at=timezone.now(), conclusion="ok")
        round = services.assessment_round_open(community=community, by=coordinator,
                                               now=timezone.now() - timedelta(days=400 - offset - i * 3))
        for item in items:
            services.assessment_answer(round=round, item=item, membership=m, state="in_place", note="x")
        services.assessment_round_close(round=round, by=coordinator,
                                        now=timezone.now() - timedelta(days=399 - offset - i * 3))


@pytest.mark.parametrize("path", ["evaluations/", "evaluations/{evaluation}/", "learning-goals/",
                                  "compass/rounds/", "compass/rounds/{round}/"])
def test_list_pages_cost_the_same_queries_for_few_and_many_rows(coordinator_client, community, coordinator, path,
                                                                django_assert_num_queries):
    evaluation = EvaluationFactory(community=community, planned_on=date(2026, 7, 1))
    _grow(community, coordinator, evaluation, 2, 0)
    round = community.assessment_rounds.order_by("pk").first()
    url = f"/c/{community.slug}/" + path.format(evaluation=evaluation.pk, round=round.pk)
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert coordinator_client.get(url).status_code == 200
    _grow(community, coordinator, evaluation, 8, 50)
    with django_assert_num_queries(len(few)):
        assert coordinator_client.get(url).status_code == 200
