"""A closed workgroup: others see that it exists and can ask to join; only members see its content."""

import pytest

from workgroups.models import JoinRequest, WorkgroupMember
from workgroups.tests.factories import ActivityFactory, PostFactory, WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(community):
    wg = WorkgroupFactory(community=community, closed=True, name="Vertrouwelijk", theme="Over de begroting")
    insider = member_of(wg, user__name="Ina Insider")
    ActivityFactory(workgroup=wg, title="Geheim werkbezoek")
    PostFactory(community=community, workgroup=wg, author=insider, title="Geheime vraag")
    return wg


def test_non_member_sees_that_it_exists_but_not_its_content(participant_client, closed):
    response = participant_client.get(f"/c/{closed.community.slug}/workgroups/{closed.pk}/")
    assert response.status_code == 200
    assert "Vertrouwelijk" in response.text and "Vraag om mee te doen" in response.text
    for secret in ("Geheim werkbezoek", "Geheime vraag", "Ina Insider"):
        assert secret not in response.text


def test_list_hides_the_member_names_of_a_closed_workgroup(participant_client, closed):
    text = participant_client.get(f"/c/{closed.community.slug}/workgroups/").text
    assert "Vertrouwelijk" in text and "Ina Insider" not in text


def test_closed_content_is_404_for_non_members(participant_client, closed):
    slug = closed.community.slug
    activity, post = closed.activities.get(), closed.posts.get()
    for path in (f"/c/{slug}/activities/{activity.pk}/", f"/c/{slug}/posts/{post.pk}/",
                 f"/c/{slug}/workgroups/{closed.pk}/activities/new/", f"/c/{slug}/workgroups/{closed.pk}/edit/"):
        assert participant_client.get(path).status_code == 404, path
    assert participant_client.post(f"/c/{slug}/posts/{post.pk}/reply/", {"body": "hoi"}).status_code == 404


def test_closed_content_is_404_for_other_communities(outsider_client, closed):
    slug = closed.community.slug
    activity, post = closed.activities.get(), closed.posts.get()
    for path in (f"/c/{slug}/workgroups/{closed.pk}/", f"/c/{slug}/activities/{activity.pk}/",
                 f"/c/{slug}/posts/{post.pk}/"):
        assert outsider_client.get(path).status_code == 404, path
    own = outsider_client.get(f"/c/lg-elders/activities/{activity.pk}/")
    assert own.status_code == 404
    assert outsider_client.get(f"/c/lg-elders/workgroups/{closed.pk}/").status_code == 404


def test_closed_content_stays_out_of_overview_and_posts_for_non_members(participant_client, closed):
    slug = closed.community.slug
    for path in (f"/c/{slug}/overview/", f"/c/{slug}/posts/"):
        text = participant_client.get(path).text
        assert "Geheim werkbezoek" not in text and "Geheime vraag" not in text, path


def test_member_sees_the_content(closed):
    from django.test import Client

    client = Client()
    client.force_login(closed.members.get().membership.user)
    slug = closed.community.slug
    text = client.get(f"/c/{slug}/workgroups/{closed.pk}/").text
    assert "Geheim werkbezoek" in text and "Geheime vraag" in text
    assert "Geheim werkbezoek" in client.get(f"/c/{slug}/overview/").text


def test_ask_to_join_emails_each_member_once_and_a_member_accepts(
        participant_client, participant, closed, mailoutbox, django_capture_on_commit_callbacks):
    second = member_of(closed, user__name="Tom Tweede")
    slug = closed.community.slug
    with django_capture_on_commit_callbacks(execute=True):
        response = participant_client.post(f"/c/{slug}/workgroups/{closed.pk}/ask/",
                                           {"message": "Ik ken de begroting goed.", "from": "page"})
    assert response.status_code == 302
    request = JoinRequest.objects.get()
    assert request.membership == participant and request.state == "open"
    member_emails = {wm.membership.user.email for wm in closed.members.select_related("membership__user")}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(member_emails)
    assert all(len(m.to) == 1 and not m.cc for m in mailoutbox)
    mail = mailoutbox[0]
    assert "Pia Participant" in mail.subject
    assert "Ik ken de begroting goed." in mail.body
    assert "Ik ken de begroting goed." in mail.alternatives[0][0]

    # asking again while the first request is open: a clear message, no second request
    again = participant_client.post(f"/c/{slug}/workgroups/{closed.pk}/ask/", follow=True)
    assert "Je hebt al gevraagd" in again.text
    assert JoinRequest.objects.count() == 1

    from django.test import Client

    member_client = Client()
    member_client.force_login(second.user)
    page = member_client.get(f"/c/{slug}/workgroups/{closed.pk}/").text
    assert "Wil meedoen" in page and "Pia Participant" in page
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/c/{slug}/workgroups/{closed.pk}/requests/{request.pk}/", {"decision": "accept"})
    assert WorkgroupMember.objects.filter(workgroup=closed, membership=participant).exists()
    assert [m.to for m in mailoutbox] == [[participant.user.email]]
    assert "Je doet nu mee" in mailoutbox[0].subject
    # now the participant sees the content
    assert "Geheim werkbezoek" in participant_client.get(f"/c/{slug}/workgroups/{closed.pk}/").text


def test_non_member_cannot_decide_a_join_request(participant_client, participant, closed, community):
    from participants.tests.factories import MembershipFactory

    asker = MembershipFactory(community=community)
    request = JoinRequest.objects.create(workgroup=closed, membership=asker)
    response = participant_client.post(
        f"/c/{community.slug}/workgroups/{closed.pk}/requests/{request.pk}/", {"decision": "accept"})
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.state == "open"


def test_asking_to_join_an_open_workgroup_says_to_just_join(participant_client, community):
    wg = WorkgroupFactory(community=community)
    response = participant_client.post(f"/c/{community.slug}/workgroups/{wg.pk}/ask/", follow=True)
    assert "direct meedoen" in response.text
    assert not JoinRequest.objects.exists()


def test_ask_with_htmx_shows_that_the_request_is_pending(participant_client, closed):
    response = participant_client.post(f"/c/{closed.community.slug}/workgroups/{closed.pk}/ask/", {"from": "list"},
                                       HTTP_HX_REQUEST="true")
    assert "Gevraagd" in response.text and 'role="status"' in response.text
