"""Organisers' pages: members of the organising workgroup and facilitators; another community's
marketplace is a 404."""

import pytest

from marketplace.models import Marketplace

from .factories import MarketplaceFactory, WorkgroupFactory, add_to_workgroup

pytestmark = pytest.mark.django_db

ORGANISER_PAGES = ["", "edit/", "matching/", "matches/print/", "matches.csv", "matches.csv?format=xlsx"]


def url(marketplace, page=""):
    return f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/{page}"


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_workgroup_member_and_facilitator_see_the_organisers_pages(core_client, facilitator_client, organiser,
                                                                    marketplace, page):
    assert core_client.get(url(marketplace, page)).status_code == 200
    assert facilitator_client.get(url(marketplace, page)).status_code == 200


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_member_outside_the_workgroup_is_refused(participant_client, marketplace, page):
    assert participant_client.get(url(marketplace, page)).status_code == 403


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_marketplace_of_another_community_is_404(outsider_client, marketplace, page):
    # The outsider is a facilitator of their own community, not of this one.
    assert outsider_client.get(url(marketplace, page)).status_code == 404


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_marketplace_of_another_community_is_404_under_my_own_slug(facilitator_client, community, other_community,
                                                                   page):
    theirs = MarketplaceFactory(community=other_community, workgroup__community=other_community)
    assert facilitator_client.get(f"/c/{community.slug}/marketplace/{theirs.pk}/{page}").status_code == 404


def test_posts_on_another_communitys_marketplace_are_404(facilitator_client, community, other_community):
    theirs = MarketplaceFactory(community=other_community, workgroup__community=other_community)
    base = f"/c/{community.slug}/marketplace/{theirs.pk}/"
    assert facilitator_client.post(base + "matches/new/", {}).status_code == 404
    assert facilitator_client.post(base + "matches/1/status/", {"status": "dropped"}).status_code == 404


def test_anonymous_visitor_is_sent_to_login(anon_client, marketplace):
    response = anon_client.get(url(marketplace))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_every_member_sees_the_results_overview(participant_client, marketplace):
    response = participant_client.get(f"/c/{marketplace.community.slug}/marketplace/")
    assert response.status_code == 200
    assert marketplace.title in response.text
    assert url(marketplace) not in response.text  # no link to the organisers' page
    assert "Nieuwe beursvloer" not in response.text


def test_workgroup_member_creates_a_marketplace_for_their_workgroup(core_client, core_member, community):
    mine = WorkgroupFactory(community=community, name="Beursvloer 2027")
    WorkgroupFactory(community=community, name="Andere werkgroep")
    add_to_workgroup(mine, core_member)
    page = core_client.get(f"/c/{community.slug}/marketplace/new/")
    assert "Beursvloer 2027" in page.text and "Andere werkgroep" not in page.text
    response = core_client.post(f"/c/{community.slug}/marketplace/new/", {
        "title": "Maatschappelijke beursvloer 2027", "workgroup": mine.pk, "held_on": "2027-10-07",
        "starts_at": "16:00", "ends_at": "19:00", "place": "Het Anker", "audience": "Iedereen uit de gemeente",
        "allowed_kinds": ["non_profit", "civil_society", "business"], "entry_deadline": "2027-09-30T12:00",
        "follow_up_weeks": 6,
    })
    marketplace = Marketplace.objects.get()
    assert response.status_code == 302 and response["Location"] == url(marketplace)
    assert marketplace.workgroup == mine and marketplace.community == community
    assert marketplace.allowed_kinds == ["non_profit", "civil_society", "business"]
    assert marketplace.entry_deadline.hour == 10  # noon in Amsterdam, stored in UTC
    assert len(marketplace.public_token) >= 16


def test_deadline_after_the_day_is_refused(facilitator_client, community):
    wg = WorkgroupFactory(community=community)
    response = facilitator_client.post(f"/c/{community.slug}/marketplace/new/", {
        "title": "Beursvloer", "workgroup": wg.pk, "held_on": "2027-10-07", "place": "Het Anker",
        "audience": "Iedereen", "allowed_kinds": ["business"], "entry_deadline": "2027-10-08T12:00",
        "follow_up_weeks": 6,
    })
    assert response.status_code == 200
    assert "uiterlijk op de dag van de beursvloer sluiten" in response.text
    assert not Marketplace.objects.exists()


def test_member_without_a_workgroup_cannot_create(participant_client, community):
    WorkgroupFactory(community=community)
    assert participant_client.get(f"/c/{community.slug}/marketplace/new/").status_code == 403


def test_cannot_create_for_a_workgroup_of_another_community(facilitator_client, community, other_community):
    theirs = WorkgroupFactory(community=other_community)
    WorkgroupFactory(community=community)
    response = facilitator_client.post(f"/c/{community.slug}/marketplace/new/", {
        "title": "Beursvloer", "workgroup": theirs.pk, "held_on": "2027-10-07", "place": "Het Anker",
        "audience": "Iedereen", "allowed_kinds": ["business"], "entry_deadline": "2027-10-01T12:00",
        "follow_up_weeks": 6,
    })
    assert response.status_code == 200
    assert not Marketplace.objects.exists()


def test_organiser_edits_the_marketplace(core_client, organiser, marketplace):
    response = core_client.post(url(marketplace, "edit/"), {
        "title": "Beursvloer, nieuwe naam", "workgroup": marketplace.workgroup.pk,
        "held_on": marketplace.held_on.isoformat(), "place": "Sporthal", "audience": "Iedereen",
        "allowed_kinds": ["business", "non_profit"],
        "entry_deadline": f"{marketplace.held_on.isoformat()}T09:00", "follow_up_weeks": 8,
    })
    assert response.status_code == 302
    marketplace.refresh_from_db()
    assert (marketplace.title, marketplace.place, marketplace.follow_up_weeks) == ("Beursvloer, nieuwe naam",
                                                                                  "Sporthal", 8)
