from datetime import date, timedelta

import factory
from django.utils import timezone

from lessons.models import AssessmentRound, Evaluation, LearningGoal, Reflection
from participants.tests.factories import CommunityFactory, MembershipFactory
from workgroups.models import Activity, Workgroup, WorkgroupMember


class WorkgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workgroup

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"Werkgroep {n}")


class WorkgroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkgroupMember

    workgroup = factory.SubFactory(WorkgroupFactory)
    membership = factory.SubFactory(MembershipFactory, community=factory.SelfAttribute("..workgroup.community"))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    workgroup = factory.SubFactory(WorkgroupFactory)
    community = factory.SelfAttribute("workgroup.community")
    kind = "workshop"
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    happened_on = date(2026, 3, 1)

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
