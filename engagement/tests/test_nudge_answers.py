"""The one-click answers in a nudge: signed single-purpose links that open a page with one button;
nothing changes on GET, and a link cannot act for someone else."""

from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from engagement import emails, selectors
from engagement.models import Nudge, NudgeAnswer
from participants import privacy
from participants.models import MemberStatus
from participants.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nudge(participant, facilitator):
    return Nudge.objects.create(membership=participant, period=1, signed_by=facilitator,
                                signals=[{"code": "silent", "since": timezone.now().isoformat(), "count": 7}])


def link(nudge, answer):
    url = emails.nudge_url(nudge, answer)
    return url[url.index("/nudge/"):]


def test_get_shows_one_button_and_changes_nothing(nudge, anon_client):
    response = anon_client.get(link(nudge, NudgeAnswer.STILL_IN))
    assert response.status_code == 200
    assert b'method="post"' in response.content and "Ja, ik doe nog mee" in response.content.decode()
    nudge.refresh_from_db()
    assert nudge.answered_at is None


def test_still_in_is_recorded_without_logging_in(nudge, anon_client):
    url = link(nudge, NudgeAnswer.STILL_IN)
    response = anon_client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    nudge.refresh_from_db()
    assert nudge.answer == NudgeAnswer.STILL_IN and nudge.answered_at
    assert "Je antwoord is vastgelegd" in anon_client.get(url).content.decode()


def test_pause_needs_a_future_date_and_pauses_the_membership(nudge, anon_client):
    url = link(nudge, NudgeAnswer.PAUSE)
    response = anon_client.post(url, {"pause_until": ""})
    assert response.status_code == 400 and "Kies tot wanneer" in response.content.decode()
    yesterday = timezone.localdate() - timedelta(days=1)
    response = anon_client.post(url, {"pause_until": yesterday.isoformat()})
    assert response.status_code == 400 and "na vandaag" in response.content.decode()
    assert 'value="' + yesterday.isoformat() in response.content.decode()  # input kept
    until = timezone.localdate() + timedelta(days=60)
    assert anon_client.post(url, {"pause_until": until.isoformat()}).status_code == 302
    nudge.refresh_from_db()
    nudge.membership.refresh_from_db()
    assert nudge.answer == NudgeAnswer.PAUSE and nudge.pause_until == until
    assert nudge.membership.status == MemberStatus.PAUSED and nudge.membership.paused_until == until


def test_stepping_out_is_conscious_and_recorded(nudge, anon_client):
    url = link(nudge, NudgeAnswer.STEP_OUT)
    response = anon_client.post(url, {})
    assert response.status_code == 400 and "bewust" in response.content.decode()
    assert anon_client.post(url, {"confirm": "on"}).status_code == 302
    nudge.membership.refresh_from_db()
    assert nudge.membership.status == MemberStatus.STEPPED_OUT


def test_a_nudge_answer_is_final_once_the_next_nudge_is_sent(nudge, anon_client):
    """Until the next nudge the answer can change (test_truth_people); after it, the old links can not."""
    anon_client.post(link(nudge, NudgeAnswer.STILL_IN))
    Nudge.objects.create(membership=nudge.membership, period=2)
    page = anon_client.post(link(nudge, NudgeAnswer.STEP_OUT), {"confirm": "on"}).content.decode()
    assert "nieuwere herinnering" in page
    nudge.refresh_from_db()
    nudge.membership.refresh_from_db()
    assert nudge.answer == NudgeAnswer.STILL_IN and nudge.membership.status == MemberStatus.ACTIVE


def test_a_link_is_single_purpose(nudge, anon_client):
    token = selectors.nudge_token(nudge, NudgeAnswer.STILL_IN)
    response = anon_client.post(f"/nudge/step_out/{token}/", {"confirm": "on"})
    assert response.status_code == 404
    nudge.membership.refresh_from_db()
    assert nudge.membership.status == MemberStatus.ACTIVE


def test_a_tampered_link_does_nothing(nudge, anon_client, community):
    other = Nudge.objects.create(membership=MembershipFactory(community=community), period=1)
    token = selectors.nudge_token(nudge, NudgeAnswer.STEP_OUT)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(signing.JSONSerializer().dumps({"n": other.pk, "u": other.membership.user_id}))
    for bad in (forged.decode() + ":" + rest, token[:-2] + "xx", "nonsense"):
        assert anon_client.post(f"/nudge/step_out/{bad}/", {"confirm": "on"}).status_code == 404
    assert not Nudge.objects.filter(answered_at__isnull=False).exists()


def test_a_link_cannot_act_for_someone_else(nudge, community):
    someone = MembershipFactory(community=community)
    client = Client()
    client.force_login(someone.user)
    response = client.post(link(nudge, NudgeAnswer.STILL_IN))
    assert response.status_code == 403
    nudge.refresh_from_db()
    assert nudge.answered_at is None


def test_a_link_stops_working_after_the_account_is_deleted(nudge, anon_client):
    url = link(nudge, NudgeAnswer.STILL_IN)
    privacy.account_delete(nudge.membership.user)
    assert anon_client.get(url).status_code == 404
    assert anon_client.post(url).status_code == 404


def test_links_expire(nudge, anon_client, time_machine):
    url = link(nudge, NudgeAnswer.STILL_IN)
    time_machine.move_to(timezone.now() + timedelta(days=selectors.NUDGE_LINK_DAYS + 1))
    assert anon_client.get(url).status_code == 404


def test_the_person_logged_in_can_answer_their_own(nudge, participant_client):
    assert participant_client.post(link(nudge, NudgeAnswer.STILL_IN)).status_code == 302


def test_the_answer_is_shown_to_the_facilitator(nudge, anon_client, facilitator_client, community):
    anon_client.post(link(nudge, NudgeAnswer.STILL_IN))
    page = facilitator_client.get(f"/c/{community.slug}/catch-up/").content.decode()
    assert "Pia Participant" in page and "Ik doe nog mee" in page


def test_the_page_speaks_the_persons_language(nudge, anon_client):
    nudge.membership.user.language = "en"
    nudge.membership.user.save()
    assert '<html lang="en">' in anon_client.get(link(nudge, NudgeAnswer.STILL_IN)).content.decode()
