from datetime import date

import factory

from impact.models import (
    AskRequest,
    Contribution,
    ContributionSource,
    CostCategory,
    ReturnEntry,
    ReturnKind,
    ReturnPerson,
)
from participants.tests.factories import CommunityFactory, MembershipFactory

# --- return (rendement), costs, dare to ask ------------------------------------------------------------

class ReturnEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReturnEntry
        skip_postgeneration_save = True

    community = factory.SubFactory(CommunityFactory)
    kind = ReturnKind.CONCRETE
    title = factory.Sequence(lambda n: f"Rendement {n}")
    happened_on = date(2026, 3, 1)

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):
        if create and extracted:
            ReturnPerson.objects.bulk_create([ReturnPerson(entry=obj, membership=m) for m in extracted])


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    community = factory.SubFactory(CommunityFactory)
    source = ContributionSource.HOST_MEAL
    category = CostCategory.CATERING
    description = factory.Sequence(lambda n: f"Soep en broodjes {n}")
    contributor_name = "Anouk"
    in_kind = True
    contributed_on = date(2026, 3, 1)


class AskRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AskRequest

    community = factory.SubFactory(CommunityFactory)
    asked_by = factory.SubFactory(MembershipFactory, community=factory.SelfAttribute("..community"))
    title = factory.Sequence(lambda n: f"Een groot scherm {n}")
