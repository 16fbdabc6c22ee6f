"""'Heterogene werkgroepen', 'Denkers én doeners', 'Niet te groot': the workgroup page warns and suggests."""

import pytest

from participants.tests.factories import MembershipFactory
from workgroups.selectors import heterogeneity
from workgroups.tests.factories import WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db


def lessons(mix):
    return [w["lesson"] for w in mix["warnings"]]


def page(client, wg):
    return client.get(f"/c/{wg.community.slug}/workgroups/{wg.pk}/").text


def test_all_doer_workgroup_warns_with_the_lessons(participant_client, community):
    wg = WorkgroupFactory(community=community)
    for sector in ("resident", "entrepreneur", "education"):
        member_of(wg, group_roles=["doer"], sector=sector)
    text = page(participant_client, wg)
    assert "Heterogene werkgroepen" in text
    assert "Alle leden hebben dezelfde groepsrol (Doener)" in text
    assert "Denkers én doeners" in text
    assert "geen denkers" in text


def test_single_sector_workgroup_warns(participant_client, community):
    wg = WorkgroupFactory(community=community)
    member_of(wg, group_roles=["doer"], sector="entrepreneur")
    member_of(wg, group_roles=["thinker"], sector="entrepreneur")
    text = page(participant_client, wg)
    assert "Alle leden komen uit één sector (Ondernemer)" in text
    assert "Denkers én doeners" not in text


def test_mixed_workgroup_has_no_warnings(participant_client, community):
    wg = WorkgroupFactory(community=community)
    member_of(wg, group_roles=["doer", "networker"], sector="entrepreneur")
    member_of(wg, group_roles=["thinker"], sector="municipality")
    member_of(wg, group_roles=["visionary"], sector="resident")
    text = page(participant_client, wg)
    assert "Les:" not in text
    assert 'class="warning"' not in text


def test_too_big_workgroup_warns_niet_te_groot(community):
    members = [MembershipFactory(community=community, group_roles=["doer", "thinker"][i % 2:i % 2 + 1],
                                 sector=["resident", "entrepreneur"][i % 2]) for i in range(9)]
    mix = heterogeneity(members=members, community_members=members)
    assert lessons(mix) == ["Niet te groot"]
    assert "9 leden: meer dan 8" in mix["warnings"][0]["text"]


def test_size_advice_can_be_set(community, settings):
    settings.LG_WORKGROUP_SIZE_MAX = 2
    members = [MembershipFactory(community=community, group_roles=["doer", "thinker"][i % 2:i % 2 + 1],
                                 sector=["resident", "entrepreneur"][i % 2]) for i in range(3)]
    assert lessons(heterogeneity(members=members, community_members=members)) == ["Niet te groot"]


def test_one_member_is_no_one_sided_group(community):
    one = [MembershipFactory(community=community, group_roles=["doer"])]
    assert lessons(heterogeneity(members=one, community_members=one)) == []


def test_suggestions_bring_missing_sectors_or_roles_and_exclude_current_members(participant_client, community):
    wg = WorkgroupFactory(community=community)
    member_of(wg, user__name="Dirk Doener", group_roles=["doer"], sector="entrepreneur")
    member_of(wg, user__name="Dora Doener", group_roles=["doer"], sector="entrepreneur")
    MembershipFactory(community=community, user__name="Tess Thinker", group_roles=["thinker"], sector="municipality")
    MembershipFactory(community=community, user__name="Otto Ondernemer", group_roles=["doer"], sector="entrepreneur")
    MembershipFactory(community=community, user__name="Paul Paused", group_roles=["thinker"], sector="church",
                      status="paused")
    MembershipFactory(community=community, user__name="Fien Facilitator", group_roles=["thinker"],
                      sector="other", is_facilitator=True, is_participant=False)
    text = page(participant_client, wg)
    section = text[text.index("Ongewone combinaties"):text.index('id="members-title"')]
    assert "Tess Thinker" in section
    assert "Gemeente" in section and "Denker" in section
    for absent in ("Dirk Doener", "Dora Doener", "Otto Ondernemer", "Paul Paused", "Fien Facilitator"):
        assert absent not in section


def test_suggestions_put_who_adds_most_first(community):
    wg_members = [MembershipFactory(community=community, group_roles=["doer"], sector="entrepreneur")]
    sector_only = MembershipFactory(community=community, group_roles=["doer"], sector="resident",
                                    user__name="A Sector")
    both = MembershipFactory(community=community, group_roles=["thinker", "gadfly"], sector="church",
                             user__name="Z Both")
    mix = heterogeneity(members=wg_members, community_members=[*wg_members, sector_only, both])
    assert [s["membership"] for s in mix["suggestions"]] == [both, sector_only]


def test_member_asks_a_suggested_person_personally_by_email_once(
        community, mailoutbox, django_capture_on_commit_callbacks):
    from django.test import Client

    wg = WorkgroupFactory(community=community, name="Stages")
    doer = member_of(wg, group_roles=["doer"], user__name="Dirk Doener")
    thinker = MembershipFactory(community=community, group_roles=["thinker"], user__name="Tess Thinker")
    client = Client()
    client.force_login(doer.user)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/c/{community.slug}/workgroups/{wg.pk}/invite/", {"member": thinker.pk})
    assert [m.to for m in mailoutbox] == [[thinker.user.email]]
    assert "Dirk Doener" in mailoutbox[0].subject and "Stages" in mailoutbox[0].subject
    assert f"/c/{community.slug}/workgroups/{wg.pk}/" in mailoutbox[0].body
    assert f"/c/{community.slug}/workgroups/{wg.pk}/" in mailoutbox[0].alternatives[0][0]


def test_inviting_someone_from_another_community_is_404(community, outsider):
    from django.test import Client

    wg = WorkgroupFactory(community=community)
    doer = member_of(wg)
    client = Client()
    client.force_login(doer.user)
    assert client.post(f"/c/{community.slug}/workgroups/{wg.pk}/invite/", {"member": outsider.pk}).status_code == 404
