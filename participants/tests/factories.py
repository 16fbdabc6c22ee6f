from datetime import date

import factory
from django.utils import timezone

from lg_portal.tests.factories import UserFactory as BaseUserFactory
from participants.models import Community, InitiatorKind, Invitation, Membership, User


class UserFactory(BaseUserFactory):
    """lg_portal's person, with the participants app's model and names."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Gemeenschap {n}")
    slug = factory.Sequence(lambda n: f"gemeenschap-{n}")
    question = "Hoe vinden jongeren hier werk?"
    starts_on = date(2026, 1, 1)
    ends_on = date(2027, 12, 31)
    initiator_kind = InitiatorKind.MUNICIPALITY


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(UserFactory)
    sector = "resident"
    ground_rules_accepted_at = factory.LazyFunction(timezone.now)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    community = factory.SubFactory(CommunityFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    message = "Jij brengt precies mee wat we missen."
