"""Agenda items: proposed by the core group and facilitators until the deadline, ordered by the core
group, and mailed to every invitee personally N days before."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from meetings import jobs, services
from meetings.models import AgendaItem
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory

START = datetime(2026, 10, 20, 17, 30, tzinfo=UTC)


@pytest.fixture
def meeting(community):
    return MeetingFactory(community=community, starts_at=START, ends_at=START + timedelta(hours=4),
                          meal_note="Erwtensoep")


def add_url(meeting):
    return f"/c/lg-test/meetings/{meeting.pk}/agenda/"


@time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
def test_core_group_member_proposes_an_item(core_client, core_member, meeting):
    response = core_client.post(add_url(meeting), {"title": "Terugblik werkbezoek", "description": "Wat leerden we?",
                                                   "duration_minutes": 20})
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.proposed_by == core_member and item.position == 1


@time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
def test_participant_outside_the_core_group_cannot_propose(participant_client, meeting):
    assert participant_client.post(add_url(meeting), {"title": "X"}).status_code == 403
    assert not AgendaItem.objects.exists()


@time_machine.travel(datetime(2026, 10, 14, 12, tzinfo=UTC), tick=False)
def test_agenda_deadline_is_enforced(core_client, core_member, meeting):
    """Seven days before 20 October 19:30 has passed on 14 October at noon."""
    response = core_client.post(add_url(meeting), {"title": "Te laat"})
    assert response.status_code == 400
    assert "termijn voor agendapunten is verlopen" in response.content.decode()
    assert not AgendaItem.objects.exists()
    with pytest.raises(ValidationError):
        services.agenda_item_add(meeting=meeting, by=core_member, title="Te laat")


@time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
def test_empty_title_shows_a_message(core_client, meeting):
    response = core_client.post(add_url(meeting), {"title": ""})
    assert response.status_code == 400
    assert response.context["agenda_form"].errors["title"]


@time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
def test_core_group_orders_items_with_up_and_down(core_client, core_member, meeting):
    a = services.agenda_item_add(meeting=meeting, by=core_member, title="A")
    b = services.agenda_item_add(meeting=meeting, by=core_member, title="B")
    c = services.agenda_item_add(meeting=meeting, by=core_member, title="C")
    core_client.post(f"/c/lg-test/meetings/{meeting.pk}/agenda/{c.pk}/move/", {"direction": "up"})
    assert [i.title for i in AgendaItem.objects.filter(meeting=meeting)] == ["A", "C", "B"]
    response = core_client.post(f"/c/lg-test/meetings/{meeting.pk}/agenda/{a.pk}/move/", {"direction": "down"},
                                headers={"HX-Request": "true"})
    assert response.status_code == 200 and '<section id="agenda"' in response.content.decode()
    assert [i.title for i in AgendaItem.objects.filter(meeting=meeting)] == ["C", "A", "B"]
    assert b.pk


@time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False)
def test_participant_cannot_reorder(participant_client, core_member, meeting):
    a = services.agenda_item_add(meeting=meeting, by=core_member, title="A")
    services.agenda_item_add(meeting=meeting, by=core_member, title="B")
    response = participant_client.post(f"/c/lg-test/meetings/{meeting.pk}/agenda/{a.pk}/move/", {"direction": "down"})
    assert response.status_code == 403


def test_item_of_another_meeting_is_404(core_client, community, other_community):
    theirs = MeetingFactory(community=other_community)
    item = AgendaItem.objects.create(meeting=theirs, title="X", position=1)
    mine = MeetingFactory(community=community)
    response = core_client.post(f"/c/lg-test/meetings/{mine.pk}/agenda/{item.pk}/move/", {"direction": "up"})
    assert response.status_code == 404


def test_agenda_is_sent_personally_n_days_before_once(community, meeting, core_member, facilitator, participant,
                                                      mailoutbox):
    host = MembershipFactory(community=community, willing_to_host=True, user__name="Anouk de Vries")
    meeting.host, meeting.host_state = host, "accepted"
    meeting.save()
    with time_machine.travel(datetime(2026, 10, 1, tzinfo=UTC), tick=False):
        services.agenda_item_add(meeting=meeting, by=core_member, title="Wat leverde het werkbezoek op?")
        assert jobs.agenda_send_due() == 0  # not yet: 5 days before
    nope = MembershipFactory(community=community)
    RsvpFactory(meeting=meeting, membership=nope, answer="no")
    MembershipFactory(community=community, status="paused")
    with time_machine.travel(datetime(2026, 10, 15, 18, tzinfo=UTC), tick=False):
        queued = jobs.agenda_send_due()
        assert jobs.agenda_send_due() == 0  # run twice: nothing more
        outbox.flush()
    invited = {core_member.user.email, facilitator.user.email, participant.user.email, host.user.email}
    assert queued == len(invited)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(invited)  # one each, not the 'no', not the paused
    mail = next(m for m in mailoutbox if m.to == [participant.user.email])
    assert "Agenda" in mail.subject
    for text in (mail.body, mail.alternatives[0][0]):
        assert "Wat leverde het werkbezoek op?" in text
        assert "Anouk de Vries" in text and "Erwtensoep" in text and meeting.address in text
        assert "19:30" in text  # in the community's time zone
    assert OutboxMessage.objects.filter(key=f"agenda:meeting:{meeting.pk}:user:{participant.user_id}").exists()


def test_agenda_job_uses_a_fixed_number_of_queries(community, meeting, django_assert_num_queries):
    MembershipFactory.create_batch(3, community=community)
    with time_machine.travel(datetime(2026, 10, 15, 18, tzinfo=UTC), tick=False):
        jobs.agenda_send_due()
        # Everyone has had it: the scan itself costs the same for 3 or 30 people.
        with django_assert_num_queries(6):
            jobs.agenda_send_due()
        MembershipFactory.create_batch(30, community=community)
        jobs.agenda_send_due()
        with django_assert_num_queries(6):
            jobs.agenda_send_due()
