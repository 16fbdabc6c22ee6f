"""One source per figure (issue 16): a community with held meetings, workgroup activities, reflections,
marketplace matches in every state, a logged contact and nudge answers (one still in, one changed from
still in to a pause, one unanswered); the home, the compass, the reflections page, the dashboard, the
catch-up list, the returns export and the harvest give the same figures and names."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine

from engagement import services as engagement_services
from engagement.models import Contact, Nudge, NudgeAnswer
from engagement.tests.drift_factories import NOW, member, plenary
from impact import harvest
from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupFactory
from marketplace.models import MatchStatus
from marketplace.tests.factories import MarketplaceFactory, MatchFactory
from participants.selectors import active_members, counted_in_group

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
    # Nudges: one answered "still in" (a new reset point: off the list), one who first said "still in"
    # and then changed it to a pause (paused: off the list, listed as paused), and the drifter's unanswered one.
    still_in = member(community, user__name="Nina Nogmee", login_days_ago=None)
    paused = member(community, user__name="Pim Pauze", login_days_ago=None)
    for who in (still_in, paused, drifter):
        Nudge.objects.create(membership=who, period=1, sent_at=NOW - timedelta(days=6))
    engagement_services.nudge_answer(nudge=still_in.nudges.get(), answer=NudgeAnswer.STILL_IN,
                                     now=NOW - timedelta(days=5))
    nudge = paused.nudges.get()
    engagement_services.nudge_answer(nudge=nudge, answer=NudgeAnswer.STILL_IN, now=NOW - timedelta(days=5))
    engagement_services.nudge_answer(nudge=nudge, answer=NudgeAnswer.PAUSE, pause_until=TODAY + timedelta(days=30),
                                     now=NOW - timedelta(days=4))
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
    home_panel = next(p for p in home.context["panels"] if "catch_up_count" in p)
    assert home_panel["catch_up_count"] == len(names)

    # Nudge answers: the one still in and the one who changed to a pause are on no list of drifters; the
    # pause is the last answer everywhere (the catch-up list's paused people, its answers, the counts).
    assert not {"Nina Nogmee", "Pim Pauze"} & set(names)
    assert [m.user.name for m in catch_up.context["paused"]] == ["Pim Pauze"]
    answers = {n.membership.user.name: n.answer for n in catch_up.context["answered"]}
    assert answers == {"Nina Nogmee": NudgeAnswer.STILL_IN, "Pim Pauze": NudgeAnswer.PAUSE}
    unanswered = {p["membership"].user.name: p["unanswered"] for p in catch_up.context["people"]}
    assert unanswered["Dirk Wegzakker"] == 1
    # Pim, paused, is no active participant: the compass's group size counts the same people as the list.
    active = active_members(community=community)
    assert "Pim Pauze" not in {m.user.name for m in active}
    size = sum(1 for m in active if counted_in_group(m))
    assert size == 7  # the four active, the drifter, the one called and the one still in
    assert f"{size} actieve deelnemers" in checks["group_size"].evidence
    assert dashboard.context["composition"]["size"] == home.context["composition"]["size"] == size
    assert snapshot["facts"]["members"] == size
