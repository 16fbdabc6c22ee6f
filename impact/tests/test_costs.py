"""Costs and contributions: who contributed what, with an amount or in kind; totals by source and the
compass's easy/hard distinction."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from impact import selectors as returns
from impact import services as return_services
from impact.models import Contribution
from impact.tests.factories import ContributionFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _post(client, community, **data):
    base = {"source": "municipal", "category": "process_support", "description": "Procesbegeleiding",
            "contributor_name": "Gemeente", "amount_eur": "1000", "contributed_on": "2026-03-01"}
    return client.post(f"/c/{community.slug}/costs/add/", {**base, **data})


def test_member_records_a_contribution_with_an_amount(participant_client, community, participant):
    response = _post(participant_client, community, amount_eur="1.250,50")
    assert response.status_code == 302, response.text
    c = Contribution.objects.get()
    assert (c.source, c.category, c.amount_eur, c.in_kind, c.who) == (
        "municipal", "process_support", Decimal("1250.50"), False, "Gemeente")
    assert c.recorded_by == participant and c.ease == "hard"


def test_a_hosts_meal_in_kind_by_a_member(participant_client, community, core_member):
    response = _post(participant_client, community, source="host_meal", category="catering", amount_eur="",
                     in_kind="on", contributor=core_member.pk, contributor_name="", description="Soep")
    assert response.status_code == 302
    c = Contribution.objects.get()
    assert c.in_kind and c.amount_eur is None and c.who == core_member.user.name and c.ease == "easy"


def test_negative_amount_is_refused_with_a_message(participant_client, community):
    response = _post(participant_client, community, amount_eur="-10")
    assert response.status_code == 400
    assert "Het bedrag kan niet negatief zijn." in response.text
    assert not Contribution.objects.exists()


def test_service_refuses_negative_amounts(community, participant):
    with pytest.raises(ValidationError, match="negatief"):
        return_services.contribution_record(community=community, by=participant, source="sponsor",
                                            category="materials", description="x", contributed_on=date(2026, 1, 1),
                                            amount_eur=Decimal("-1"), contributor_name="Bank")
    assert not Contribution.objects.exists()


def test_an_amount_or_in_kind_is_needed(participant_client, community):
    response = _post(participant_client, community, amount_eur="")
    assert response.status_code == 400
    assert "of geef aan dat het in natura is" in response.text


def test_who_contributed_is_needed_and_must_be_of_this_community(participant_client, community, outsider):
    assert "Zeg wie bijdroeg" in _post(participant_client, community, contributor_name="").text
    response = _post(participant_client, community, contributor=outsider.pk, contributor_name="")
    assert response.status_code == 400
    assert "alleen leden van deze gemeenschap" in response.text
    assert not Contribution.objects.exists()


def test_totals_by_source_and_easy_or_hard(participant_client, community):
    ContributionFactory(community=community, source="host_meal", category="catering", amount_eur=None, in_kind=True)
    ContributionFactory(community=community, source="host_meal", category="catering", amount_eur=Decimal("20"),
                        in_kind=True)
    ContributionFactory(community=community, source="municipal", category="process_support",
                        amount_eur=Decimal("12000"), in_kind=False)
    ContributionFactory(community=community, source="municipal", category="secretarial", amount_eur=Decimal("2500"),
                        in_kind=False)
    ContributionFactory(community=community, source="sponsor", category="materials", amount_eur=Decimal("350.50"),
                        in_kind=False)
    ContributionFactory(community=community, source="other", category="other", amount_eur=Decimal("5"),
                        in_kind=False)
    totals = returns.contribution_totals(community=community)
    by_source = {s["key"]: (s["count"], s["amount"], s["in_kind"]) for s in totals["sources"]}
    assert by_source["host_meal"] == (2, Decimal("20"), 2)
    assert by_source["municipal"] == (2, Decimal("14500"), 0)
    assert by_source["sponsor"] == (1, Decimal("350.50"), 0)
    assert by_source["provincial"] == (0, Decimal("0"), 0)
    ease = {e["key"]: (e["count"], e["amount"]) for e in totals["ease"]}
    assert ease == {"easy": (3, Decimal("370.50")), "hard": (2, Decimal("14500")), "other": (1, Decimal("5"))}
    assert (totals["count"], totals["amount"], totals["in_kind"]) == (6, Decimal("14875.50"), 2)

    page = participant_client.get(f"/c/{community.slug}/costs/")
    assert "Makkelijk te regelen" in page.text and "Moeilijker te regelen" in page.text
    assert "14.875,50" in page.text


def test_recorder_or_facilitator_may_delete_a_contribution(participant_client, core_client, facilitator_client,
                                                           community, participant):
    c = ContributionFactory(community=community, recorded_by=participant)
    core_client.post(f"/c/{community.slug}/costs/{c.pk}/delete/")
    assert Contribution.objects.exists()
    facilitator_client.post(f"/c/{community.slug}/costs/{c.pk}/delete/")
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("path", ["costs/", "costs/new/"])
def test_costs_pages_cost_the_same_queries_for_few_and_many(participant_client, community, path,
                                                           django_assert_num_queries):
    def grow(n):
        for i in range(n):
            m = MembershipFactory(community=community)
            ContributionFactory(community=community, contributor=m if i % 2 else None, recorded_by=m,
                                source=["host_meal", "sponsor", "municipal"][i % 3], amount_eur=Decimal(i))

    grow(2)
    url = f"/c/{community.slug}/{path}"
    participant_client.get(url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(url)
    grow(40)
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url).status_code == 200
