"""Reflection moments on activities and held meetings: who may write, who may read, what is overdue,
and the coordinator's overview."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lessons import selectors
from lessons.models import Reflection
from lessons.tests.factories import (
    ActivityFactory,
    LearningGoalFactory,
    ReflectionFactory,
    WorkgroupFactory,
    WorkgroupMemberFactory,
)
from meetings.models import Attendance
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ANSWERS = {"what_we_did": "Drie bedrijven bezocht.", "learned_content": "Er zijn genoeg stageplekken.",
           "learned_process": "Korte overleggen werken beter.", "next_time": "Eerder de school erbij halen.",
           "insight": "Ik moet beter luisteren.", "insight_shared": ""}


def _activity_url(community, activity):
    return f"/c/{community.slug}/reflections/activity/{activity.pk}/"


def _meeting_url(community, meeting):
    return f"/c/{community.slug}/reflections/meeting/{meeting.pk}/"


def _held_meeting(community, *, days_ago=3, present=(), **kwargs):
    now = timezone.now()
    meeting = MeetingFactory(community=community, starts_at=now - timedelta(days=days_ago),
                             attendance_recorded_at=now - timedelta(days=days_ago) + timedelta(hours=5), **kwargs)
    Attendance.objects.bulk_create([Attendance(meeting=meeting, membership=m) for m in present])
    return meeting


# writing ---------------------------------------------------------------------------------------------

def test_participant_reflects_on_an_activity_they_took_part_in(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, happened_on=timezone.localdate(),
                               participants=[participant])
    assert selectors.reflections_due_for(membership=participant)[0]["obj"] == activity
    response = participant_client.post(_activity_url(community, activity) + "submit/", ANSWERS)
    assert response.status_code == 302
    reflection = Reflection.objects.get(activity=activity, membership=participant)
    assert reflection.learned_process == "Korte overleggen werken beter."
    assert reflection.community == community
    assert selectors.reflections_due_for(membership=participant) == []


def test_writing_again_updates_the_same_reflection(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, participants=[participant])
    participant_client.post(_activity_url(community, activity) + "submit/", ANSWERS)
    participant_client.post(_activity_url(community, activity) + "submit/", {**ANSWERS, "what_we_did": "Vier bedrijven."})
    assert Reflection.objects.get(activity=activity).what_we_did == "Vier bedrijven."


def test_reflecting_on_an_activity_one_did_not_take_part_in_is_refused(participant_client, community,
                                                                      core_member):
    activity = ActivityFactory(workgroup__community=community, participants=[core_member])
    page = participant_client.get(_activity_url(community, activity))
    assert "Alleen wie aan deze activiteit meedeed" in page.text
    response = participant_client.post(_activity_url(community, activity) + "submit/", ANSWERS)
    assert response.status_code == 400
    assert "Je deed niet mee aan deze activiteit." in response.text
    assert "Drie bedrijven bezocht." in response.text  # input kept
    assert not Reflection.objects.exists()


def test_what_we_did_is_required(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, participants=[participant])
    response = participant_client.post(_activity_url(community, activity) + "submit/", {**ANSWERS, "what_we_did": ""})
    assert response.status_code == 400
    assert "Schrijf kort op wat jullie gedaan hebben." in response.text
    assert not Reflection.objects.exists()


def test_future_activity_cannot_be_reflected_on(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, participants=[participant],
                               happened_on=timezone.localdate() + timedelta(days=3))
    response = participant_client.post(_activity_url(community, activity) + "submit/", ANSWERS)
    assert response.status_code == 400
    assert not Reflection.objects.exists()


def test_attendee_reflects_on_a_held_meeting(participant_client, community, participant):
    meeting = _held_meeting(community, present=[participant])
    response = participant_client.post(_meeting_url(community, meeting) + "submit/", ANSWERS)
    assert response.status_code == 302
    assert Reflection.objects.get(meeting=meeting).membership == participant


def test_member_who_was_absent_cannot_reflect_on_the_meeting(participant_client, community, participant, core_member):
    meeting = _held_meeting(community, present=[core_member])
    response = participant_client.post(_meeting_url(community, meeting) + "submit/", ANSWERS)
    assert response.status_code == 400
    assert "Je was niet bij deze bijeenkomst." in response.text
    assert not Reflection.objects.exists()


def test_before_attendance_is_recorded_those_who_said_yes_may_reflect(participant_client, community, participant):
    meeting = MeetingFactory(community=community, starts_at=timezone.now() - timedelta(days=1))
    RsvpFactory(meeting=meeting, membership=participant, answer="yes")
    assert participant_client.post(_meeting_url(community, meeting) + "submit/", ANSWERS).status_code == 302


def test_meeting_in_the_future_or_cancelled_is_refused(participant_client, community, participant):
    future = MeetingFactory(community=community)
    RsvpFactory(meeting=future, membership=participant)
    cancelled = _held_meeting(community, present=[participant])
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    for meeting in (future, cancelled):
        assert participant_client.post(_meeting_url(community, meeting) + "submit/", ANSWERS).status_code == 400
    assert not Reflection.objects.exists()


def test_reflecting_on_another_communitys_meeting_is_404(participant_client, community, participant, outsider,
                                                         other_community):
    meeting = _held_meeting(other_community, present=[outsider])
    assert participant_client.post(_meeting_url(community, meeting) + "submit/", ANSWERS).status_code == 404
    assert participant_client.post(f"/c/{other_community.slug}/reflections/meeting/{meeting.pk}/submit/",
                                   ANSWERS).status_code == 404
    assert not Reflection.objects.exists()


def test_reflection_page_does_not_accept_posts(participant_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, participants=[participant])
    assert participant_client.post(_activity_url(community, activity), ANSWERS).status_code == 405
    assert participant_client.get(_activity_url(community, activity) + "submit/").status_code == 405
    assert not Reflection.objects.exists()


def test_reflecting_on_another_communitys_activity_is_404(participant_client, community, participant,
                                                          other_community, outsider):
    activity = ActivityFactory(workgroup__community=other_community, participants=[outsider])
    assert participant_client.post(_activity_url(community, activity) + "submit/", ANSWERS).status_code == 404
    assert not Reflection.objects.exists()


# reading -------------------------------------------------------------------------------------------------

def test_reflections_are_visible_to_the_community(core_client, community, participant):
    activity = ActivityFactory(workgroup__community=community, participants=[participant])
    ReflectionFactory(activity=activity, membership=participant, learned_process="Luisteren loont.")
    response = core_client.get(_activity_url(community, activity))
    assert "Luisteren loont." in response.text


def test_closed_workgroup_reflections_are_hidden_from_outsiders(core_client, participant_client, coordinator_client,
                                                                community, participant, coordinator):
    workgroup = WorkgroupFactory(community=community, closed=True, name="Vertrouwelijk")
    WorkgroupMemberFactory(workgroup=workgroup, membership=participant)
    activity = ActivityFactory(workgroup=workgroup, title="Gesprek met de wethouder", participants=[participant],
                               happened_on=timezone.localdate() - timedelta(days=30))
    ReflectionFactory(activity=activity, membership=participant, learned_content="Geheime les",
                      insight="Gedeeld inzicht", insight_shared=True)
    meeting = _held_meeting(community, present=[participant], kind="workgroup", workgroup=workgroup)
    ReflectionFactory(activity=None, meeting=meeting, membership=participant, learned_content="Ook geheim")

    assert "Geheime les" in participant_client.get(_activity_url(community, activity)).text
    assert core_client.get(_activity_url(community, activity)).status_code == 404
    assert core_client.get(_meeting_url(community, meeting)).status_code == 404
    overview = core_client.get(f"/c/{community.slug}/reflections/").text
    assert "Gesprek met de wethouder" not in overview
    coordinator_view = coordinator_client.get(f"/c/{community.slug}/reflections/").text
    assert "Gedeeld inzicht" not in coordinator_view
    assert "Gesprek met de wethouder" not in coordinator_view
    assert not any(r.pk for r in selectors.shared_insights(membership=coordinator))


def test_personal_insight_is_shown_only_when_shared(core_client, participant_client, community, participant,
                                                    core_member):
    activity = ActivityFactory(workgroup__community=community, participants=[participant, core_member])
    ReflectionFactory(activity=activity, membership=participant, insight="Alleen voor mij")
    ReflectionFactory(activity=activity, membership=core_member, insight="Voor iedereen", insight_shared=True)
    other = core_client.get(_activity_url(community, activity)).text
    assert "Alleen voor mij" not in other and "Voor iedereen" in other
    own = participant_client.get(_activity_url(community, activity)).text
    assert "Alleen voor mij" in own


# overdue ---------------------------------------------------------------------------------------------------

def test_reflection_becomes_overdue_after_seven_days(community, participant):
    activity = ActivityFactory(workgroup__community=community, happened_on=date(2026, 5, 4), participants=[participant])
    with time_machine.travel(datetime(2026, 5, 11, 12, tzinfo=timezone.get_fixed_timezone(0)), tick=False):
        assert selectors.overdue_reflections(community=community) == []
        assert selectors.reflections_due_for(membership=participant)[0]["overdue"] is False
    with time_machine.travel(datetime(2026, 5, 12, 12, tzinfo=timezone.get_fixed_timezone(0)), tick=False):
        assert [r["obj"] for r in selectors.overdue_reflections(community=community)] == [activity]
        assert selectors.reflections_due_for(membership=participant)[0]["overdue"] is True


def test_one_reflection_ends_the_overdue_state(community, participant):
    activity = ActivityFactory(workgroup__community=community, happened_on=date(2026, 5, 4), participants=[participant])
    ReflectionFactory(activity=activity, membership=participant)
    with time_machine.travel(datetime(2026, 6, 1, 12, tzinfo=timezone.get_fixed_timezone(0)), tick=False):
        assert selectors.overdue_reflections(community=community) == []


def test_held_meeting_without_reflection_is_overdue_for_the_coordinator(coordinator_client, community, participant):
    with time_machine.travel(datetime(2026, 4, 1, 18, tzinfo=timezone.get_fixed_timezone(0)), tick=False):
        meeting = _held_meeting(community, days_ago=0, present=[participant], title="Plenair in april")
    with time_machine.travel(datetime(2026, 4, 10, 12, tzinfo=timezone.get_fixed_timezone(0)), tick=False):
        response = coordinator_client.get(f"/c/{community.slug}/reflections/")
    assert "Reflectie te laat" in response.text
    assert "Plenair in april" in response.text
    assert [r["obj"] for r in selectors.overdue_reflections(
        community=community, now=datetime(2026, 4, 10, 12, tzinfo=timezone.get_fixed_timezone(0)))] == [meeting]


def test_cancelled_and_future_meetings_are_never_overdue(community):
    MeetingFactory(community=community, starts_at=timezone.now() - timedelta(days=30), cancelled_at=timezone.now())
    MeetingFactory(community=community)
    assert selectors.overdue_reflections(community=community) == []


# coordinator's overview ---------------------------------------------------------------------------------------

def test_participant_does_not_see_the_coordinator_sections(participant_client, community):
    response = participant_client.get(f"/c/{community.slug}/reflections/")
    assert "Balans tussen doen en terugkijken" not in response.text
    assert "Gedeelde inzichten" not in response.text


@time_machine.travel(datetime(2026, 9, 15, 12, tzinfo=timezone.get_fixed_timezone(0)), tick=False)
def test_balance_per_workgroup_per_quarter(community, participant):
    workgroup = WorkgroupFactory(community=community, name="Stagebank")
    for day, reflected in [(date(2026, 7, 10), True), (date(2026, 8, 1), False), (date(2026, 4, 2), True)]:
        activity = ActivityFactory(workgroup=workgroup, happened_on=day, participants=[participant])
        if reflected:
            ReflectionFactory(activity=activity, membership=participant)
    balance = selectors.reflection_balance(community=community)
    assert balance["periods"] == [date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)]
    row = balance["rows"][0]
    assert row["name"] == "Stagebank"
    assert [(c["total"], c["reflected"], c["share"]) for c in row["cells"]] == [
        (0, 0, None), (1, 1, 100), (2, 1, 50)]


def test_coordinator_sees_learning_goals_and_shared_insights(coordinator_client, community, participant):
    LearningGoalFactory(community=community, text="Elkaars taal leren spreken")
    LearningGoalFactory(community=community, membership=participant, text="Beter netwerken")
    activity = ActivityFactory(workgroup__community=community, participants=[participant])
    ReflectionFactory(activity=activity, membership=participant, insight="Vragen stellen helpt", insight_shared=True)
    ReflectionFactory(activity=ActivityFactory(workgroup__community=community, participants=[participant]),
                      membership=participant, insight="Niet gedeeld")
    response = coordinator_client.get(f"/c/{community.slug}/reflections/")
    assert "Elkaars taal leren spreken" in response.text
    assert "Beter netwerken" in response.text and "Pia Participant" in response.text
    assert "Vragen stellen helpt" in response.text
    assert "Niet gedeeld" not in response.text


def _grow(community, n):
    for i in range(n):
        member = MembershipFactory(community=community)
        workgroup = WorkgroupFactory(community=community, closed=bool(i % 2))
        WorkgroupMemberFactory(workgroup=workgroup, membership=member)
        for days in (3, 20, 90):
            activity = ActivityFactory(workgroup=workgroup, participants=[member],
                                       happened_on=timezone.localdate() - timedelta(days=days))
            if days != 20:
                ReflectionFactory(activity=activity, membership=member, insight="inzicht", insight_shared=True)
        meeting = _held_meeting(community, days_ago=10 + i, present=[member])
        if i % 2:
            ReflectionFactory(activity=None, meeting=meeting, membership=member)
        LearningGoalFactory(community=community, membership=member)
        LearningGoalFactory(community=community)


@pytest.mark.parametrize("who", ["coordinator_client", "participant_client"])
def test_reflections_overview_costs_the_same_queries_for_few_and_many_rows(request, who, community, coordinator,
                                                                         participant, django_assert_num_queries):
    client = request.getfixturevalue(who)
    _grow(community, 2)
    client.get(f"/c/{community.slug}/reflections/")
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"/c/{community.slug}/reflections/").status_code == 200
    _grow(community, 10)
    with django_assert_num_queries(len(few)):
        assert client.get(f"/c/{community.slug}/reflections/").status_code == 200


def test_reflection_page_costs_the_same_queries_for_few_and_many_reflections(core_client, community, core_member,
                                                                             django_assert_num_queries):
    activity = ActivityFactory(workgroup__community=community, participants=[core_member])
    for _ in range(2):
        ReflectionFactory(activity=activity)
    core_client.get(_activity_url(community, activity))
    with CaptureQueriesContext(connection) as few:
        core_client.get(_activity_url(community, activity))
    for _ in range(15):
        ReflectionFactory(activity=activity)
    with django_assert_num_queries(len(few)):
        core_client.get(_activity_url(community, activity))


def test_home_panels_cost_the_same_queries_for_few_and_many_rows(participant_client, community, participant,
                                                                 django_assert_num_queries):
    from django.test import RequestFactory

    from lessons.panels import home_panels

    def run():
        from django.core.cache import cache

        cache.clear()  # measure the uncached cost: the compass checks are cached for a minute
        request = RequestFactory().get("/")
        request.membership, request.community, request.user = participant, community, participant.user
        return home_panels(request)

    _grow(community, 2)
    with CaptureQueriesContext(connection) as few:
        run()
    _grow(community, 10)
    for _ in range(6):
        ActivityFactory(workgroup__community=community, participants=[participant],
                        happened_on=timezone.localdate() - timedelta(days=2))
    with django_assert_num_queries(len(few)):
        panels = run()
    assert len(next(p for p in panels if "lessons_due" in p)["lessons_due"]) == 5
