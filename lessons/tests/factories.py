from datetime import date, timedelta

import factory
from django.utils import timezone

from lessons.models import AssessmentRound, Evaluation, LearningGoal, Reflection
from participants.tests.factories import CommunityFactory, MembershipFactory
from workgroups.models import Activity
from workgroups.tests import factories as workgroups_factories
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory  # noqa: F401 - re-exported


class ActivityFactory(workgroups_factories.ActivityFactory):
    """The workgroups app's activity, a workshop by default, with `participants=[...]` to say who took part."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    kind = "workshop"
    outcome = ""

    @factory.post_generation
    def participants(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.participants.add(*extracted)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssessmentRound

    community = factory.SubFactory(CommunityFactory)
    opened_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    community = factory.SubFactory(CommunityFactory)
    planned_on = date(2026, 7, 1)


class LearningGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningGoal

    community = factory.SubFactory(CommunityFactory)
    text = factory.Sequence(lambda n: f"Leerdoel {n}")


class ReflectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflection

    activity = factory.SubFactory(ActivityFactory)
    meeting = None
    community = factory.LazyAttribute(lambda o: (o.activity or o.meeting).community)
    membership = factory.SubFactory(MembershipFactory, community=factory.SelfAttribute("..community"))
    what_we_did = "We bezochten drie bedrijven."
    learned_content = "Stages zijn er genoeg, begeleiding niet."


def ensure_compass():
    """The compass comes from a data migration; a transactional test elsewhere may have flushed it."""
    from lessons.compass import compass_load
    from lessons.models import BonusTip, Chapter, InitiatorGuide, Item, Lesson

    if not Chapter.objects.exists():
        compass_load(Chapter=Chapter, Item=Item, Lesson=Lesson, InitiatorGuide=InitiatorGuide, BonusTip=BonusTip)
