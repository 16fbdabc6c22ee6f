"""The core group is a workgroup kept in step with the core-group role: when a facilitator changes
someone's roles (the participants app's roles page), the workgroups app, registered on
lg_portal.registry.ROLES_CHANGED, moves them in or out."""

import pytest

from workgroups.models import Workgroup, WorkgroupMember

pytestmark = pytest.mark.django_db


def test_core_group_role_on_the_roles_page_puts_the_person_in_the_core_group_workgroup(
    facilitator_client, community, participant
):
    core = Workgroup.objects.create(community=community, name="Kerngroep", is_core_group=True)
    facilitator_client.post(f"/c/{community.slug}/members/{participant.pk}/roles/",
                            {"is_participant": "on", "is_core_group": "on"})
    assert WorkgroupMember.objects.filter(workgroup=core, membership=participant).exists()
    facilitator_client.post(f"/c/{community.slug}/members/{participant.pk}/roles/", {"is_participant": "on"})
    assert not WorkgroupMember.objects.filter(workgroup=core, membership=participant).exists()
