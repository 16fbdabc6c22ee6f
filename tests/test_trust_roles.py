# ruff: noqa: B023 - each round's threads are joined before the loop moves on
"""Roles are granted, never taken (issue 17): nobody becomes core group by joining its workspace (and
so gains nothing that comes with the role); a community always keeps a facilitator, also when two
take each other's role at the same moment (PostgreSQL, two connections) and when the only one wants
to delete their account."""

import threading
import time

import pytest
from django.db import connection, connections

from participants import services
from participants.models import Membership, MemberStatus
from participants.tests.factories import MembershipFactory
from workgroups.models import JoinRequest, Workgroup, WorkgroupMember
from workgroups.tests.factories import WorkgroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def core(community):
    return WorkgroupFactory(community=community, is_core_group=True, name="Kerngroep")


def test_joining_the_core_group_page_gives_no_role_and_no_power(participant_client, participant, community, core):
    closed = WorkgroupFactory(community=community, closed=True, name="Besloten")
    c = f"/c/{community.slug}"
    page = participant_client.get(f"{c}/workgroups/{core.pk}/")
    assert "een procesbegeleider die rol geeft" in page.text and f"workgroups/{core.pk}/join/" not in page.text
    response = participant_client.post(f"{c}/workgroups/{core.pk}/join/", follow=True)
    assert "procesbegeleider" in response.text
    participant.refresh_from_db()
    assert not participant.is_core_group
    assert not WorkgroupMember.objects.filter(workgroup=core, membership=participant).exists()
    # and so no archiving of a closed workgroup
    participant_client.post(f"{c}/workgroups/{closed.pk}/archive/")
    assert Workgroup.objects.get(pk=closed.pk).archived_at is None


def test_a_core_group_join_request_cannot_be_accepted_by_its_members(core_member, participant, core):
    WorkgroupMember.objects.get_or_create(workgroup=core, membership=core_member)
    core.closed = True
    core.save()
    from workgroups import services as wg_services

    with pytest.raises(Exception, match="procesbegeleider"):
        wg_services.join_request_create(workgroup=core, membership=participant)
    asked = JoinRequest.objects.create(workgroup=core, membership=participant)  # one from before
    with pytest.raises(Exception, match="procesbegeleider"):
        wg_services.join_request_decide(join_request=asked, by=core_member, accept=True)
    participant.refresh_from_db()
    assert not participant.is_core_group


def test_the_facilitator_gives_the_role_and_the_workspace_follows(facilitator_client, participant, community, core):
    roles = {"is_core_group": "on", "is_participant": "on"}
    response = facilitator_client.post(f"/c/{community.slug}/members/{participant.pk}/roles/", roles)
    assert response.status_code == 302
    assert WorkgroupMember.objects.filter(workgroup=core, membership=participant).exists()
    response = facilitator_client.post(f"/c/{community.slug}/members/{participant.pk}/roles/", {"is_participant": "on"})
    assert not WorkgroupMember.objects.filter(workgroup=core, membership=participant).exists()


def test_the_only_facilitator_cannot_delete_their_account_before_handing_over(facilitator, community):
    from django.test import Client

    client = Client()
    client.force_login(facilitator.user)
    page = client.get("/settings/delete/")
    assert "enige procesbegeleider" in page.text and community.name in page.text
    assert 'name="confirm"' not in page.text
    response = client.post("/settings/delete/", {"confirm": "on"}, follow=True)
    assert "minstens één procesbegeleider" in response.text
    facilitator.refresh_from_db()
    assert facilitator.is_facilitator and facilitator.user.is_active and facilitator.user.name == "Fay Facilitator"
    # After handing over, deleting works.
    MembershipFactory(community=community, is_facilitator=True, user__name="Nieuwe Begeleider")
    assert 'name="confirm"' in client.get("/settings/delete/").text
    client.post("/settings/delete/", {"confirm": "on"})
    facilitator.refresh_from_db()
    assert not facilitator.user.is_active and not facilitator.is_facilitator


def test_a_stepped_out_facilitator_does_not_count_as_the_one_that_is_kept(facilitator, community):
    MembershipFactory(community=community, is_facilitator=True, status=MemberStatus.STEPPED_OUT)
    with pytest.raises(Exception, match="minstens één procesbegeleider"):
        services.membership_set_roles(membership=facilitator, roles={"is_facilitator": False}, by=facilitator)


def test_removing_another_facilitator_is_fine_while_one_stays(facilitator, community):
    other = MembershipFactory(community=community, is_facilitator=True)
    services.membership_set_roles(membership=other, roles={"is_facilitator": False}, by=facilitator)
    assert not Membership.objects.get(pk=other.pk).is_facilitator


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="two real connections at once: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_facilitators_taking_each_others_role_at_once_leave_one(monkeypatch):
    from participants.tests.factories import CommunityFactory

    assert connection.vendor == "postgresql"
    real_save = Membership.save

    def slow_save(self, *args, **kwargs):
        time.sleep(0.15)  # widen the window between the check and the write
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Membership, "save", slow_save)
    lost = 0
    rounds = 10
    for i in range(rounds):
        community = CommunityFactory(slug=f"race-{i}")
        a = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
        b = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
        barrier = threading.Barrier(2)
        outcomes = []

        def take(victim, by):
            try:
                barrier.wait()
                services.membership_set_roles(membership=Membership.objects.get(pk=victim.pk),
                                              roles={"is_facilitator": False}, by=by)
                outcomes.append("ok")
            except Exception as exc:  # noqa: BLE001 - the refused one
                outcomes.append(type(exc).__name__)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=take, args=(a, b)), threading.Thread(target=take, args=(b, a))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        left = Membership.objects.filter(community=community, is_facilitator=True).count()
        lost += left == 0
        assert sorted(outcomes) == ["ValidationError", "ok"], outcomes
    assert lost == 0
