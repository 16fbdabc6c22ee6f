# ruff: noqa: B023 - each round's threads are joined before the loop moves on
"""A form sent twice counts once (issue 17): a double click, Back and send again, or two requests at
the same moment with the same form make one post, one reply, one goal, one return; the second is
sent where the first led. A form that came back with errors can be corrected and sent."""

import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from impact.models import ReturnEntry
from lessons.models import LearningGoal
from workgroups.models import Post, Reply
from workgroups.tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def _token(page) -> str:
    found = re.search(r'name="_once" value="([0-9a-f]{32})"', page.text)
    assert found, "the form carries no submit-once token"
    return found.group(1)


def _twice(client, form_url, post_url, data, **extra):
    token = _token(client.get(form_url))
    first = client.post(post_url, {**data, "_once": token}, **extra)
    second = client.post(post_url, {**data, "_once": token}, **extra)
    return first, second


def test_a_post_sent_twice_is_one_post(participant_client, community):
    c = f"/c/{community.slug}"
    first, second = _twice(participant_client, f"{c}/posts/new/", f"{c}/posts/new/",
                           {"kind": "question", "title": "Wie kent de buurtcoach?", "body": "Graag een naam."})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Post.objects.filter(title="Wie kent de buurtcoach?").count() == 1
    page = participant_client.get(second["Location"])
    assert "al verstuurd" in page.text


def test_a_reply_sent_twice_is_one_reply_with_and_without_htmx(participant_client, participant, community):
    post = PostFactory(community=community, author=participant)
    c = f"/c/{community.slug}"
    page_url, reply_url = f"{c}/posts/{post.pk}/", f"{c}/posts/{post.pk}/reply/"
    _twice(participant_client, page_url, reply_url, {"body": "Ja, Karin."})
    first, second = _twice(participant_client, page_url, reply_url, {"body": "En Henk."}, HTTP_HX_REQUEST="true")
    assert first.status_code == 200 and second.status_code == 204
    assert Reply.objects.filter(post=post, body="Ja, Karin.").count() == 1
    assert Reply.objects.filter(post=post, body="En Henk.").count() == 1


def test_a_goal_and_a_return_sent_twice_are_one_each(participant_client, community):
    c = f"/c/{community.slug}"
    _twice(participant_client, f"{c}/learning-goals/", f"{c}/learning-goals/add/", {"mine-text": "Leren samenwerken"})
    assert LearningGoal.objects.filter(text="Leren samenwerken").count() == 1
    _twice(participant_client, f"{c}/return/new/", f"{c}/return/add/",
           {"kind": "concrete", "title": "Korte lijn met de wijkagent", "happened_on": "2026-11-20"})
    assert ReturnEntry.objects.filter(title="Korte lijn met de wijkagent").count() == 1


def test_a_form_with_errors_can_be_corrected_and_sent_with_its_token(participant_client, community):
    c = f"/c/{community.slug}"
    token = _token(participant_client.get(f"{c}/posts/new/"))
    bad = participant_client.post(f"{c}/posts/new/", {"kind": "question", "title": "", "body": "x", "_once": token})
    assert bad.status_code == 200
    good = participant_client.post(f"{c}/posts/new/", {"kind": "question", "title": "Nu wel", "body": "x",
                                                      "_once": token})
    assert good.status_code == 302 and Post.objects.filter(title="Nu wel").count() == 1


def test_a_form_without_a_token_still_works(participant_client, community):
    response = participant_client.post(f"/c/{community.slug}/posts/new/",
                                       {"kind": "question", "title": "Zonder", "body": "x"})
    assert response.status_code == 302


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="two real connections: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_requests_with_the_same_form_at_the_same_moment_make_one_post():
    from participants.tests.factories import CommunityFactory, MembershipFactory

    assert connection.vendor == "postgresql"
    for i in range(5):
        member = MembershipFactory(community=CommunityFactory(slug=f"dubbel-{i}"))
        clients = [Client(), Client()]
        for client in clients:
            client.force_login(member.user)
        url = f"/c/dubbel-{i}/posts/new/"
        token = _token(clients[0].get(url))
        barrier = threading.Barrier(2)
        statuses = []

        def send(client):
            try:
                barrier.wait()
                statuses.append(client.post(url, {"kind": "question", "title": f"Tegelijk {i}", "body": "x",
                                                  "_once": token}).status_code)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=send, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert statuses == [302, 302]
        assert Post.objects.filter(title=f"Tegelijk {i}").count() == 1


# --- Back, reload and send again: a new token, the same text -----------------------------------------

def test_back_and_send_again_from_a_reloaded_form_is_still_one_post_and_one_reply(participant_client, community):
    """The browser's Back fetches the form again (pages behind the login are never cached), so the token
    is new; the same text by the same person in the same place within ten minutes is still one post."""
    c = f"/c/{community.slug}"
    data = {"kind": "question", "title": "Wie heeft een aanhanger?", "body": "Voor zaterdag."}
    first = participant_client.post(f"{c}/posts/new/", {**data, "_once": _token(participant_client.get(f"{c}/posts/new/"))})
    again = participant_client.post(f"{c}/posts/new/", {**data, "_once": _token(participant_client.get(f"{c}/posts/new/"))})
    assert first.status_code == again.status_code == 302 and again["Location"] == first["Location"]
    post = Post.objects.get(title="Wie heeft een aanhanger?")
    page_url, reply_url = f"{c}/posts/{post.pk}/", f"{c}/posts/{post.pk}/reply/"
    for _ in range(2):
        participant_client.post(reply_url, {"body": "Ik!", "_once": _token(participant_client.get(page_url))})
    assert Reply.objects.filter(post=post, body="Ik!").count() == 1
    participant_client.post(reply_url, {"body": "Ik ook.", "_once": _token(participant_client.get(page_url))})
    assert Reply.objects.filter(post=post).count() == 2  # another text is another reply


def test_the_same_text_again_in_every_create_form_is_kept_once_and_later_or_elsewhere_it_is_new(
        community, participant, facilitator):
    from datetime import date, timedelta

    from django.utils import timezone

    from impact import services as impact_services
    from impact.models import AskAnswer, AskRequest, Contribution
    from lessons import services as lesson_services
    from meetings import services as meeting_services
    from meetings.models import AgendaItem
    from meetings.tests.factories import MeetingFactory
    from workgroups import services as workgroup_services

    now = timezone.now()
    meeting = MeetingFactory(community=community, starts_at=now + timedelta(days=20))
    made = {
        "post": lambda at: workgroup_services.post_create(community=community, by=participant, kind="idea",
                                                          title="Repaircafé", body="In het dorpshuis", now=at),
        "goal": lambda at: lesson_services.learning_goal_add(community=community, by=participant,
                                                             text="Beter luisteren", now=at),
        "agenda": lambda at: meeting_services.agenda_item_add(meeting=meeting, by=participant, title="Het budget",
                                                              now=at),
        "ask": lambda at: impact_services.ask_post(community=community, by=participant, title="Een beamer",
                                                   now=at),
        "return": lambda at: impact_services.return_record(community=community, by=participant, kind="concrete",
                                                           title="Buurtbus rijdt", happened_on=date(2026, 11, 1),
                                                           now=at),
        "contribution": lambda at: impact_services.contribution_record(
            community=community, by=facilitator, source="municipal", category="room", description="Zaalhuur",
            contributed_on=date(2026, 11, 1), amount_eur=120, contributor_name="Gemeente", now=at),
    }
    for name, make in made.items():
        first, again = make(now), make(now + timedelta(minutes=3))
        assert again.pk == first.pk, f"{name}: the same again within ten minutes made a second row"
        later = make(now + timedelta(minutes=14))
        assert later.pk != first.pk, f"{name}: the same text a quarter of an hour later is a new row"
    ask = AskRequest.objects.get(title="Een beamer", created_at=now)
    answers = {impact_services.ask_answer(ask=ask, by=facilitator, body="Die van de kerk").pk for _ in range(2)}
    assert len(answers) == 1 and AskAnswer.objects.filter(request=ask).count() == 1
    assert AgendaItem.objects.filter(meeting=meeting).count() == 2
    assert Contribution.objects.filter(description="Zaalhuur").count() == 2
