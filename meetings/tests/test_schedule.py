"""Scheduling in the browser: the plenary form's proposal, hosts asked, workgroup meetings, work visits,
and bad input."""

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from lg_portal.models import OutboxMessage
from meetings import services
from meetings.models import HostState, Meeting, MeetingKind, MeetingSettings
from meetings.tests.factories import MeetingFactory
from participants.tests.factories import MembershipFactory
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
NEW = "/c/lg-test/meetings/new/"


def form_data(**overrides):
    data = {"kind": "plenary", "title": "Plenaire bijeenkomst", "date": "2026-10-24", "start_time": "19:30",
            "end_time": "23:30", "venue": "Bij Anouk", "address": "", "meal_note": "Stamppot", "description": ""}
    data.update(overrides)
    return data


@pytest.fixture
def hosts(community):
    return [
        MembershipFactory(community=community, willing_to_host=True, sector="resident", user__name="Anouk de Vries",
                          user__address="Dorpsstraat 1, Hellendoorn"),
        MembershipFactory(community=community, willing_to_host=True, sector="entrepreneur", user__name="Jan Kuipers",
                          user__address="Industrieweg 4, Nijverdal"),
        MembershipFactory(community=community, willing_to_host=True, sector="resident", user__name="Lotte Brink",
                          status="paused"),
    ]


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_form_proposes_date_time_and_host_from_the_cadence(facilitator_client, community, hosts):
    MeetingSettings.objects.create(community=community, plenary_interval_weeks=6, usual_duration_minutes=120)
    last = MeetingFactory(community=community, starts_at=datetime(2026, 8, 25, 17, 30, tzinfo=UTC),
                          host=hosts[0], host_state=HostState.ACCEPTED)
    response = facilitator_client.get(NEW + "?kind=plenary")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["date"] == date(2026, 10, 6)  # 25 August + 6 weeks
    assert form.initial["start_time"].strftime("%H:%M") == "19:30"
    assert form.initial["end_time"].strftime("%H:%M") == "21:30"
    proposal = response.context["proposal"]
    # Anouk hosted last time, Lotte is paused: Jan.
    assert proposal.candidate.id == hosts[1].pk
    assert form.initial["host"] == hosts[1].pk
    assert "address" not in form.initial  # taken from whichever host is chosen
    html = response.content.decode()
    assert "Jan Kuipers" in html and "ontving de vorige keer" in html and "gepauzeerd" in html
    assert last.pk


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_facilitator_schedules_a_plenary_and_the_host_is_asked(facilitator_client, community, hosts, mailoutbox,
                                                                django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(NEW, form_data(host=hosts[1].pk))
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/meetings/{meeting.pk}/")
    assert meeting.kind == MeetingKind.PLENARY
    assert meeting.host == hosts[1] and meeting.host_state == HostState.PROPOSED
    assert meeting.address == ""  # no home address before the host says yes "at my place" (issue 16)
    assert meeting.venue == "Bij Anouk"  # given in the form
    assert [m.to[0] for m in mailoutbox] == [hosts[1].user.email]
    assert "ontvangen" in mailoutbox[0].subject
    assert "Stamppot" in mailoutbox[0].body
    assert "Stamppot" in mailoutbox[0].alternatives[0][0]


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_facilitator_may_pick_another_host(facilitator_client, community, hosts):
    facilitator_client.post(NEW, form_data(host=hosts[0].pk, address="Kerkplein 2"))
    meeting = Meeting.objects.get()
    assert meeting.host == hosts[0] and meeting.address == "Kerkplein 2"


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_venue_and_address_follow_the_chosen_host_when_left_empty(facilitator_client, community, hosts):
    """The venue text names the host at once; the home address comes only when the host says yes at
    their place (issue 16)."""
    facilitator_client.post(NEW, form_data(host=hosts[0].pk, venue="", address="", at_host_home="on"))
    meeting = Meeting.objects.get()
    assert meeting.address == "" and meeting.venue == "Bij Anouk de Vries" and meeting.at_host_home
    services.host_answer(meeting=meeting, membership=hosts[0], accept=True, at_home=True)
    meeting.refresh_from_db()
    assert meeting.address == "Dorpsstraat 1, Hellendoorn"


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
@pytest.mark.parametrize(("day", "utc_hour"), [("2026-10-24", 17), ("2026-10-27", 18)])
def test_dst_1930_amsterdam_either_side_of_the_october_change(facilitator_client, community, day, utc_hour):
    """Summer time ends on 25 October 2026: 19:30 is 17:30 UTC before and 18:30 UTC after."""
    facilitator_client.post(NEW, form_data(date=day))
    meeting = Meeting.objects.get()
    assert meeting.starts_at.astimezone(UTC).hour == utc_hour
    assert meeting.starts_at.astimezone(UTC).minute == 30
    assert meeting.starts_at.astimezone(AMS).strftime("%H:%M") == "19:30"
    ics = facilitator_client.get(f"/c/lg-test/meetings/{meeting.pk}.ics").content.decode()
    assert f"DTSTART;TZID=Europe/Amsterdam:{day.replace('-', '')}T193000" in ics
    assert f"DTEND;TZID=Europe/Amsterdam:{day.replace('-', '')}T233000" in ics
    from icalendar import Calendar

    event = Calendar.from_ical(ics).events[0]
    assert event.start.astimezone(UTC).hour == utc_hour
    page = facilitator_client.get(f"/c/lg-test/meetings/{meeting.pk}/").content.decode()
    assert "19:30" in page


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_end_before_start_is_refused_with_a_message(facilitator_client, community):
    response = facilitator_client.post(NEW, form_data(end_time="18:00"))
    assert response.status_code == 200
    assert "De bijeenkomst moet eindigen na het begin." in response.content.decode()
    assert response.context["form"].data["meal_note"] == "Stamppot"  # input kept
    assert not Meeting.objects.exists()


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_start_in_the_past_is_refused(facilitator_client, community):
    response = facilitator_client.post(NEW, form_data(date="2026-08-01"))
    assert "Het begin ligt in het verleden" in response.content.decode()
    assert not Meeting.objects.exists()


@time_machine.travel(datetime(2026, 9, 1, 10, 0, tzinfo=UTC), tick=False)
def test_host_from_another_community_is_refused(facilitator_client, community, outsider):
    response = facilitator_client.post(NEW, form_data(host=outsider.pk))
    assert response.status_code == 200
    assert response.context["form"].errors["host"]
    assert not Meeting.objects.exists()


def test_service_refuses_a_host_who_is_not_a_member(community, facilitator, outsider):
    start = timezone.now() + timedelta(days=10)
    with pytest.raises(ValidationError) as exc:
        services.meeting_schedule(community=community, by=facilitator, kind="plenary", title="P",
                                  starts_at=start, ends_at=start + timedelta(hours=2), host=outsider)
    assert "moet lid zijn van deze gemeenschap" in exc.value.message_dict["host"][0]
    assert not Meeting.objects.exists()


def test_service_refuses_end_before_start(community, facilitator):
    start = timezone.now() + timedelta(days=10)
    with pytest.raises(ValidationError) as exc:
        services.meeting_schedule(community=community, by=facilitator, kind="plenary", title="P",
                                  starts_at=start, ends_at=start - timedelta(hours=1))
    assert "ends_at" in exc.value.message_dict


def test_english_user_gets_english_messages(facilitator, facilitator_client, community):
    facilitator.user.language = "en"
    facilitator.user.save()
    facilitator_client.cookies["django_language"] = "en"
    response = facilitator_client.post(NEW, form_data(date="2020-01-01"))
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_participant_cannot_schedule_a_plenary(participant_client):
    assert participant_client.get(NEW + "?kind=plenary").status_code == 403
    assert participant_client.post(NEW, form_data()).status_code == 403


def test_outsider_gets_404(outsider_client, community):
    assert outsider_client.get(NEW).status_code == 404


def test_any_member_opens_their_place_for_a_work_visit(participant_client, participant, community):
    participant.user.address = "Molenweg 3"
    participant.user.save()
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    response = participant_client.post(NEW, form_data(kind="work_visit", title="In de keuken van de bakkerij",
                                                      date=day, address=""))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.kind == MeetingKind.WORK_VISIT
    assert meeting.host == participant and meeting.host_state == HostState.ACCEPTED
    assert meeting.address == ""  # not at home unless ticked (issue 16)
    Meeting.objects.all().delete()
    participant_client.post(NEW, form_data(kind="work_visit", title="In de keuken van de bakkerij", date=day,
                                           address="", at_host_home="on"))
    assert Meeting.objects.get().address == "Molenweg 3"  # "bij mij thuis"


def test_workgroup_member_schedules_a_workgroup_meeting(participant_client, participant, community):
    wg = WorkgroupFactory(community=community)
    WorkgroupMemberFactory(workgroup=wg, membership=participant)
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    response = participant_client.post(NEW, form_data(kind="workgroup", workgroup=wg.pk, title="Werkgroep", date=day))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.workgroup == wg and meeting.kind == MeetingKind.WORKGROUP


def test_non_member_of_any_workgroup_cannot_schedule_workgroup_meeting(participant_client, community):
    WorkgroupFactory(community=community)
    assert participant_client.get(NEW + "?kind=workgroup").status_code == 403


def test_workgroup_of_another_group_is_not_offered(participant_client, participant, community):
    mine = WorkgroupFactory(community=community)
    WorkgroupMemberFactory(workgroup=mine, membership=participant)
    theirs = WorkgroupFactory(community=community)
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    response = participant_client.post(NEW, form_data(kind="workgroup", workgroup=theirs.pk, date=day))
    assert response.status_code == 200 and response.context["form"].errors["workgroup"]
    assert not Meeting.objects.exists()


def test_moving_a_meeting_tells_yes_and_maybe_and_raises_sequence(facilitator_client, community, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    from meetings.tests.factories import RsvpFactory

    meeting = MeetingFactory(community=community)
    yes = RsvpFactory(meeting=meeting, answer="yes")
    maybe = RsvpFactory(meeting=meeting, answer="maybe")
    RsvpFactory(meeting=meeting, answer="no")
    start = meeting.starts_at.astimezone(AMS) + timedelta(days=2)
    data = form_data(title=meeting.title, date=start.date().isoformat(), start_time="20:00", end_time="22:00")
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(f"/c/lg-test/meetings/{meeting.pk}/edit/", data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert sorted(m.to[0] for m in mailoutbox) == sorted([yes.membership.user.email, maybe.membership.user.email])
    assert all("Verzet" in m.subject for m in mailoutbox)
    assert OutboxMessage.objects.filter(key__endswith=":seq:1", kind="meeting_changed").count() == 2


def test_editing_only_the_title_sends_nothing_but_raises_sequence(facilitator_client, community, mailoutbox):
    from meetings.tests.factories import RsvpFactory

    start = (timezone.now() + timedelta(days=10)).replace(hour=16, minute=0, second=0, microsecond=0)
    meeting = MeetingFactory(community=community, starts_at=start)
    RsvpFactory(meeting=meeting, answer="yes")
    start = meeting.starts_at.astimezone(AMS)
    end = meeting.ends_at.astimezone(AMS)
    data = form_data(title="Nieuwe titel", date=start.date().isoformat(), start_time=start.strftime("%H:%M"),
                     end_time=end.strftime("%H:%M"))
    facilitator_client.post(f"/c/lg-test/meetings/{meeting.pk}/edit/", data)
    meeting.refresh_from_db()
    assert meeting.title == "Nieuwe titel" and meeting.sequence == 1
    assert not OutboxMessage.objects.exists()


def test_cancelling_tells_yes_and_maybe(facilitator_client, community, mailoutbox, django_capture_on_commit_callbacks):
    from meetings.tests.factories import RsvpFactory

    meeting = MeetingFactory(community=community)
    yes = RsvpFactory(meeting=meeting, answer="yes")
    RsvpFactory(meeting=meeting, answer="no")
    with django_capture_on_commit_callbacks(execute=True):
        facilitator_client.post(f"/c/lg-test/meetings/{meeting.pk}/cancel/", {"reason": "De gastheer is ziek."})
    meeting.refresh_from_db()
    assert meeting.cancelled_at and meeting.sequence == 1
    assert [m.to[0] for m in mailoutbox] == [yes.membership.user.email]
    assert "Afgelast" in mailoutbox[0].subject and "ziek" in mailoutbox[0].body
    assert "ziek" in mailoutbox[0].alternatives[0][0]


def test_participant_cannot_edit_or_cancel_a_plenary(participant_client, community):
    meeting = MeetingFactory(community=community)
    assert participant_client.get(f"/c/lg-test/meetings/{meeting.pk}/edit/").status_code == 403
    assert participant_client.post(f"/c/lg-test/meetings/{meeting.pk}/cancel/").status_code == 403


def test_settings_are_created_when_a_facilitator_saves(facilitator_client, community):
    assert not MeetingSettings.objects.exists()
    response = facilitator_client.post("/c/lg-test/meetings/settings/", {
        "plenary_interval_weeks": 8, "usual_start_time": "19:00", "usual_duration_minutes": 120,
        "reminder_hours": 0, "agenda_deadline_days": 7, "agenda_send_days": 5})
    assert response.status_code == 302
    s = MeetingSettings.objects.get(community=community)
    assert s.plenary_interval_weeks == 8 and s.reminder_hours == 0


def test_settings_refuse_an_interval_out_of_range(facilitator_client, community):
    response = facilitator_client.post("/c/lg-test/meetings/settings/", {
        "plenary_interval_weeks": 30, "usual_start_time": "19:00", "usual_duration_minutes": 120,
        "reminder_hours": 48, "agenda_deadline_days": 7, "agenda_send_days": 5})
    assert response.status_code == 200 and response.context["form"].errors["plenary_interval_weeks"]
    assert not MeetingSettings.objects.exists()
