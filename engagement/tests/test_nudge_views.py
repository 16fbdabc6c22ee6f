"""The facilitator's catch-up list, logging a contact, the drift settings page, and the pages working
while Redis is down."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagement.models import Contact, DriftSettings, Nudge
from participants.models import MemberStatus
from participants.tests.factories import MembershipFactory
from workgroups.models import Post, Workgroup, WorkgroupMember

pytestmark = pytest.mark.django_db


def silent(community, n=1, **fields):
    """n members who never logged in and joined long ago: each drifts (no sign of life)."""
    joined = timezone.now() - timedelta(weeks=20)
    return [MembershipFactory(community=community, joined_at=joined, user__last_login=None, **fields) for _ in range(n)]


def url(community):
    return f"/c/{community.slug}/catch-up/"


def test_the_list_shows_who_drifts_why_since_when_and_what_was_sent(facilitator_client, community, facilitator):
    person = silent(community, user__name="Peter Lammers")[0]
    Nudge.objects.create(membership=person, period=1, signed_by=facilitator, sent_at=timezone.now() - timedelta(days=3))
    response = facilitator_client.get(url(community))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Peter Lammers" in page and "Geen teken van leven" in page
    assert person.joined_at.strftime("%Y") in page  # since
    assert "nog geen antwoord" in page
    assert f'action="/c/{community.slug}/catch-up/{person.pk}/contact/"' in page


def test_only_facilitators_see_the_list(participant_client, outsider_client, anon_client, community):
    assert participant_client.get(url(community)).status_code == 403
    assert outsider_client.get(url(community)).status_code == 404
    assert anon_client.get(url(community)).status_code == 302


def test_the_list_costs_the_same_queries_for_few_and_many(facilitator_client, community, facilitator,
                                                          django_assert_num_queries):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert facilitator_client.get(url(community)).status_code == 200
        return len(ctx.captured_queries)

    silent(community, 2)
    few = count()
    people = silent(community, 25)
    for p in people:
        Nudge.objects.create(membership=p, period=1, signed_by=facilitator)
        Contact.objects.create(membership=p, by=facilitator)
    wg = Workgroup.objects.create(community=community, name="Stages")
    for p in people[:5]:
        WorkgroupMember.objects.create(workgroup=wg, membership=p)
        Post.objects.create(community=community, workgroup=wg, author=p, kind="question", title="Wie?", body="?",
                            created_at=timezone.now() - timedelta(days=5))
    with django_assert_num_queries(few):
        facilitator_client.get(url(community))


def test_logging_a_contact_resets_the_signal(facilitator_client, community, facilitator):
    person = silent(community, user__name="Peter Lammers")[0]
    response = facilitator_client.post(f"{url(community)}{person.pk}/contact/", {"note": "gebeld, bijgepraat"})
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.membership == person and contact.by == facilitator and contact.note == "gebeld, bijgepraat"
    page = facilitator_client.get(url(community)).content.decode()
    assert "Contact met Peter Lammers vastgelegd" in page and f'id="catch-up-{person.pk}"' not in page


def test_logging_a_contact_with_htmx_returns_the_list_fragment(facilitator_client, community):
    person = silent(community)[0]
    response = facilitator_client.post(f"{url(community)}{person.pk}/contact/", {"note": ""}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200 and 'id="catch-up-people"' in body and "<html" not in body
    assert "vastgelegd" in body and f'id="catch-up-{person.pk}"' not in body


def test_a_too_long_note_is_refused_with_a_message(facilitator_client, community):
    person = silent(community)[0]
    response = facilitator_client.post(f"{url(community)}{person.pk}/contact/", {"note": "x" * 501})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert not Contact.objects.exists()


def test_contact_is_get_proof_and_another_communitys_member_is_404(facilitator_client, community, outsider):
    person = silent(community)[0]
    assert facilitator_client.get(f"{url(community)}{person.pk}/contact/").status_code == 405
    assert facilitator_client.post(f"{url(community)}{outsider.pk}/contact/", {"note": "x"}).status_code == 404
    assert not Contact.objects.exists()


def test_participants_cannot_log_contacts(participant_client, community):
    person = silent(community)[0]
    assert participant_client.post(f"{url(community)}{person.pk}/contact/", {"note": "x"}).status_code == 403


def test_paused_people_are_listed_apart(facilitator_client, community):
    MembershipFactory(community=community, status=MemberStatus.PAUSED, user__name="Karin Vos",
                      paused_until=timezone.localdate() + timedelta(days=30))
    page = facilitator_client.get(url(community)).content.decode()
    assert "Karin Vos" in page


def test_waiting_posts_are_listed(facilitator_client, community, participant):
    Post.objects.create(community=community, author=participant, kind="proposal", title="Stagemarkt in mei",
                        body="Zullen we?", created_at=timezone.now() - timedelta(days=4))
    assert "Stagemarkt in mei" in facilitator_client.get(url(community)).content.decode()


def test_settings_page_saves_and_refuses_nonsense(facilitator_client, community):
    settings_url = f"{url(community)}settings/"
    assert facilitator_client.get(settings_url).status_code == 200
    assert not DriftSettings.objects.exists()  # created lazily
    response = facilitator_client.post(settings_url, {"missed_plenaries": 0, "unanswered_invitations": 3,
                                                      "silent_weeks": 6, "quiet_days": 14, "max_unanswered_nudges": 3})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    response = facilitator_client.post(settings_url, {"missed_plenaries": 3, "unanswered_invitations": 4,
                                                      "silent_weeks": 8, "quiet_days": 21, "max_unanswered_nudges": 2})
    assert response.status_code == 302
    saved = DriftSettings.objects.get(community=community)
    assert (saved.missed_plenaries, saved.quiet_days, saved.max_unanswered_nudges) == (3, 21, 2)


def test_settings_are_for_facilitators_only(participant_client, community):
    assert participant_client.get(f"{url(community)}settings/").status_code == 403
    assert participant_client.post(f"{url(community)}settings/", {"missed_plenaries": 1}).status_code == 403


def test_home_panel_counts_for_facilitators_only(rf, community, facilitator, participant):
    from engagement import panels

    silent(community, 3)
    request = rf.get("/")
    request.community, request.membership = community, facilitator
    assert panels.home_panels(request)[0]["catch_up_count"] == 3
    request.membership = participant
    assert panels.home_panels(request) == []
