"""Self-assessment rounds: open, answer per item (htmx and plain form), close with a summary per
chapter, history and trend; bad input."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from lessons import selectors, services
from lessons.models import AssessmentAnswer, AssessmentRound, Item
from lessons.tests.factories import RoundFactory

pytestmark = pytest.mark.django_db


def _url(community, *parts):
    return f"/c/{community.slug}/compass/rounds/" + "".join(f"{p}/" for p in parts)


def _item(key="start-always-1"):
    return Item.objects.get(key=key)


def test_coordinator_opens_a_round(coordinator_client, community, coordinator):
    response = coordinator_client.post(_url(community, "open"))
    round = AssessmentRound.objects.get(community=community)
    assert response.status_code == 302 and response["Location"].endswith(f"/rounds/{round.pk}/")
    assert round.is_open and round.opened_by == coordinator.user


def test_facilitator_opens_a_round_too(facilitator_client, community):
    facilitator_client.post(_url(community, "open"))
    assert AssessmentRound.objects.filter(community=community).count() == 1


def test_participant_cannot_open_a_round(participant_client, community):
    assert participant_client.post(_url(community, "open")).status_code == 403
    assert not AssessmentRound.objects.exists()


def test_only_one_round_is_open_at_a_time(coordinator_client, community):
    coordinator_client.post(_url(community, "open"))
    response = coordinator_client.post(_url(community, "open"), follow=True)
    assert AssessmentRound.objects.filter(community=community).count() == 1
    assert "Er staat al een ronde open." in response.text


def test_opening_a_round_needs_post(coordinator_client, community):
    assert coordinator_client.get(_url(community, "open")).status_code == 405


def test_member_answers_an_item_without_javascript(participant_client, community, participant):
    round = RoundFactory(community=community)
    item = _item()
    response = participant_client.post(_url(community, round.pk, "items", item.pk),
                                       {f"i{item.pk}-state": "attention", f"i{item.pk}-note": "Nog niet iedereen."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/rounds/{round.pk}/#item-{item.pk}")
    answer = AssessmentAnswer.objects.get(round=round, item=item, membership=participant)
    assert answer.state == "attention" and answer.note == "Nog niet iedereen."


def test_member_answers_an_item_with_htmx_and_gets_the_fragment(participant_client, community, participant):
    round = RoundFactory(community=community)
    item = _item()
    response = participant_client.post(_url(community, round.pk, "items", item.pk),
                                       {f"i{item.pk}-state": "in_place"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="item-{item.pk}"' in response.text
    assert "Opgeslagen." in response.text
    assert "<html" not in response.text
    assert 'id="round-progress" role="status" hx-swap-oob="true"' in response.text
    assert "Je hebt 1 van de 63 punten beantwoord." in response.text


def test_answering_again_changes_the_answer(participant_client, community, participant):
    round = RoundFactory(community=community)
    item = _item()
    for state in ("attention", "in_place"):
        participant_client.post(_url(community, round.pk, "items", item.pk), {f"i{item.pk}-state": state})
    assert AssessmentAnswer.objects.get(round=round, membership=participant).state == "in_place"


def test_missing_state_keeps_the_note_and_explains(participant_client, community):
    round = RoundFactory(community=community)
    item = _item()
    response = participant_client.post(_url(community, round.pk, "items", item.pk),
                                       {f"i{item.pk}-note": "Mijn toelichting"})
    assert response.status_code == 400
    assert "Kies: op orde, verdient aandacht of niet van toepassing." in response.text
    assert "Mijn toelichting" in response.text
    assert not AssessmentAnswer.objects.exists()


def test_answering_a_closed_round_is_refused_with_a_message(participant_client, community):
    round = RoundFactory(community=community, closed_at=timezone.now())
    item = _item()
    response = participant_client.post(_url(community, round.pk, "items", item.pk), {f"i{item.pk}-state": "in_place"})
    assert response.status_code == 400
    assert "Deze ronde is gesloten; je antwoord is niet opgeslagen." in response.text
    assert not AssessmentAnswer.objects.exists()


def test_answering_a_closed_round_with_htmx_shows_the_message_in_place(participant_client, community):
    round = RoundFactory(community=community, closed_at=timezone.now())
    item = _item()
    response = participant_client.post(_url(community, round.pk, "items", item.pk), {f"i{item.pk}-state": "in_place"},
                                       HTTP_HX_REQUEST="true")
    assert 'role="alert"' in response.text and "Deze ronde is gesloten" in response.text
    assert not AssessmentAnswer.objects.exists()


def test_another_communitys_round_is_404(outsider_client, community, participant):
    round = RoundFactory(community=community)
    item = _item()
    assert outsider_client.get(_url(community, round.pk)).status_code == 404
    other = outsider_client.post(f"/c/lg-elders/compass/rounds/{round.pk}/items/{item.pk}/",
                                 {f"i{item.pk}-state": "in_place"})
    assert other.status_code == 404
    assert not AssessmentAnswer.objects.exists()


def test_closing_summarises_per_chapter(coordinator_client, community, coordinator, participant, core_member):
    round = services.assessment_round_open(community=community, by=coordinator)
    start = Item.objects.filter(chapter__key="start")
    for item in start[:3]:
        services.assessment_answer(round=round, item=item, membership=participant, state="in_place")
    services.assessment_answer(round=round, item=start[3], membership=participant, state="attention")
    services.assessment_answer(round=round, item=start[4], membership=core_member, state="not_applicable")
    response = coordinator_client.post(_url(community, round.pk, "close"), follow=True)
    round.refresh_from_db()
    assert not round.is_open
    assert round.summary["start"] == {"in_place": 3, "attention": 1, "not_applicable": 1, "score": 75}
    assert round.summary["costs"]["score"] is None
    assert "Samenvatting per hoofdstuk" in response.text
    assert "75%" in response.text


def test_participant_cannot_close_a_round(participant_client, community):
    round = RoundFactory(community=community)
    assert participant_client.post(_url(community, round.pk, "close")).status_code == 403
    round.refresh_from_db()
    assert round.is_open


def test_earlier_rounds_stay_and_the_trend_shows_each_closed_round(coordinator_client, community, coordinator,
                                                                   participant):
    item = Item.objects.filter(chapter__key="learning").first()
    start = timezone.now() - timedelta(days=400)
    for i, state in enumerate(["attention", "in_place"]):
        round = services.assessment_round_open(community=community, by=coordinator, now=start + timedelta(days=i * 180))
        services.assessment_answer(round=round, item=item, membership=participant, state=state)
        services.assessment_round_close(round=round, by=coordinator, now=start + timedelta(days=i * 180 + 14))
    services.assessment_round_open(community=community, by=coordinator)
    assert AssessmentRound.objects.filter(community=community).count() == 3

    trend = selectors.trend(community=community, chapters=selectors.compass_chapters())
    learning = next(r for r in trend["rows"] if r["chapter"].key == "learning")
    assert learning["scores"] == [0, 100]

    response = coordinator_client.get(_url(community))
    assert response.text.count('class="trend-chart"') == 10
    assert '<table class="trend-table stack">' in response.text
    assert 'role="img"' in response.text
    assert 'height="80.0"' in response.text or 'height="0.0"' in response.text  # SVG numbers, never "80,0"
    assert not re.search(r'<rect[^>]* (x|y|width|height)="[0-9]+,[0-9]', response.text)
    assert "Naar de open ronde" in response.text


def test_closed_round_summary_does_not_change_afterwards(community, coordinator, participant):
    round = services.assessment_round_open(community=community, by=coordinator)
    services.assessment_answer(round=round, item=_item(), membership=participant, state="in_place")
    services.assessment_round_close(round=round, by=coordinator)
    with pytest.raises(Exception, match="gesloten"):
        services.assessment_answer(round=round, item=_item(), membership=participant, state="attention")
    round.refresh_from_db()
    assert round.summary["start"]["in_place"] == 1


def test_open_round_page_shows_every_item_with_a_labelled_form(participant_client, community):
    round = RoundFactory(community=community)
    response = participant_client.get(_url(community, round.pk))
    assert response.text.count('class="round-item"') == 63
    assert response.text.count("hx-post=") == 63
    assert "Je hebt 0 van de 63 punten beantwoord." in response.text


def test_round_pages_cost_the_same_queries_for_few_and_many_answers(participant_client, community, coordinator,
                                                                    django_assert_num_queries):
    from participants.tests.factories import MembershipFactory

    round = services.assessment_round_open(community=community, by=coordinator)
    items = list(Item.objects.all())
    people = [MembershipFactory(community=community) for _ in range(2)]
    for m in people:
        services.assessment_answer(round=round, item=items[0], membership=m, state="in_place", note="x")
    participant_client.get(_url(community, round.pk))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        participant_client.get(_url(community, round.pk))
    for m in [MembershipFactory(community=community) for _ in range(5)]:
        for item in items[:20]:
            services.assessment_answer(round=round, item=item, membership=m, state="attention", note="y")
    with django_assert_num_queries(len(few)):
        participant_client.get(_url(community, round.pk))
    services.assessment_round_close(round=round, by=coordinator)
    with CaptureQueriesContext(connection) as closed_few:
        participant_client.get(_url(community, round.pk))
    assert len(closed_few) <= len(few) + 2
