"""'Durf te vragen': members post what the community needs; others answer; the asker (or a facilitator)
closes it when it is taken care of."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from impact.models import AskAnswer, AskRequest
from impact.tests.factories import AskRequestFactory
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _url(community, path=""):
    return f"/c/{community.slug}/costs/ask/{path}"


def test_member_posts_a_request_and_another_answers(participant_client, core_client, community, participant,
                                                    core_member):
    response = participant_client.post(_url(community, "add/"), {"title": "Een groot scherm", "body": "Voor buiten",
                                                                  "category": "materials"})
    assert response.status_code == 302
    ask = AskRequest.objects.get()
    assert ask.asked_by == participant and ask.is_open
    response = core_client.post(_url(community, f"{ask.pk}/answer/"), {f"a{ask.pk}-body": "Ik heb er een."})
    assert response.status_code == 302 and response["Location"].endswith(f"#ask-{ask.pk}")
    assert AskAnswer.objects.get().membership == core_member
    page = participant_client.get(_url(community))
    assert "Een groot scherm" in page.text and "Ik heb er een." in page.text


def test_an_empty_request_or_answer_is_refused_with_a_message(participant_client, community, participant):
    response = participant_client.post(_url(community, "add/"), {"title": ""})
    assert response.status_code == 400 and "Zeg wat je nodig hebt." in response.text
    ask = AskRequestFactory(community=community, asked_by=participant)
    response = participant_client.post(_url(community, f"{ask.pk}/answer/"), {f"a{ask.pk}-body": " "})
    assert response.status_code == 400 and "Schrijf wat je kunt bieden" in response.text
    assert not AskAnswer.objects.exists()


def test_only_the_asker_or_a_facilitator_closes_and_then_no_more_answers(participant_client, core_client,
                                                                       community, participant):
    ask = AskRequestFactory(community=community, asked_by=participant)
    core_client.post(_url(community, f"{ask.pk}/close/"))
    ask.refresh_from_db()
    assert ask.is_open
    participant_client.post(_url(community, f"{ask.pk}/close/"))
    ask.refresh_from_db()
    assert not ask.is_open
    response = core_client.post(_url(community, f"{ask.pk}/answer/"), {f"a{ask.pk}-body": "Te laat"})
    assert response.status_code == 400 and "al geregeld" in response.text
    assert not AskAnswer.objects.exists()


def test_asks_page_costs_the_same_queries_for_few_and_many(participant_client, community, django_assert_num_queries):
    def grow(n):
        for _ in range(n):
            ask = AskRequestFactory(community=community)
            for _ in range(2):
                AskAnswer.objects.create(request=ask, membership=MembershipFactory(community=community), body="Ja")

    grow(1)
    url = _url(community)
    participant_client.get(url)
    with CaptureQueriesContext(connection) as few:
        participant_client.get(url)
    grow(15)
    with django_assert_num_queries(len(few)):
        assert participant_client.get(url).status_code == 200


def test_with_htmx_only_the_request_is_swapped(core_client, community, participant):
    ask = AskRequestFactory(community=community, asked_by=participant, title="Een zaal")
    url = _url(community, f"{ask.pk}/answer/")
    response = core_client.post(url, {f"a{ask.pk}-body": "Ons kantoor"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<li id="ask-{ask.pk}"')
    assert "Ons kantoor" in response.text and 'role="status"' in response.text
    assert "<html" not in response.text
    bad = core_client.post(url, {f"a{ask.pk}-body": ""}, HTTP_HX_REQUEST="true")
    assert bad.status_code == 200 and "Schrijf wat je kunt bieden" in bad.text
    assert AskAnswer.objects.count() == 1


def test_with_htmx_a_closed_request_says_why_the_answer_was_not_saved(core_client, community, participant):
    ask = AskRequestFactory(community=community, asked_by=participant)
    ask.closed_at = ask.created_at
    ask.save()
    response = core_client.post(_url(community, f"{ask.pk}/answer/"), {f"a{ask.pk}-body": "Te laat"},
                                HTTP_HX_REQUEST="true")
    assert "al geregeld" in response.text and 'role="alert"' in response.text
    assert not AskAnswer.objects.exists()
