from datetime import date

import factory
from django.utils import timezone

from participants.tests.factories import CommunityFactory, MembershipFactory
from workgroups.models import Activity, ActivityKind, Post, PostKind, Reply, Workgroup, WorkgroupMember


class WorkgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workgroup

    community = factory.SubFactory(CommunityFactory)
    name = factory.Sequence(lambda n: f"Werkgroep {n}")
    theme = "Jongeren en werk"


class WorkgroupMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkgroupMember

    workgroup = factory.SubFactory(WorkgroupFactory)
    membership = factory.LazyAttribute(lambda o: MembershipFactory(community=o.workgroup.community))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    workgroup = factory.SubFactory(WorkgroupFactory)
    community = factory.SelfAttribute("workgroup.community")
    kind = ActivityKind.WORK_VISIT
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    happened_on = date(2026, 3, 1)
    outcome = "Twee nieuwe stageplekken."


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    community = factory.SubFactory(CommunityFactory)
    workgroup = None
    author = factory.LazyAttribute(lambda o: MembershipFactory(community=o.community))
    kind = PostKind.QUESTION
    title = factory.Sequence(lambda n: f"Vraag {n}")
    body = "Wie kent een leerbedrijf in de zorg?"
    created_at = factory.LazyFunction(timezone.now)


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    post = factory.SubFactory(PostFactory)
    author = factory.LazyAttribute(lambda o: MembershipFactory(community=o.post.community))
    body = "Probeer Zorggroep Sint Maarten."


def member_of(workgroup, **membership_fields):
    """A new community member who joined this workgroup."""
    membership = MembershipFactory(community=workgroup.community, **membership_fields)
    WorkgroupMember.objects.create(workgroup=workgroup, membership=membership)
    return membership
