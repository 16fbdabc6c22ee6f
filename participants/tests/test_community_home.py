import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from participants.models import GroupRole, Sector
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def add_members(community, n):
    sectors = [s for s, _ in Sector.choices]
    roles = [r for r, _ in GroupRole.choices]
    for i in range(n):
        MembershipFactory(community=community, sector=sectors[i % len(sectors)], group_roles=[roles[i % len(roles)]],
                          hours_per_month=2 + i % 7)


def home_queries(client, community):
    cache.clear()  # the same cost each time: some panels cache their summary for a minute
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(f"/c/{community.slug}/")
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_home_costs_the_same_queries_for_3_and_30_members(facilitator_client, community):
    add_members(community, 2)
    few = home_queries(facilitator_client, community)
    add_members(community, 28)
    many = home_queries(facilitator_client, community)
    assert few == many


def test_composition_warns_when_group_is_too_big(facilitator_client, community):
    add_members(community, 18)
    text = facilitator_client.get(f"/c/{community.slug}/").text
    assert "Niet te groot" in text and "18 deelnemers" in text


def test_composition_names_missing_sectors_and_thinkers_and_doers(facilitator_client, community):
    for _ in range(11):
        MembershipFactory(community=community, sector="resident", group_roles=["doer"])
    text = facilitator_client.get(f"/c/{community.slug}/").text
    assert "Ondernemer" in text and "Gemeente" in text  # named as missing
    assert "Denkers én doeners" in text and "geen denkers" in text
    assert "Meer dan de helft komt uit één sector" in text


def test_balanced_group_gets_no_size_or_role_warning(facilitator_client, community):
    add_members(community, 12)
    text = facilitator_client.get(f"/c/{community.slug}/").text
    assert "Niet te groot" not in text and "Denkers én doeners" not in text


def test_low_commitment_is_pointed_out(facilitator_client, community):
    MembershipFactory(community=community, hours_per_month=1)
    assert "minder dan 4 uur" in facilitator_client.get(f"/c/{community.slug}/").text


def test_facilitator_sees_invitation_panel_participant_does_not(facilitator_client, participant_client, community):
    assert "Uitnodigingen en suggesties" in facilitator_client.get(f"/c/{community.slug}/").text
    assert "Uitnodigingen en suggesties" not in participant_client.get(f"/c/{community.slug}/").text


def test_stepped_out_member_no_longer_sees_the_community(client, community):
    member = MembershipFactory(community=community, status="stepped_out")
    client.force_login(member.user)
    response = client.get(f"/c/{community.slug}/")
    # Nothing of the community: only that they stepped out, and how to come back.
    assert response.status_code == 403 and "gestapt" in response.text
    assert "class=\"panel\"" not in response.text and community.question not in response.text


def test_panels_from_other_apps_get_their_own_values(facilitator_client, community):
    import re

    text = facilitator_client.get(f"/c/{community.slug}/").text
    assert re.search(r"\d+ van \d+ controles in orde", text)


def test_a_stopped_community_is_read_only(facilitator_client, community, participant_client):
    from django.utils import timezone

    community.stopped_at = timezone.now()
    community.save()
    assert participant_client.get(f"/c/{community.slug}/").status_code == 200
    response = participant_client.post(f"/c/{community.slug}/suggest/", {"name": "X", "reason": "Y"}, follow=True)
    assert "gestopt" in response.text
    from participants.models import Suggestion

    assert not Suggestion.objects.exists()
