"""What the portal says about return is true (issue 16): only delivered matches are concrete return, on
the day they were delivered, the same on the ledger, the dashboard, returns.csv and the harvest; who
found whom counts working together, not a shared plenary; a tie in expectations is reported as a tie.
Each test failed on the old code."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from impact import dashboard, harvest
from impact import selectors as returns
from impact import services as return_services
from impact.tests.factories import ReturnEntryFactory
from marketplace.tests.factories import EntryFactory, MarketplaceFactory, MatchFactory
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory
from workgroups.models import WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matches_in_every_state(community):
    today = timezone.localdate()
    past = MarketplaceFactory(community=community, workgroup__community=community,
                              held_on=today - timedelta(days=200),
                              entry_deadline=timezone.now() - timedelta(days=210))
    MatchFactory(marketplace=past, value_eur=Decimal("1000"), status="delivered",
                 delivered_on=today - timedelta(days=100))
    MatchFactory(marketplace=past, value_eur=Decimal("300"), status="pending")
    MatchFactory(marketplace=past, value_eur=Decimal("700"), status="dropped")
    # A match of a marketplace in 2027-ish, marked delivered on a day still to come: not yet return.
    future = MarketplaceFactory(community=community, workgroup=past.workgroup, held_on=today + timedelta(days=400))
    MatchFactory(marketplace=future, value_eur=Decimal("5000"), status="delivered",
                 delivered_on=today + timedelta(days=410))
    ReturnEntryFactory(community=community, kind="concrete", value_eur=Decimal("50"), happened_on=today)
    return past


def test_only_delivered_matches_count_as_concrete_return_everywhere(facilitator_client, community,
                                                                     matches_in_every_state):
    totals = returns.return_totals(community=community)
    assert (totals["count"], totals["value"]) == (2, Decimal("1050"))  # the old code: 5 and 7050
    m = totals["matches"]
    assert (m["delivered"], m["open"], m["dropped"]) == (1, 2, 1)
    assert (m["open_value"], m["dropped_value"]) == (Decimal("5300"), Decimal("700"))

    board = dashboard.community_dashboard(community=community)
    assert board["return_totals"]["count"] == 2
    assert sum(board["returns_chart"].series[-1].values) <= 1
    assert board["marketplace_chart"].series[0].values == [1, 2, 1]

    rows = facilitator_client.get(f"/c/{community.slug}/export/returns.csv").content.decode("utf-8-sig")
    market_rows = [line for line in rows.splitlines() if line.endswith(";\"Beursvloer\"")]
    assert len(market_rows) == 1
    assert market_rows[0].startswith(f'"{(timezone.localdate() - timedelta(days=100)).isoformat()}"')

    snap = harvest.harvest_snapshot(community=community, starts_on=community.starts_on, ends_on=community.ends_on)
    assert snap["returns"]["count"] == 2 and snap["returns"]["value"] == "1050.00"
    assert snap["returns"]["matches"]["delivered"] == 1 and snap["returns"]["matches"]["dropped"] == 1

    page = facilitator_client.get(f"/c/{community.slug}/return/")
    assert "2 matches lopen nog" in page.text and "1 gaan niet door" in page.text


def test_a_delivered_match_counts_in_the_quarter_it_was_delivered(community, matches_in_every_state):
    today = timezone.localdate()
    periods = returns.quarters(start=today - timedelta(days=400), end=today)
    table = returns.returns_by_quarter(community=community, periods=periods)
    delivered_q = returns.quarter_start(today - timedelta(days=100))
    assert {p: t["matches"] for p, t in table.items() if t["matches"]} == {delivered_q: 1}


def _member(community, email):
    m = MembershipFactory(community=community)
    m.user.email = email
    m.user.save()
    return m


def test_who_found_whom_counts_working_together_not_sitting_in_a_plenary(community):
    a, b, c, d, e, f = (_member(community, f"p{i}@example.org") for i in range(6))
    starts = timezone.now() - timedelta(days=30)
    plenary = MeetingFactory(community=community, starts_at=starts, ends_at=starts + timedelta(hours=2))
    Attendance.objects.bulk_create([Attendance(meeting=plenary, membership=m) for m in (a, b, c, d, e, f)])
    assert returns.relation_pairs(community=community)["pairs"] == 0  # the old code: 15 pairs

    marketplace = MarketplaceFactory(community=community, workgroup__community=community)
    MatchFactory(marketplace=marketplace, need=EntryFactory(marketplace=marketplace, side="need", email="p0@example.org"),
                 offer=EntryFactory(marketplace=marketplace, side="offer", email="P1@example.org"))
    MatchFactory(marketplace=marketplace, status="dropped",
                 need=EntryFactory(marketplace=marketplace, side="need", email="p2@example.org"),
                 offer=EntryFactory(marketplace=marketplace, side="offer", email="p3@example.org"))
    workgroup = WorkgroupFactory(community=community)
    WorkgroupMember.objects.bulk_create([WorkgroupMember(workgroup=workgroup, membership=m) for m in (c, d)])
    core = WorkgroupFactory(community=community, is_core_group=True)
    WorkgroupMember.objects.bulk_create([WorkgroupMember(workgroup=core, membership=m) for m in (e, f)])
    visit = MeetingFactory(community=community, kind="work_visit", host=e, starts_at=starts,
                           ends_at=starts + timedelta(hours=2))
    Attendance.objects.bulk_create([Attendance(meeting=visit, membership=m) for m in (e, a)])
    ReturnEntryFactory(community=community, kind="relationship", people=[b, f])

    result = returns.relation_pairs(community=community)
    found = {frozenset((r["a"].pk, r["b"].pk)): r for r in result["strongest"]}
    assert set(found) == {frozenset((a.pk, b.pk)), frozenset((c.pk, d.pk)), frozenset((a.pk, e.pk)),
                          frozenset((b.pk, f.pk))}
    assert found[frozenset((a.pk, b.pk))]["matches"] == 1
    assert found[frozenset((c.pk, d.pk))]["workgroups"] == 1
    assert found[frozenset((a.pk, e.pk))]["visits"] == 1
    assert found[frozenset((b.pk, f.pk))]["returns"] == 1
    assert result["pairs"] == 4 and result["working_together"] == 3


def test_the_page_says_what_counts(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/return/who-found-whom/")
    assert "Samen in een plenaire bijeenkomst zitten telt niet" in response.text


def test_a_three_way_tie_in_expectations_is_reported_as_a_tie(community):
    people = [MembershipFactory(community=community, is_participant=True) for _ in range(3)]
    for m, kind in zip(people, ("concrete", "relations", "learning"), strict=True):
        return_services.return_expectation_save(membership=m, kinds=[kind], own_words="")
    spread = returns.expectation_spread(community=community)
    assert spread["tie"] and spread["top_kinds"] == ["concrete", "relations", "learning"]
    text = spread["warnings"][0]["text"]
    assert "Concrete resultaten, Betere relaties en Leren" in text  # the old code named one winner
    board = dashboard.community_dashboard(community=community)
    assert board["expectations"]["top_labels"] == ["Concrete resultaten", "Betere relaties", "Leren"]
    snap = harvest.harvest_snapshot(community=community, starts_on=community.starts_on, ends_on=community.ends_on)
    assert snap["expectations"]["top"] == ["concrete", "relations", "learning"]
    shown = harvest.harvest_display(snap)
    assert shown["expectations"]["top_labels"] == ["Concrete resultaten", "Betere relaties", "Leren"]
