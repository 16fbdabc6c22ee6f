"""Each automatic check on data that passes it and data that fails it."""

from datetime import date, datetime

import pytest
import time_machine
from django.utils import timezone

from lessons import checks, selectors
from lessons.models import Evaluation
from lessons.tests.factories import ActivityFactory, ReflectionFactory, WorkgroupFactory, WorkgroupMemberFactory
from participants.tests.factories import CommunityFactory, MembershipFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 9, 15, 12, 0, tzinfo=timezone.get_fixed_timezone(0))


def _members(community, n, **kwargs):
    return [MembershipFactory(community=community, **kwargs) for _ in range(n)]


# group size ---------------------------------------------------------------------------------------

def test_group_size_of_twelve_passes(community):
    result = checks.check_group_size(members=_members(community, 12))
    assert result.state == checks.OK
    assert "12 actieve deelnemers" in result.evidence


def test_group_size_of_twenty_two_fails(community):
    result = checks.check_group_size(members=_members(community, 22))
    assert result.state == checks.ATTENTION
    assert "22" in result.evidence and "10 tot 15" in result.evidence


def test_group_size_counts_neither_facilitators_nor_paused_members(community):
    members = _members(community, 10) + _members(community, 2, is_facilitator=True, is_participant=False)
    members[0].status = "paused"
    assert checks.check_group_size(members=members).state == checks.ATTENTION  # 9 count


# duration ----------------------------------------------------------------------------------------

def test_two_year_community_passes_duration():
    community = CommunityFactory(starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31))
    assert checks.check_duration(community=community).state == checks.OK


def test_eight_month_community_fails_duration():
    community = CommunityFactory(starts_on=date(2026, 1, 1), ends_on=date(2026, 9, 1))
    result = checks.check_duration(community=community)
    assert result.state == checks.ATTENTION
    assert "8 maanden" in result.evidence


# evaluation ----------------------------------------------------------------------------------------

def test_evaluation_in_the_last_six_months_passes():
    community = CommunityFactory(starts_on=date(2025, 1, 1), ends_on=date(2026, 12, 31))
    result = checks.check_evaluation(community=community, last_concluded=date(2026, 5, 1), today=date(2026, 9, 15))
    assert result.state == checks.OK


def test_evaluation_longer_ago_fails():
    community = CommunityFactory(starts_on=date(2025, 1, 1), ends_on=date(2026, 12, 31))
    result = checks.check_evaluation(community=community, last_concluded=date(2026, 1, 10), today=date(2026, 9, 15))
    assert result.state == checks.ATTENTION
    assert "10 januari 2026" in result.evidence


def test_no_evaluation_after_a_year_fails():
    community = CommunityFactory(starts_on=date(2025, 6, 1), ends_on=date(2027, 6, 1))
    result = checks.check_evaluation(community=community, last_concluded=None, today=date(2026, 9, 15))
    assert result.state == checks.ATTENTION
    assert "nog geen tussenevaluatie" in result.evidence


def test_young_community_without_evaluation_passes_and_names_the_first_date():
    community = CommunityFactory(starts_on=date(2026, 6, 1), ends_on=date(2027, 12, 1))
    result = checks.check_evaluation(community=community, last_concluded=None, today=date(2026, 9, 15))
    assert result.state == checks.OK
    assert "1 december 2026" in result.evidence


# reflection ---------------------------------------------------------------------------------------

def test_reflection_on_every_activity_passes():
    result = checks.check_reflection(total=5, missing=0, since=date(2026, 3, 15))
    assert result.state == checks.OK
    assert result.evidence == "Alle 5 activiteiten sinds 15 maart 2026 hebben een reflectie."


def test_activities_without_reflection_fail_with_evidence():
    result = checks.check_reflection(total=11, missing=3, since=date(2026, 3, 15))
    assert result.state == checks.ATTENTION
    assert result.evidence == "3 van 11 activiteiten sinds 15 maart 2026 hebben geen reflectie."


def test_no_activities_is_unknown():
    assert checks.check_reflection(total=0, missing=0, since=date(2026, 3, 15)).state == checks.UNKNOWN


@time_machine.travel(NOW, tick=False)
def test_reflection_check_counts_activities_of_the_last_six_months_past_the_grace_period():
    community = CommunityFactory(starts_on=date(2025, 9, 1), ends_on=date(2027, 9, 1))
    member = MembershipFactory(community=community)
    workgroup = WorkgroupFactory(community=community)
    reflected = ActivityFactory(workgroup=workgroup, happened_on=date(2026, 6, 1), participants=[member])
    ReflectionFactory(activity=reflected, membership=member)
    ActivityFactory(workgroup=workgroup, happened_on=date(2026, 7, 1))  # no reflection
    ActivityFactory(workgroup=workgroup, happened_on=date(2026, 1, 1))  # too long ago
    ActivityFactory(workgroup=workgroup, happened_on=date(2026, 9, 12))  # still within 7 days
    result = selectors.compass_checks(community=community)["reflection"]
    assert result.state == checks.ATTENTION
    assert result.evidence == "1 van 2 activiteiten sinds 15 maart 2026 heeft geen reflectie."


# mixed workgroups -----------------------------------------------------------------------------------

def test_mixed_workgroup_passes(community):
    a = MembershipFactory(community=community, sector="entrepreneur", group_roles=["doer"])
    b = MembershipFactory(community=community, sector="education", group_roles=["thinker"])
    assert checks.check_mixed_workgroups(workgroups=[("Stages", [a, b])]).state == checks.OK


def test_all_doer_workgroup_fails(community):
    a = MembershipFactory(community=community, sector="entrepreneur", group_roles=["doer"])
    b = MembershipFactory(community=community, sector="education", group_roles=["doer", "networker"])
    result = checks.check_mixed_workgroups(workgroups=[("Stages", [a, b])])
    assert result.state == checks.ATTENTION
    assert "Stages (alleen doeners)" in result.evidence


def test_one_sector_workgroup_fails(community):
    a = MembershipFactory(community=community, sector="entrepreneur", group_roles=["doer"])
    b = MembershipFactory(community=community, sector="entrepreneur", group_roles=["thinker"])
    result = checks.check_mixed_workgroups(workgroups=[("Ondernemers", [a, b])])
    assert result.state == checks.ATTENTION
    assert "één sector" in result.evidence


def test_mixed_workgroups_read_from_the_workgroups_app(community):
    workgroup = WorkgroupFactory(community=community, name="Stagebank")
    for sector in ("entrepreneur", "resident"):
        WorkgroupMemberFactory(workgroup=workgroup, membership=MembershipFactory(
            community=community, sector=sector, group_roles=["thinker"]))
    result = selectors.compass_checks(community=community)["mixed_workgroups"]
    assert result.state == checks.ATTENTION
    assert "Stagebank (geen doeners)" in result.evidence


# ground rules ---------------------------------------------------------------------------------------

def test_ground_rules_accepted_by_all_pass():
    community = CommunityFactory(ground_rules="We zijn gelijkwaardig.")
    members = _members(community, 3)
    assert checks.check_ground_rules(community=community, members=members).state == checks.OK


def test_ground_rules_not_accepted_by_someone_fail_and_name_them():
    community = CommunityFactory(ground_rules="We zijn gelijkwaardig.")
    members = _members(community, 3)
    late = MembershipFactory(community=community, ground_rules_accepted_at=None, user__name="Peter Lammers")
    result = checks.check_ground_rules(community=community, members=[*members, late])
    assert result.state == checks.ATTENTION
    assert "1 van 4" in result.evidence and "Peter Lammers" in result.evidence


def test_no_ground_rules_at_all_fails():
    community = CommunityFactory(ground_rules="")
    assert checks.check_ground_rules(community=community, members=[]).state == checks.ATTENTION


def test_checks_on_the_compass_page_show_state_and_evidence(participant_client, community):
    Evaluation.objects.create(community=community, planned_on=date(2026, 7, 1), concluded_at=timezone.now(),
                              conclusion="Goed op weg.")
    response = participant_client.get(f"/c/{community.slug}/compass/")
    assert "Laatste tussenevaluatie afgerond op" in response.text
    assert "Groepsgrootte" in response.text
