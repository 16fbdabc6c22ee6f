import pytest
from django.core.management import call_command

from lessons import checks, selectors
from lessons.models import AssessmentRound, Evaluation, GoalChange, Reflection
from participants.models import Community

pytestmark = pytest.mark.django_db


def test_demo_has_rounds_an_evaluation_that_changed_the_goal_and_reflections():
    call_command("seed_demo", stdout=None)
    demo = Community.objects.get(slug="hellendoorn-demo")
    rounds = AssessmentRound.objects.filter(community=demo)
    assert rounds.filter(closed_at__isnull=False).count() == 2
    assert rounds.filter(closed_at__isnull=True).count() == 1
    change = GoalChange.objects.get(community=demo)
    assert "Mbo" in change.old_text and "hele samenleving" in change.new_text
    assert change.evaluation.concluded_at is not None
    assert demo.goals == change.new_text
    assert Evaluation.objects.filter(community=demo).exists()
    if Reflection.objects.filter(community=demo).exists():  # only when meetings or activities were seeded
        assert selectors.overdue_reflections(community=demo)
    results = selectors.compass_checks(community=demo)
    assert results["evaluation"].state == checks.OK


def test_demo_seed_twice_changes_nothing_in_lessons():
    call_command("seed_demo", stdout=None)
    before = (AssessmentRound.objects.count(), Evaluation.objects.count(), Reflection.objects.count(),
              GoalChange.objects.count())
    call_command("seed_demo", stdout=None)
    assert before == (AssessmentRound.objects.count(), Evaluation.objects.count(), Reflection.objects.count(),
                      GoalChange.objects.count())
