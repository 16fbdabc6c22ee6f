"""The return ledger: any member records a concrete, relationship, slipstream or learning return, with
date, people (of this community only), organisations, workgroup or activity, value and hours."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from impact import selectors as returns
from impact import services as return_services
from impact.models import ReturnEntry
from impact.tests.factories import ReturnEntryFactory
from lessons.tests.factories import ActivityFactory, WorkgroupFactory
from marketplace.tests.factories import MarketplaceFactory, MatchFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _url(community, path=""):
    return f"/c/{community.slug}/return/{path}"


def _post(client, community, **data):
    base = {"kind": "concrete", "title": "Twee stageplekken", "happened_on": "2026-03-01", "description": "",
            "organisations": "", "value_eur": "", "hours": ""}
    return client.post(_url(community, "add/"), {**base, **data})


@pytest.mark.parametrize("kind, label", [("concrete", "Concreet resultaat"), ("relationship", "Relatierendement"),
                                         ("slipstream", "Slipstream-rendement"), ("learning", "Leerrendement")])
def test_each_kind_of_return_is_recorded_and_shown(participant_client, community, participant, core_member,
                                                   kind, label):
    workgroup = WorkgroupFactory(community=community)
    activity = ActivityFactory(workgroup=workgroup, title="Werkbezoek bij de bakkerij")
    response = _post(participant_client, community, kind=kind, title=f"Opbrengst {kind}",
                     people=[participant.pk, core_member.pk], organisations="Bakkerij Smit, Het Noordik",
                     activity=activity.pk, value_eur="250,50", hours="3,5", description="Zo ging het")
    assert response.status_code == 302, response.text
    entry = ReturnEntry.objects.get()
    assert (entry.kind, entry.value_eur, entry.hours) == (kind, Decimal("250.50"), Decimal("3.5"))
    assert entry.workgroup == workgroup  # taken from the activity
    assert set(entry.people.all()) == {participant, core_member}
    assert entry.recorded_by == participant

    page = participant_client.get(_url(community))
    assert f"Opbrengst {kind}" in page.text and label in page.text
    assert "Bakkerij Smit, Het Noordik" in page.text and "Werkbezoek bij de bakkerij" in page.text
    assert participant.user.name in page.text and core_member.user.name in page.text
    filtered = participant_client.get(_url(community) + f"?kind={kind}")
    assert f"Opbrengst {kind}" in filtered.text


def test_relationship_return_names_at_least_two_members(participant_client, community, participant):
    response = _post(participant_client, community, kind="relationship", people=[participant.pk])
    assert response.status_code == 400
    assert "minstens twee leden" in response.text
    assert not ReturnEntry.objects.exists()


def test_a_return_naming_someone_of_another_community_is_refused(participant_client, community, participant,
                                                                 outsider):
    response = _post(participant_client, community, kind="relationship", people=[participant.pk, outsider.pk])
    assert response.status_code == 400
    assert "alleen leden van deze gemeenschap" in response.text
    assert 'value="Twee stageplekken"' in response.text  # input kept
    assert not ReturnEntry.objects.exists()


def test_service_refuses_people_of_another_community_too(community, participant, outsider):
    with pytest.raises(ValidationError) as error:
        return_services.return_record(community=community, by=participant, kind="relationship", title="x",
                                      happened_on=date(2026, 3, 1), people=[participant, outsider])
    assert "alleen leden van deze gemeenschap" in str(error.value)
    assert not ReturnEntry.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("value_eur", "-5", "De waarde kan niet negatief zijn."),
    ("hours", "-1", "Het aantal uren kan niet negatief zijn."),
])
def test_negative_value_or_hours_is_refused(participant_client, community, field, value, message):
    response = _post(participant_client, community, **{field: value})
    assert response.status_code == 400
    assert message in response.text
    assert not ReturnEntry.objects.exists()


def test_service_refuses_negative_amounts(community, participant):
    for kwargs in ({"value_eur": Decimal("-0.01")}, {"hours": Decimal("-2")}):
        with pytest.raises(ValidationError, match="negatief"):
            return_services.return_record(community=community, by=participant, kind="concrete", title="x",
                                          happened_on=date(2026, 3, 1), **kwargs)
    assert not ReturnEntry.objects.exists()


def test_activity_or_workgroup_of_another_community_is_refused(participant_client, community, other_community):
    foreign = ActivityFactory(workgroup=WorkgroupFactory(community=other_community))
    response = _post(participant_client, community, activity=foreign.pk)
    assert response.status_code == 400
    assert "Kies een activiteit van deze gemeenschap." in response.text
    response = _post(participant_client, community, workgroup=foreign.workgroup.pk)
    assert response.status_code == 400
    assert not ReturnEntry.objects.exists()


def test_a_closed_workgroups_activity_is_only_offered_to_its_members(participant_client, community):
    hidden = ActivityFactory(workgroup=WorkgroupFactory(community=community, closed=True), title="Vertrouwelijk")
    form = participant_client.get(_url(community, "new/"))
    assert "Vertrouwelijk" not in form.text
    assert _post(participant_client, community, activity=hidden.pk).status_code == 400


def test_a_return_in_the_future_is_refused(participant_client, community):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = _post(participant_client, community, happened_on=tomorrow.isoformat())
    assert response.status_code == 400
    assert "toekomst" in response.text


def test_recorder_or_facilitator_may_delete_others_may_not(participant_client, facilitator_client, core_client,
                                                           community, participant):
    mine = ReturnEntryFactory(community=community, recorded_by=participant)
    other = ReturnEntryFactory(community=community, recorded_by=participant)
    core_client.post(_url(community, f"{mine.pk}/delete/"))
    assert ReturnEntry.objects.filter(pk=mine.pk).exists()
    participant_client.post(_url(community, f"{mine.pk}/delete/"))
    facilitator_client.post(_url(community, f"{other.pk}/delete/"))
    assert not ReturnEntry.objects.exists()


def test_totals_count_marketplace_matches_as_concrete_return_without_copying_them(participant_client, community):
    ReturnEntryFactory(community=community, kind="concrete", value_eur=Decimal("100"))
    ReturnEntryFactory(community=community, kind="learning", hours=Decimal("2"))
    marketplace = MarketplaceFactory(community=community)
    MatchFactory(marketplace=marketplace, value_eur=Decimal("1500"), status="delivered")
    MatchFactory(marketplace=marketplace, value_eur=Decimal("500"), status="delivered")
    MatchFactory(marketplace=marketplace, value_eur=Decimal("700"))  # pending: shown apart, not counted
    totals = returns.return_totals(community=community)
    assert totals["count"] == 4 and totals["value"] == Decimal("2100")
    assert totals["matches"]["delivered"] == 2 and totals["matches"]["open"] == 1
    assert ReturnEntry.objects.count() == 2
    page = participant_client.get(_url(community))
    assert "Beursvloermatches, uitgevoerd (concreet)" in page.text


def test_ledger_page_costs_the_same_queries_for_few_and_many_returns(participant_client, community,
                                                                     django_assert_num_queries):
    def grow(n):
        for i in range(n):
            people = [MembershipFactory(community=community) for _ in range(2)]
            ReturnEntryFactory(community=community, kind=["concrete", "relationship"][i % 2], people=people,
                               recorded_by=people[0], workgroup=WorkgroupFactory(community=community),
                               activity=ActivityFactory(workgroup=WorkgroupFactory(community=community)))

    grow(2)
    url = _url(community)
    participant_client.get(url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(url)
    grow(30)
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url).status_code == 200
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url + "?page=2").status_code == 200
