"""Members of another community get 404 on every return, costs, dashboard, export and harvest page and
action; objects of another community are 404 from inside this one; changes need POST."""

import pytest

from impact import harvest
from impact.models import AskRequest, Contribution, ReturnEntry
from impact.tests.factories import AskRequestFactory, ContributionFactory, ReturnEntryFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

GETS = ["return/", "return/new/", "return/expectations/", "return/who-found-whom/", "costs/", "costs/new/",
        "costs/ask/", "dashboard/", "export/members.csv", "export/attendance.csv", "export/returns.csv",
        "export/contributions.csv", "export/returns.csv?format=xlsx", "harvest/", "harvest/preview/", "harvest/{harvest}/",
        "harvest/{harvest}/download/"]
POSTS = ["return/add/", "return/{entry}/delete/", "return/expectations/save/", "costs/add/",
         "costs/{contribution}/delete/", "costs/ask/add/", "costs/ask/{ask}/answer/", "costs/ask/{ask}/close/",
         "harvest/end/"]


@pytest.fixture
def objects(community, facilitator):
    entry = ReturnEntryFactory(community=community)
    contribution = ContributionFactory(community=community)
    ask = AskRequestFactory(community=community)
    done = harvest.period_close(community=community, by=facilitator, decision="continue",
                              period_ends_on=community.ends_on, new_ends_on=community.ends_on.replace(year=2029))
    return {"entry": entry.pk, "contribution": contribution.pk, "ask": ask.pk, "harvest": done.pk}


@pytest.mark.parametrize("path", GETS)
def test_member_of_another_community_gets_404_on_every_page(outsider_client, community, objects, path):
    assert outsider_client.get(f"/c/{community.slug}/" + path.format(**objects)).status_code == 404


@pytest.mark.parametrize("path", POSTS)
def test_member_of_another_community_gets_404_on_every_change(outsider_client, community, objects, path):
    assert outsider_client.post(f"/c/{community.slug}/" + path.format(**objects), {}).status_code == 404
    assert ReturnEntry.objects.count() == 1 and Contribution.objects.count() == 1
    assert AskRequest.objects.get().is_open


@pytest.mark.parametrize("path", GETS)
def test_anonymous_visitors_are_sent_to_log_in(anon_client, community, objects, path):
    response = anon_client.get(f"/c/{community.slug}/" + path.format(**objects))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("path", [p for p in POSTS if "{" in p] + ["harvest/{harvest}/", "harvest/{harvest}/download/"])
def test_another_communitys_objects_are_404_from_inside_this_one(other_community, outsider_client, objects, path):
    # The outsider is a facilitator of their own community, but these objects belong to the other one.
    url = f"/c/{other_community.slug}/" + path.format(**objects)
    response = outsider_client.post(url, {}) if not path.startswith("harvest/") else outsider_client.get(url)
    assert response.status_code == 404
    assert ReturnEntry.objects.count() == 1 and Contribution.objects.count() == 1


@pytest.mark.parametrize("path", [p for p in POSTS if "{" in p or p.endswith("add/") or p.endswith("end/")])
def test_changes_need_post(facilitator_client, community, objects, path):
    assert facilitator_client.get(f"/c/{community.slug}/" + path.format(**objects)).status_code == 405


def test_a_member_who_stepped_out_no_longer_sees_it(community, objects):
    from django.test import Client

    gone = MembershipFactory(community=community, status="stepped_out")
    client = Client()
    client.force_login(gone.user)
    response = client.get(f"/c/{community.slug}/dashboard/")
    assert response.status_code == 403 and "gestapt" in response.text and "rendement" not in response.text.lower()
