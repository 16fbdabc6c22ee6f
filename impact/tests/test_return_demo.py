"""The demo: expectations for every member, returns of each kind, contributions, dare-to-ask requests,
and a second community that ended (continue, then stop) with its harvests. A second run changes nothing."""

import pytest
from django.core.management import call_command

from impact import selectors as returns
from impact.models import AskRequest, Contribution, Harvest, ReturnEntry, ReturnExpectation, ReturnKind, ReturnPerson
from participants.models import Community

pytestmark = pytest.mark.django_db


def _counts():
    return [model.objects.count() for model in (ReturnExpectation, ReturnEntry, ReturnPerson, Contribution,
                                                AskRequest, Harvest, Community)]


def test_demo_has_expectations_returns_contributions_and_an_ended_community(client):
    call_command("seed_demo", stdout=None)
    demo = Community.objects.get(slug="hellendoorn-demo")
    members = list(demo.memberships.all())
    assert ReturnExpectation.objects.filter(membership__in=members).count() == len(members)
    kinds = set(ReturnEntry.objects.filter(community=demo).values_list("kind", flat=True))
    assert kinds == set(ReturnKind.values)
    totals = returns.contribution_totals(community=demo)
    assert {e["key"] for e in totals["ease"] if e["count"]} == {"easy", "hard"}
    assert AskRequest.objects.filter(community=demo, closed_at__isnull=True).exists()
    assert returns.expectation_spread(community=demo)["warnings"]  # the pictures differ, as in Hellendoorn

    ended = Community.objects.get(slug="rijssen-afgerond")
    assert ended.is_read_only
    decisions = list(Harvest.objects.filter(community=ended).order_by("decided_at").values_list("decision", flat=True))
    assert decisions == ["continue", "stop"]
    final = Harvest.objects.filter(community=ended, decision="stop").get()
    assert final.snapshot["returns"]["since_start"] and final.snapshot["goal_changes"]

    client.login(email="participant@demo.example", password="lerende-gemeenschap")
    page = client.get(f"/c/rijssen-afgerond/harvest/{final.pk}/")
    assert page.status_code == 200 and "Bewust stoppen" in page.text


def test_demo_seed_twice_changes_nothing_in_returns():
    call_command("seed_demo", stdout=None)
    before = _counts()
    call_command("seed_demo", stdout=None)
    assert _counts() == before
