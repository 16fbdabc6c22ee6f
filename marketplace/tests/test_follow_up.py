"""Follow-up: on the agreed day (here none was agreed: N weeks after the marketplace) each match's parties
are asked whether it was delivered, by signed links; the answers set the match's status. The job is
idempotent. The agreed day itself is in test_truth.py."""

import re
from datetime import datetime, time, timedelta
from unittest import mock

import pytest
import time_machine
from django.core import signing

from lg_portal import outbox
from marketplace import jobs, links, tasks
from marketplace.models import FollowUp, Match

from .factories import AMS, MatchFactory

pytestmark = pytest.mark.django_db


def at(day, hour=9):
    return datetime.combine(day, time(hour), tzinfo=AMS)


@pytest.fixture
def match(marketplace):
    return MatchFactory(marketplace=marketplace, need__email="need@example.org", need__organisation="Taalcafé",
                        offer__email="offer@example.org", offer__organisation="ICT Kuipers", due_on=None)


def due_day(marketplace):
    return marketplace.held_on + timedelta(weeks=marketplace.follow_up_weeks)


def answer_links(mail):
    return dict(re.findall(r"- (.+): http://127\.0\.0\.1:8000(/beursvloer-navraag/\S+)", mail.body))


def test_nothing_is_asked_before_the_follow_up_date(match, marketplace, mailoutbox):
    with time_machine.travel(at(due_day(marketplace) - timedelta(days=1)), tick=False):
        assert tasks.follow_ups_run() == {"created": 0, "queued": 0}
    assert mailoutbox == [] and not FollowUp.objects.exists()


def test_each_party_is_asked_once_even_when_the_job_runs_twice(match, marketplace, mailoutbox):
    with time_machine.travel(at(due_day(marketplace)), tick=False):
        first = tasks.follow_ups_run()
        second = tasks.follow_ups_run()
        outbox.flush()
    assert first == {"created": 2, "queued": 2}
    assert second == {"created": 0, "queued": 0}
    assert sorted(m.to[0] for m in mailoutbox) == ["need@example.org", "offer@example.org"]
    to_need = next(m for m in mailoutbox if m.to == ["need@example.org"])
    assert "ICT Kuipers" in to_need.subject
    assert len(answer_links(to_need)) == 3
    assert to_need.alternatives[0][0].count("/beursvloer-navraag/") == 3
    assert FollowUp.objects.filter(sent_at__isnull=False).count() == 2


def test_follow_up_weeks_is_a_setting_per_marketplace(match, marketplace, mailoutbox):
    marketplace.follow_up_weeks = 2
    marketplace.save()
    with time_machine.travel(at(marketplace.held_on + timedelta(weeks=2)), tick=False):
        tasks.follow_ups_run()
        outbox.flush()
    assert len(mailoutbox) == 2


def test_default_follow_up_is_six_weeks(marketplace, settings):
    assert marketplace.follow_up_weeks == 6


def test_a_failed_send_is_tried_again_later_and_not_twice_at_once(match, marketplace, mailoutbox, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the worker sends: here, outbox.flush by hand
    day = at(due_day(marketplace))
    with time_machine.travel(day, tick=False):
        assert jobs.follow_ups_run()["queued"] == 2
        with mock.patch("lg_portal.outbox.send_one", side_effect=OSError("smtp down")):
            assert outbox.flush() == (0, 2)
    with time_machine.travel(day + timedelta(minutes=1), tick=False):
        assert jobs.follow_ups_run()["queued"] == 0  # asked once: nothing queued again
        assert outbox.flush() == (0, 0)  # and not sent again before its backoff has passed
    with time_machine.travel(day + timedelta(minutes=20), tick=False):
        assert outbox.flush() == (2, 0)
    assert len(mailoutbox) == 2


def _links_for(mailoutbox, to):
    return answer_links(next(m for m in mailoutbox if m.to == [to]))


def test_one_press_on_the_preselected_answer_records_it(client, match, marketplace, mailoutbox):
    with time_machine.travel(at(due_day(marketplace)), tick=False):
        tasks.follow_ups_run()
        outbox.flush()
    url = _links_for(mailoutbox, "need@example.org")["Ja, het is gebeurd"]
    page = client.get(url)
    assert page.status_code == 200 and "ICT Kuipers" in page.text
    assert "community" not in page.context
    match.refresh_from_db()
    assert match.status == "pending"  # opening the link (a mail scanner, say) records nothing
    path = url.split("?")[0]
    response = client.post(path, {"answer": "delivered"})
    assert response.status_code == 200 and "genoteerd" in response.text
    match.refresh_from_db()
    assert match.status == "delivered"
    assert FollowUp.objects.get(party="need").answer == "delivered"


def test_answers_set_the_status(client, match, marketplace, mailoutbox):
    with time_machine.travel(at(due_day(marketplace)), tick=False):
        tasks.follow_ups_run()
        outbox.flush()
    need_path = _links_for(mailoutbox, "need@example.org")["Het gaat niet door"].split("?")[0]
    offer_path = _links_for(mailoutbox, "offer@example.org")["Nog niet, maar het komt"].split("?")[0]
    client.post(offer_path, {"answer": "not_yet"})
    assert Match.objects.get().status == "pending"
    client.post(need_path, {"answer": "dropped"})
    assert Match.objects.get().status == "dropped"
    # Later the offer says it happened after all: the answers contradict, so it counts as neither until
    # an organiser decides (it used to become delivered silently).
    client.post(offer_path, {"answer": "delivered"})
    assert Match.objects.get().status == "pending"


def test_organisers_see_delivered_pending_and_dropped(core_client, organiser, marketplace):
    delivered = MatchFactory(marketplace=marketplace, status="delivered", what="Laptops geleverd")
    MatchFactory(marketplace=marketplace, status="pending", what="Schilderwerk buurthuis")
    MatchFactory(marketplace=marketplace, status="dropped", what="Busje voor het uitje")
    FollowUp.objects.create(match=delivered, party="need", answer="delivered")
    response = core_client.get(f"/c/{marketplace.community.slug}/marketplace/{marketplace.pk}/")
    groups = {status: [m.what for m in matches] for status, _title, matches in response.context["status_groups"]}
    assert groups == {"delivered": ["Laptops geleverd"], "pending": ["Schilderwerk buurthuis"],
                      "dropped": ["Busje voor het uitje"]}
    assert "Ja, het is gebeurd" in response.text


def test_a_tampered_link_is_refused(client, match, marketplace):
    follow_up = FollowUp.objects.create(match=match, party="need")
    token = links.follow_up_token(follow_up)
    other = FollowUp.objects.create(match=match, party="offer")
    forged = signing.dumps({"follow_up": other.pk}, salt=links.ENTRY_CONFIRM_SALT, compress=True)
    for bad in (token + "x", forged, "nonsense"):
        response = client.post(f"/beursvloer-navraag/{bad}/", {"answer": "delivered"})
        assert response.status_code == 400 and "niet geldig" in response.text
    assert Match.objects.get().status == "pending"
    assert not FollowUp.objects.exclude(answer="").exists()


def test_an_unknown_answer_is_refused(client, match):
    follow_up = FollowUp.objects.create(match=match, party="need")
    response = client.post(f"/beursvloer-navraag/{links.follow_up_token(follow_up)}/", {"answer": "maybe"})
    assert response.status_code == 400 and "Kies een van de antwoorden" in response.text
    assert FollowUp.objects.get().answer == ""


def test_an_entry_confirmation_link_cannot_answer_a_follow_up(client, match):
    FollowUp.objects.create(match=match, party="need")
    token = links.entry_confirm_token(match.need)
    assert client.post(f"/beursvloer-navraag/{token}/", {"answer": "delivered"}).status_code == 400
    assert Match.objects.get().status == "pending"


def test_matches_recorded_after_the_first_run_are_asked_on_a_later_run(match, marketplace, mailoutbox):
    with time_machine.travel(at(due_day(marketplace)), tick=False):
        tasks.follow_ups_run()
        MatchFactory(marketplace=marketplace)
        assert tasks.follow_ups_run()["queued"] == 2
        outbox.flush()
    assert len(mailoutbox) == 4
