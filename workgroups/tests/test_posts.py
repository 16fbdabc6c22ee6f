"""Questions, proposals, ideas and updates; 'Snelheid': what waits for an answer after three days."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from workgroups import services
from workgroups.models import UPDATE_BODY_MAX, Post, Reply
from workgroups.selectors import posts_waiting_for_answer
from workgroups.tests.factories import PostFactory, ReplyFactory, WorkgroupFactory, member_of

pytestmark = pytest.mark.django_db

START = datetime(2026, 5, 4, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def waiting_titles(**kwargs):
    return [p.title for p in posts_waiting_for_answer(now=timezone.now(), **kwargs)]


def test_a_question_without_reply_waits_after_three_days(participant_client, participant, community):
    with time_machine.travel(START, tick=False):
        services.post_create(community=community, by=participant, kind="question", title="Wie kent een stagebedrijf?",
                             body="Voor een leerling in de zorg.")
        services.post_create(community=community, by=participant, kind="update", topic="process",
                             title="We zijn begonnen", body="Eerste overleg gehad.")
    with time_machine.travel(START + timedelta(days=2, hours=23), tick=False):
        assert waiting_titles() == []
        text = participant_client.get(f"/c/{community.slug}/posts/").text
        assert "Wie kent een stagebedrijf?" not in text[text.index('id="waiting-title"'):text.index('id="open-title"')]
    with time_machine.travel(START + timedelta(days=3, minutes=1), tick=False):
        assert waiting_titles() == ["Wie kent een stagebedrijf?"]
        text = participant_client.get(f"/c/{community.slug}/posts/").text
        waiting = text[text.index('id="waiting-title"'):text.index('id="open-title"')]
        assert "Wie kent een stagebedrijf?" in waiting and "We zijn begonnen" not in waiting


def test_a_reply_by_someone_else_stops_the_waiting_but_the_posters_own_does_not(community):
    with time_machine.travel(START, tick=False):
        post = PostFactory(community=community, kind="proposal", title="Voorstel")
        services.reply_create(post=post, by=post.author, body="Nog een aanvulling.")
    with time_machine.travel(START + timedelta(days=4), tick=False):
        assert waiting_titles() == ["Voorstel"]
        ReplyFactory(post=post)
        assert waiting_titles() == []


def test_marked_answered_no_longer_waits(community):
    with time_machine.travel(START, tick=False):
        post = PostFactory(community=community, kind="idea", title="Idee")
    with time_machine.travel(START + timedelta(days=5), tick=False):
        services.post_mark_answered(post=post, by=post.author)
        assert waiting_titles() == []


def test_waiting_posts_of_an_archived_workgroup_no_longer_wait(community):
    wg = WorkgroupFactory(community=community, archived_at=timezone.now())
    with time_machine.travel(START, tick=False):
        PostFactory(community=community, workgroup=wg, title="In archief")
    with time_machine.travel(START + timedelta(days=5), tick=False):
        assert waiting_titles() == []


def test_waiting_selector_works_across_communities_in_one_query(community, other_community,
                                                                django_assert_num_queries):
    with time_machine.travel(START, tick=False):
        PostFactory(community=community, title="Hier")
        PostFactory(community=other_community, title="Daar")
    with time_machine.travel(START + timedelta(days=4), tick=False), django_assert_num_queries(1):
        posts = list(posts_waiting_for_answer(now=timezone.now()))
        assert sorted(p.title for p in posts) == ["Daar", "Hier"]
        assert {p.community.slug for p in posts} == {community.slug, other_community.slug}
    with time_machine.travel(START + timedelta(days=4), tick=False):
        assert waiting_titles(community=community) == ["Hier"]


def test_waiting_shows_on_the_workgroup_page_and_community_home_panel(participant_client, participant, community):
    from django.test import RequestFactory

    from workgroups.panels import home_panels

    wg = WorkgroupFactory(community=community)
    with time_machine.travel(START, tick=False):
        PostFactory(community=community, workgroup=wg, author=member_of(wg), title="Onbeantwoord")
    with time_machine.travel(START + timedelta(days=4), tick=False):
        text = participant_client.get(f"/c/{community.slug}/workgroups/{wg.pk}/").text
        section = text[text.index('id="waiting-title"'):text.index('id="activities-title"')]
        assert "Onbeantwoord" in section
        request = RequestFactory().get("/")
        request.membership, request.community = participant, community
        panels = home_panels(request)
        assert [p.title for p in panels[0]["wg_waiting"]] == ["Onbeantwoord"]


def test_poster_replies_and_marks_a_reply_as_the_answer(participant_client, participant, community,
                                                        mailoutbox, django_capture_on_commit_callbacks):
    post = PostFactory(community=community, author=participant, title="Vraag over stages")
    other = member_of(WorkgroupFactory(community=community), user__name="Rita Reageert")
    from django.test import Client

    other_client = Client()
    other_client.force_login(other.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = other_client.post(f"/c/{community.slug}/posts/{post.pk}/reply/", {"body": "Bel de bakker."},
                                     HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="replies"' in response.text and "<html" not in response.text
    assert "Bel de bakker." in response.text
    assert [m.to for m in mailoutbox] == [[participant.user.email]]
    assert "Rita Reageert" in mailoutbox[0].subject
    assert "Bel de bakker." in mailoutbox[0].body and "Bel de bakker." in mailoutbox[0].alternatives[0][0]
    reply = Reply.objects.get()
    participant_client.post(f"/c/{community.slug}/posts/{post.pk}/answered/", {"reply": reply.pk})
    post.refresh_from_db()
    assert post.answered_at and post.answer == reply


def test_only_the_poster_marks_answered(participant_client, community):
    post = PostFactory(community=community)
    participant_client.post(f"/c/{community.slug}/posts/{post.pk}/answered/")
    post.refresh_from_db()
    assert post.answered_at is None


def test_replying_without_javascript_redirects_back(participant_client, community):
    post = PostFactory(community=community)
    response = participant_client.post(f"/c/{community.slug}/posts/{post.pk}/reply/", {"body": "Goed idee!"})
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/posts/{post.pk}/"


def test_replying_to_a_post_in_another_community_is_404_and_writes_nothing(outsider_client, outsider, community):
    post = PostFactory(community=community)
    assert outsider_client.post(f"/c/{community.slug}/posts/{post.pk}/reply/", {"body": "x"}).status_code == 404
    assert outsider_client.post(f"/c/{outsider.community.slug}/posts/{post.pk}/reply/",
                                {"body": "x"}).status_code == 404
    with pytest.raises(ValidationError):
        services.reply_create(post=post, by=outsider, body="x")
    assert not Reply.objects.exists()


def test_empty_reply_is_refused_with_a_message(participant_client, community):
    post = PostFactory(community=community)
    response = participant_client.post(f"/c/{community.slug}/posts/{post.pk}/reply/", {"body": "   "})
    assert response.status_code == 200 and 'role="alert"' in response.text
    response = participant_client.post(f"/c/{community.slug}/posts/{post.pk}/reply/", {"body": ""},
                                       HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.text
    assert not Reply.objects.exists()


def test_post_to_the_whole_community(participant_client, participant, community):
    response = participant_client.post(f"/c/{community.slug}/posts/new/", {
        "kind": "question", "workgroup": "", "title": "Wie heeft een zaal?", "body": "Voor 20 mensen."})
    post = Post.objects.get()
    assert response["Location"] == f"/c/{community.slug}/posts/{post.pk}/"
    assert post.workgroup is None and post.author == participant and post.topic == ""


def test_post_to_a_workgroup_only_by_its_members(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    data = {"kind": "idea", "workgroup": wg.pk, "title": "Idee", "body": "Een markt."}
    response = participant_client.post(f"/c/{community.slug}/posts/new/", data)
    assert response.status_code == 200 and not Post.objects.exists()
    services.workgroup_join(workgroup=wg, membership=participant)
    participant_client.post(f"/c/{community.slug}/posts/new/", data)
    assert Post.objects.get().workgroup == wg


def test_empty_post_is_refused_and_input_kept(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/posts/new/",
                                       {"kind": "question", "title": "Mijn titel", "body": "  "})
    assert response.status_code == 200 and 'role="alert"' in response.text
    assert "Mijn titel" in response.text
    assert not Post.objects.exists()


def test_oversized_post_is_refused(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/posts/new/",
                                       {"kind": "question", "title": "T", "body": "x" * 4001})
    assert response.status_code == 200 and 'role="alert"' in response.text
    assert not Post.objects.exists()


def test_update_needs_a_topic_and_stays_short(participant_client, participant, community):
    response = participant_client.post(f"/c/{community.slug}/posts/new/",
                                       {"kind": "update", "title": "Stap", "body": "Gedaan."})
    assert "inhoud of over het proces" in response.text
    response = participant_client.post(f"/c/{community.slug}/posts/new/", {
        "kind": "update", "topic": "content", "title": "Stap", "body": "x" * (UPDATE_BODY_MAX + 1)})
    assert "hoogstens" in response.text
    assert not Post.objects.exists()
    with pytest.raises(ValidationError):
        services.post_create(community=community, by=participant, kind="update", title="S",
                             body="x" * (UPDATE_BODY_MAX + 1), topic="content")
    assert not Post.objects.exists()


def test_update_sends_no_email_and_shows_on_the_home_panel(participant_client, participant, community, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    from django.test import RequestFactory

    from workgroups.panels import home_panels

    member_of(WorkgroupFactory(community=community))
    with django_capture_on_commit_callbacks(execute=True):
        participant_client.post(f"/c/{community.slug}/posts/new/", {
            "kind": "update", "topic": "process", "title": "Tweede overleg", "body": "Fijn gesprek."})
    assert mailoutbox == []
    request = RequestFactory().get("/")
    request.membership, request.community = participant, community
    assert [p.title for p in home_panels(request)[1]["wg_updates"]] == ["Tweede overleg"]


def test_a_topic_on_a_question_is_dropped(participant, community):
    post = services.post_create(community=community, by=participant, kind="question", title="V", body="B",
                                topic="content")
    assert post.topic == ""
