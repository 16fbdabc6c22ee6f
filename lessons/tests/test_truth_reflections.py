"""What the portal says about acting and looking back is true (issue 16): held meetings count as
activities in the quarter they were held, matches do not; plenaries, work visits and each workgroup
have their own row; the compass's reflection check and the reflections page's overdue list are one
set; every lessons-owned check links to its evidence; the community's goals are on its home. The
dashboard's side (its reflection chart) is in impact/tests/test_truth_reflection_chart.py."""

from datetime import date, datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lessons import selectors
from lessons.panels import home_panels
from lessons.tests.factories import ActivityFactory, LearningGoalFactory, ReflectionFactory, WorkgroupFactory
from meetings.models import MeetingKind
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 2, 12, tzinfo=timezone.get_fixed_timezone(0))


def _at(day: date, hour: int = 18):
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_fixed_timezone(0))


def _plenary(community, day, **kwargs):
    return MeetingFactory(community=community, starts_at=_at(day), **kwargs)


# 1. held meetings count in their quarter; matches are results, not activities ---------------------------

@time_machine.travel(NOW, tick=False)
def test_held_meetings_count_as_activities_in_their_quarter(community):
    workgroup = WorkgroupFactory(community=community, name="Stages en leerbanen")
    for day in (date(2026, 2, 3), date(2026, 5, 12), date(2026, 8, 18)):
        _plenary(community, day)
    _plenary(community, date(2026, 3, 24), cancelled_at=NOW)  # cancelled: not held
    _plenary(community, date(2026, 12, 20))  # still to come
    MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=workgroup, starts_at=_at(date(2026, 9, 14)))
    MeetingFactory(community=community, kind=MeetingKind.WORK_VISIT, starts_at=_at(date(2026, 8, 4), 14))
    # A match the workgroup made itself is one of its activities (the guide); the marketplace's matches
    # make none (marketplace/tests/test_truth.py).
    ActivityFactory(workgroup=workgroup, kind="match", title="Match", happened_on=date(2026, 1, 20))

    # What the dashboard's "Doen en terugkijken" sums (impact/tests/test_truth_reflection_chart.py).
    balance = selectors.reflection_balance(community=community, now=NOW, quarters=8)
    assert balance["periods"] == [date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)]
    assert [sum(row["cells"][i]["total"] for row in balance["rows"]) for i in range(4)] == [2, 1, 3, 0]


@time_machine.travel(NOW, tick=False)
def test_a_match_the_workgroup_made_itself_waits_for_its_reflection(community, participant, participant_client):
    workgroup = WorkgroupFactory(community=community)
    ActivityFactory(workgroup=workgroup, kind="match", title="Stage bij de supermarkt",
                    happened_on=date(2026, 11, 1), participants=[participant])
    ActivityFactory(workgroup=workgroup, title="Workshop", happened_on=date(2026, 11, 29), participants=[participant])
    assert [row["title"] for row in selectors.reflections_due_for(membership=participant)] == [
        "Stage bij de supermarkt", "Workshop"]
    assert ["Stage bij de supermarkt"] == [row["title"] for row in selectors.overdue_reflections(community=community)]


# 2. the balance per workgroup: a workgroup that met has its meetings in its row -------------------------

@time_machine.travel(NOW, tick=False)
def test_balance_shows_workgroup_meetings_in_their_row_and_work_visits_apart(coordinator_client, community,
                                                                           participant):
    workgroup = WorkgroupFactory(community=community, name="Handen uit de mouwen")
    met = MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=workgroup,
                         starts_at=_at(date(2026, 9, 20)))
    ReflectionFactory(meeting=met, activity=None, membership=participant)
    MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=workgroup,
                   starts_at=_at(date(2026, 11, 5)))
    _plenary(community, date(2026, 8, 18))
    MeetingFactory(community=community, kind=MeetingKind.WORK_VISIT, starts_at=_at(date(2026, 8, 4), 14))

    balance = selectors.reflection_balance(community=community, now=NOW)
    rows = {row["name"]: [(c["total"], c["reflected"]) for c in row["cells"]] for row in balance["rows"]}
    assert [row["name"] for row in balance["rows"]] == ["Plenaire bijeenkomsten", "Werkbezoeken",
                                                         "Handen uit de mouwen"]
    assert rows["Handen uit de mouwen"] == [(0, 0), (0, 0), (1, 1), (1, 0)]
    assert rows["Plenaire bijeenkomsten"] == [(0, 0), (0, 0), (1, 0), (0, 0)]
    assert rows["Werkbezoeken"] == [(0, 0), (0, 0), (1, 0), (0, 0)]
    page = coordinator_client.get(f"/c/{community.slug}/reflections/").text
    assert "1 van 1 (100%)" in page and "0 van 1 (0%)" in page


# 3. the compass's reflection check and the overdue list are one set --------------------------------------

def _check(client, community):
    response = client.get(f"/c/{community.slug}/compass/")
    return next(c for c in response.context["checks"] if c.key == "reflection")


@time_machine.travel(NOW, tick=False)
def test_compass_check_and_overdue_list_count_the_same_moments_and_a_reflection_moves_both(
        coordinator_client, participant_client, community, participant):
    workgroup = WorkgroupFactory(community=community)
    ActivityFactory(workgroup=workgroup, title="Lang geleden", happened_on=date(2026, 3, 10))  # before the window
    ActivityFactory(workgroup=workgroup, title="Net een week", happened_on=date(2026, 11, 25))  # grace not over
    ActivityFactory(workgroup=workgroup, title="Acht dagen", happened_on=date(2026, 11, 24))
    done = ActivityFactory(workgroup=workgroup, title="Al teruggeblikt", happened_on=date(2026, 9, 1))
    ReflectionFactory(activity=done, membership=participant)
    plenary = _plenary(community, date(2026, 10, 6), title="Plenair: Beursvloer voorbereiden")
    RsvpFactory(meeting=plenary, membership=participant)
    MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=workgroup, title="Werkgroep",
                   starts_at=_at(date(2026, 9, 14)))

    def overdue_titles():
        page = coordinator_client.get(f"/c/{community.slug}/reflections/")
        return sorted(row["title"] for row in page.context["overdue"])

    check = _check(coordinator_client, community)
    assert overdue_titles() == ["Acht dagen", "Plenair: Beursvloer voorbereiden", "Werkgroep"]
    assert check.evidence == "3 van 4 activiteiten sinds 2 juni 2026 hebben geen reflectie."

    response = participant_client.post(f"/c/{community.slug}/reflections/meeting/{plenary.pk}/submit/",
                                       {"what_we_did": "De beursvloer voorbereid."})
    assert response.status_code == 302
    assert overdue_titles() == ["Acht dagen", "Werkgroep"]
    assert _check(coordinator_client, community).evidence == (
        "2 van 4 activiteiten sinds 2 juni 2026 hebben geen reflectie.")


@time_machine.travel(NOW, tick=False)
def test_each_lessons_check_links_to_its_evidence(coordinator_client, participant_client, community, participant):
    community.ground_rules = "We luisteren naar elkaar."
    community.save()
    participant.ground_rules_accepted_at = None
    participant.save()
    ActivityFactory(workgroup__community=community, happened_on=date(2026, 11, 1))
    coordinator_page = coordinator_client.get(f"/c/{community.slug}/compass/").text
    assert f'href="/c/{community.slug}/reflections/#overdue-title">Bekijk de activiteiten zonder reflectie' in (
        coordinator_page)
    assert f'href="/c/{community.slug}/#rules-status-title">Bekijk wie de spelregels nog niet accepteerde' in (
        coordinator_page)
    # The overdue list is the coordinator's: a participant sees the count, and the ground rules' list.
    participant_page = participant_client.get(f"/c/{community.slug}/compass/").text
    assert "Bekijk de activiteiten zonder reflectie" not in participant_page
    assert "Bekijk wie de spelregels nog niet accepteerde" in participant_page
    home = participant_client.get(f"/c/{community.slug}/").text
    assert 'id="rules-status-title"' in home and "Pia Participant" in home


def test_every_automatic_check_links_to_its_evidence_and_each_link_opens(facilitator_client, participant_client,
                                                                         community, participant):
    community.ground_rules = "We luisteren naar elkaar."
    community.save()
    ActivityFactory(workgroup__community=community, happened_on=date(2026, 11, 1))
    compass = facilitator_client.get(f"/c/{community.slug}/compass/")
    lessons_checks = [c for c in compass.context["checks"] if c.key != "drift"]
    assert {c.key for c in lessons_checks} >= {"group_size", "duration", "evaluation", "reflection",
                                               "mixed_workgroups", "ground_rules"}
    for check in compass.context["checks"]:
        if check.state == "unknown" and not check.evidence_url:
            continue
        assert check.evidence_url and check.evidence_label, check.key
        assert facilitator_client.get(check.evidence_url.split("#")[0]).status_code == 200, check.key
    # The community's dates are the facilitators' to change: a participant sees no link to that form.
    page = participant_client.get(f"/c/{community.slug}/compass/").text
    assert "Bekijk of verander de looptijd" not in page and "Bekijk de leden" in page


def test_the_reflections_page_says_how_many_counted_moments_it_cannot_list(facilitator_client, community):
    open_group = WorkgroupFactory(community=community, name="Open")
    closed = WorkgroupFactory(community=community, name="Besloten", closed=True)
    today = timezone.localdate()
    ActivityFactory(workgroup=open_group, happened_on=today - timezone.timedelta(days=20))
    ActivityFactory(workgroup=closed, happened_on=today - timezone.timedelta(days=20), title="Geheim overleg")
    page = facilitator_client.get(f"/c/{community.slug}/reflections/").text
    compass = facilitator_client.get(f"/c/{community.slug}/compass/")
    reflection = next(c for c in compass.context["checks"] if c.key == "reflection")
    assert "2 van 2" in reflection.evidence or " van 2 " in reflection.evidence
    assert "De wegwijzer telt 2 activiteiten en bijeenkomsten" in page
    assert "1 daarvan is van een besloten werkgroep" in page and "Geheim overleg" not in page


# 5. the community's goals on its home --------------------------------------------------------------------

def test_community_goals_are_on_the_home_for_every_member(participant_client, community, participant):
    community.goals = "Elke jongere een stageplek in het eigen dorp."
    community.save()
    LearningGoalFactory(community=community, text="Elkaars taal leren spreken")
    LearningGoalFactory(community=community, membership=participant, text="Mijn eigen leerdoel")
    home = participant_client.get(f"/c/{community.slug}/").text
    assert "Doelen van de gemeenschap" in home
    assert "Elke jongere een stageplek in het eigen dorp." in home
    assert "Elkaars taal leren spreken" in home
    assert "Mijn eigen leerdoel" not in home  # a person's goal is theirs (and the coordinator's), not the home's


def test_goals_panel_costs_the_same_queries_for_few_and_many_goals(community, participant,
                                                                   django_assert_num_queries):
    def run():
        cache.clear()
        request = RequestFactory().get("/")
        request.membership, request.community, request.user = participant, community, participant.user
        return home_panels(request)

    LearningGoalFactory(community=community)
    with CaptureQueriesContext(connection) as few:
        run()
    for _ in range(12):
        LearningGoalFactory(community=community)
        LearningGoalFactory(community=community, membership=MembershipFactory(community=community))
    with django_assert_num_queries(len(few)):
        panels = run()
    assert len(next(p for p in panels if "lessons_goals" in p)["lessons_goals"]) == 13
