"""One source per figure (issue 16): a community with held meetings, workgroup activities, reflections,
marketplace matches in every state and a logged contact; the home, the compass, the reflections page,
the dashboard, the returns export and the harvest give the same figures and names."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine

from engagement.models import Contact
from engagement.tests.drift_factories import NOW, member, plenary
from impact import harvest
from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupFactory
from marketplace.models import MatchStatus
from marketplace.tests.factories import MarketplaceFactory, MatchFactory

pytestmark = pytest.mark.django_db
TODAY = NOW.date()


def _build(community, facilitator):
    active = [member(community, user__name=f"Actief {i}") for i in range(4)]
    drifter = member(community, user__name="Dirk Wegzakker", login_days_ago=None)
    called = member(community, user__name="Cora Gebeld", login_days_ago=None)
    for days in (70, 40, 12):
        held = plenary(community, days_ago=days, present=active)
    ReflectionFactory(meeting=held, activity=None, membership=active[0])
    workgroup = WorkgroupFactory(community=community)
    ActivityFactory(workgroup=workgroup, happened_on=TODAY - timedelta(days=20))
    reflected = ActivityFactory(workgroup=workgroup, happened_on=TODAY - timedelta(days=45))
    ReflectionFactory(activity=reflected, membership=active[1])
    marketplace = MarketplaceFactory(community=community, workgroup=workgroup, held_on=TODAY - timedelta(days=50))
    MatchFactory(marketplace=marketplace, status=MatchStatus.DELIVERED, value_eur=Decimal("100"),
                 delivered_on=TODAY - timedelta(days=5))
    MatchFactory(marketplace=marketplace, status=MatchStatus.DELIVERED, value_eur=Decimal("1000"),
                 delivered_on=TODAY + timedelta(days=30))  # dated ahead: not yet return
    MatchFactory(marketplace=marketplace, status=MatchStatus.PENDING, value_eur=Decimal("200"))
    MatchFactory(marketplace=marketplace, status=MatchStatus.DROPPED, value_eur=Decimal("400"))
    # A contact whose follow-up day has come: back on the catch-up list.
    Contact.objects.create(membership=called, by=facilitator, happened_at=NOW - timedelta(days=10),
                           note="Gebeld", follow_up_on=TODAY - timedelta(days=1))
    return drifter, called


@time_machine.travel(NOW, tick=False)
def test_every_page_gives_the_same_figures_and_names(community, facilitator, facilitator_client):
    community.starts_on = TODAY - timedelta(days=200)
    community.save()
    _build(community, facilitator)
    c = f"/c/{community.slug}"

    compass = facilitator_client.get(f"{c}/compass/")
    checks = {r.key: r for r in compass.context["checks"]}
    reflections = facilitator_client.get(f"{c}/reflections/")
    dashboard = facilitator_client.get(f"{c}/dashboard/")
    returns = facilitator_client.get(f"{c}/return/")
    catch_up = facilitator_client.get(f"{c}/catch-up/")
    home = facilitator_client.get(f"{c}/")
    export = facilitator_client.get(f"{c}/export/returns.csv")
    snapshot = harvest.harvest_snapshot(community=community, starts_on=community.starts_on, ends_on=TODAY, now=NOW)
    for response in (compass, reflections, dashboard, returns, catch_up, home, export):
        assert response.status_code == 200

    # Activities without a reflection: the compass's count is the reflections page's list.
    overdue = reflections.context["overdue"]
    assert len(overdue) == 3  # the plenaries of 70 and 40 days ago, the activity of 20 days ago
    assert f"{len(overdue)} van " in checks["reflection"].evidence

    # Activities per quarter: the dashboard's table sums the reflections page's balance.
    balance = reflections.context["balance"]
    per_quarter = [sum(row["cells"][i]["total"] for row in balance["rows"]) for i in range(len(balance["periods"]))]
    chart = dashboard.context["reflection_chart"]
    counted = dict(chart.extra)["Activiteiten"]
    assert counted[-len(per_quarter):] == per_quarter
    assert sum(per_quarter) == 5  # three plenaries and two activities; no match is an activity

    # Concrete return: one delivered match of EUR 100, on the ledger, the dashboard, the export and the harvest.
    for totals in (returns.context["totals"]["matches"], dashboard.context["return_totals"]["matches"]):
        assert (totals["delivered"], totals["delivered_value"]) == (1, Decimal("100"))
        assert (totals["open"], totals["dropped"]) == (2, 1)
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert sum(1 for row in rows if any("beursvloer" in cell.lower() for cell in row)) == 1
    assert snapshot["returns"]["matches"]["delivered"] == 1
    assert snapshot["returns"]["matches"]["open"] == 2 and snapshot["returns"]["matches"]["dropped"] == 1

    # Who drifts away: the catch-up list, the compass's names (for facilitators) and the home's count.
    names = sorted(p["membership"].user.name for p in catch_up.context["people"])
    assert {"Cora Gebeld", "Dirk Wegzakker"} <= set(names)  # the follow-up that came, the one who is gone
    assert sorted(checks["drift"].details) == names
    assert f"{len(names)} mensen" in checks["drift"].evidence
    assert snapshot["compass"] and "Dirk Wegzakker" not in str(snapshot)
