from datetime import timedelta

import factory
from django.utils import timezone

from meetings.models import HostState, Meeting, MeetingKind, Rsvp
from participants.tests.factories import CommunityFactory, MembershipFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    community = factory.SubFactory(CommunityFactory)
    kind = MeetingKind.PLENARY
    title = factory.Sequence(lambda n: f"Plenaire bijeenkomst {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=4))
    venue = "Bij Anouk thuis"
    address = "Dorpsstraat 1, Hellendoorn"
    meal_note = "Soep en broodjes"


class HostedMeetingFactory(MeetingFactory):
    host = factory.SubFactory(MembershipFactory, community=factory.SelfAttribute("..community"),
                              willing_to_host=True)
    host_state = HostState.ACCEPTED


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rsvp

    meeting = factory.SubFactory(MeetingFactory)
    membership = factory.SubFactory(MembershipFactory, community=factory.SelfAttribute("..meeting.community"))
    answer = "yes"
