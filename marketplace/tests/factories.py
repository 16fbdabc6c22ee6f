from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from marketplace.models import Category, Entry, Marketplace, Match, MatchStatus, OrgKind, Side
from marketplace.services import entry_fingerprint
from participants.tests.factories import CommunityFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory  # noqa: F401 - used by the marketplace tests

AMS = ZoneInfo("Europe/Amsterdam")


def add_to_workgroup(workgroup, membership):
    return WorkgroupMember.objects.create(workgroup=workgroup, membership=membership)


class MarketplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Marketplace

    community = factory.SubFactory(CommunityFactory)
    workgroup = factory.SubFactory(WorkgroupFactory, community=factory.SelfAttribute("..community"))
    title = factory.Sequence(lambda n: f"Beursvloer {2026 + n}")
    # A month ahead, open for entries until noon a week before: most tests need no time travel.
    held_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    place = "Het Anker, Nijverdal"
    audience = "Organisaties en bedrijven uit de gemeente"
    entry_deadline = factory.LazyAttribute(lambda o: datetime.combine(o.held_on - timedelta(days=7), time(12, 0),
                                                                      tzinfo=AMS))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    marketplace = factory.SubFactory(MarketplaceFactory)
    side = Side.NEED
    organisation = factory.Sequence(lambda n: f"Organisatie {n}")
    contact_name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"org{n}@example.org")
    org_kind = factory.LazyAttribute(lambda o: OrgKind.BUSINESS if o.side == Side.OFFER else OrgKind.NON_PROFIT)
    category = Category.MATERIALS
    description = factory.Sequence(lambda n: f"Omschrijving nummer {n}")
    confirmed_at = factory.LazyFunction(timezone.now)
    fingerprint = factory.LazyAttribute(
        lambda o: entry_fingerprint(email=o.email, side=o.side, description=o.description))


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    marketplace = factory.SubFactory(MarketplaceFactory)
    need = factory.SubFactory(EntryFactory, marketplace=factory.SelfAttribute("..marketplace"), side=Side.NEED)
    offer = factory.SubFactory(EntryFactory, marketplace=factory.SelfAttribute("..marketplace"), side=Side.OFFER)
    what = "Tien laptops voor het taalcafé"
    value_eur = Decimal("1500.00")
    due_on = factory.LazyAttribute(lambda o: o.marketplace.held_on + timedelta(weeks=4))
    status = MatchStatus.PENDING
    # A match made delivered counts as delivered today, as the services record it.
    delivered_on = factory.LazyAttribute(lambda o: timezone.localdate() if o.status == MatchStatus.DELIVERED else None)
