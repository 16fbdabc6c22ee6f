"""Issue 16, meetings: what the meeting pages, emails and calendars tell people is true. One test per
bug; each failed on the code before the fix."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from lg_portal import outbox
from meetings import jobs, selectors, services
from meetings.models import AgendaItem, Attendance, HostState, Meeting, MeetingKind
from meetings.tests import ical_strict
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.models import EmailPreference
from participants.tests.factories import MembershipFactory
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory

NEW = "/c/lg-test/meetings/new/"


def client_for(member):
    c = Client()
    c.force_login(member.user)
    return c


def detail(client, meeting):
    return client.get(f"/c/lg-test/meetings/{meeting.pk}/").content.decode()


# 1. The agenda deadline follows the current settings and the meeting's date ------------------------

def test_short_notice_meeting_has_an_open_agenda_and_the_deadline_follows_the_current_settings(
        facilitator, core_member, community):
    now = timezone.now()
    start = now + timedelta(days=3)
    meeting = services.meeting_schedule(community=community, by=facilitator, kind=MeetingKind.PLENARY,
                                        title="Snel bij elkaar", starts_at=start, ends_at=start + timedelta(hours=2))
    page = detail(client_for(core_member), meeting)
    assert "termijn voor agendapunten is verlopen" not in page
    assert "Agendapunt voorstellen" in page and "halverwege" in page  # the rule is on the page
    services.agenda_item_add(meeting=meeting, by=core_member, title="Kort punt", now=now + timedelta(hours=1))
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
    # Halfway between planning and the start: open a day later, closed two days later.
    services.agenda_item_add(meeting=meeting, by=core_member, title="Nog een", now=now + timedelta(days=1))
    with pytest.raises(ValidationError):
        services.agenda_item_add(meeting=meeting, by=core_member, title="Te laat", now=now + timedelta(days=2))

    # A meeting planned well ahead: the settings as they are now count, not those at creation.
    later = now + timedelta(days=30)
    planned = services.meeting_schedule(community=community, by=facilitator, kind=MeetingKind.PLENARY,
                                        title="Ruim op tijd", starts_at=later, ends_at=later + timedelta(hours=2))
    services.meeting_settings_update(community=community, agenda_deadline_days=2, agenda_send_days=1)
    planned = Meeting.objects.get(pk=planned.pk)
    community.refresh_from_db()
    moment = later - timedelta(days=5)  # past the old 7 days, within the new 2
    services.agenda_item_add(meeting=planned, by=core_member, title="Na de oude termijn", now=moment)
    assert AgendaItem.objects.filter(meeting=planned).count() == 1


# 2. A facilitator who said yes is reminded --------------------------------------------------------

def test_facilitator_who_said_yes_to_a_workgroup_meeting_gets_a_reminder(community, facilitator, participant,
                                                                         mailoutbox):
    wg = WorkgroupFactory(community=community)
    WorkgroupMemberFactory(workgroup=wg, membership=participant)
    start = timezone.now() + timedelta(hours=20)
    meeting = MeetingFactory(community=community, kind=MeetingKind.WORKGROUP, workgroup=wg, starts_at=start,
                             ends_at=start + timedelta(hours=2), title="Werkgroep stages")
    RsvpFactory(meeting=meeting, membership=facilitator, answer="yes")
    off = MembershipFactory(community=community, is_coordinator=True)
    RsvpFactory(meeting=meeting, membership=off, answer="maybe")
    EmailPreference.objects.create(user=off.user, reminders=False)
    jobs.reminders_send_due()
    outbox.flush()
    assert sorted(m.to[0] for m in mailoutbox) == sorted([facilitator.user.email, participant.user.email])
    assert "Tot binnenkort" in next(m for m in mailoutbox if m.to == [facilitator.user.email]).subject


# 3. No home address unless the host chose "at my place" -------------------------------------------

def test_work_visit_without_address_does_not_show_the_home_address(community, participant):
    participant.user.address = "Dorpsstraat 12, Hellendoorn"
    participant.user.save()
    c = client_for(participant)
    day = (timezone.localdate() + timedelta(days=20)).isoformat()
    form = c.get(NEW + "?kind=work_visit").context["form"]
    assert not form.initial.get("address")  # not prefilled either
    response = c.post(NEW, {"kind": "work_visit", "title": "Bij de sportclub", "date": day, "start_time": "19:30",
                            "end_time": "21:00", "venue": "VV Hellendoorn", "address": ""})
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.address == "" and not meeting.at_host_home
    assert "Dorpsstraat 12" not in detail(c, meeting)
    body = c.get(f"/c/lg-test/meetings/{meeting.pk}.ics").content
    assert ical_strict.problems(body, subscription=False) == []
    event = next(iter(Calendar.from_ical(body).events))
    assert "Dorpsstraat" not in str(event["LOCATION"]) and "VV Hellendoorn" in str(event["LOCATION"])

    # Ticked "bij mij thuis": then the home address is the place.
    c.post(NEW, {"kind": "work_visit", "title": "Bij mij thuis", "date": day, "start_time": "19:30",
                 "end_time": "21:00", "venue": "", "address": "", "at_host_home": "on"})
    home = Meeting.objects.get(title="Bij mij thuis")
    assert home.at_host_home and home.address == "Dorpsstraat 12, Hellendoorn"
    # Unticked again: the home address goes with it.
    c.post(f"/c/lg-test/meetings/{home.pk}/edit/", {"title": "Bij mij thuis", "date": day, "start_time": "19:30",
                                                    "end_time": "21:00", "venue": "", "meal_note": "",
                                                    "address": "Dorpsstraat 12, Hellendoorn"})
    home.refresh_from_db()
    assert not home.at_host_home and home.address == ""


def test_asked_host_chooses_at_my_place_when_accepting(community, facilitator):
    host = MembershipFactory(community=community, willing_to_host=True, user__address="Esweg 5")
    meeting = MeetingFactory(community=community, host=host, host_state=HostState.PROPOSED, address="",
                             venue="Bij Sanne")
    client_for(host).post(f"/c/lg-test/meetings/{meeting.pk}/host/answer/", {"answer": "accept"})
    meeting.refresh_from_db()
    assert meeting.host_state == HostState.ACCEPTED and meeting.address == ""
    other = MeetingFactory(community=community, host=host, host_state=HostState.PROPOSED, address="")
    client_for(host).post(f"/c/lg-test/meetings/{other.pk}/host/answer/", {"answer": "accept", "at_home": "1"})
    other.refresh_from_db()
    assert other.at_host_home and other.address == "Esweg 5"


# 4. The venue text follows the host ---------------------------------------------------------------

def test_venue_text_follows_a_host_change(community, facilitator):
    anouk = MembershipFactory(community=community, user__name="Anouk", user__address="Dorpsstraat 1")
    bas = MembershipFactory(community=community, user__name="Bas", user__address="Schoolstraat 9")
    meeting = MeetingFactory(community=community, host=anouk, host_state=HostState.DECLINED,
                             venue="Bij Anouk thuis", address="Dorpsstraat 1")
    services.host_ask(meeting=meeting, host=bas, by=facilitator)
    meeting.refresh_from_db()
    assert meeting.venue == "Bij Bas" and "Anouk" not in meeting.address

    # A place of its own (not the host's default) stays.
    club = MeetingFactory(community=community, host=anouk, host_state=HostState.DECLINED,
                          venue="Kantine VV Hellendoorn", address="Sportlaan 3")
    services.host_ask(meeting=club, host=bas, by=facilitator)
    club.refresh_from_db()
    assert club.venue == "Kantine VV Hellendoorn" and club.address == "Sportlaan 3"


# 5. The moderator and the coordinator record attendance -------------------------------------------

@pytest.mark.parametrize("role", ["is_moderator", "is_coordinator"])
def test_moderator_and_coordinator_record_attendance(community, participant, role):
    chair = MembershipFactory(community=community, is_participant=False, **{role: True})
    start = timezone.now() - timedelta(days=1)
    meeting = MeetingFactory(community=community, starts_at=start, ends_at=start + timedelta(hours=3))
    c = client_for(chair)
    url = f"/c/lg-test/meetings/{meeting.pk}/attendance/"
    assert c.get(url).status_code == 200
    assert "Aanwezigheid en verslag invullen" in detail(c, meeting)
    response = c.post(url, {"present": [participant.pk], "notes": "Besloten: werkbezoek."})
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("membership_id", flat=True)) == [participant.pk]


# 6. Warnings for a second plenary on a day, and after the community ends -----------------------------

def form(day, **extra):
    return {"kind": "plenary", "title": "Plenair", "date": day, "start_time": "19:30", "end_time": "22:00",
            "venue": "Buurthuis", "address": "Kerkplein 1", **extra}


def test_second_plenary_on_a_day_and_after_the_end_warn_but_do_not_block(facilitator_client, community):
    day = timezone.localdate() + timedelta(days=20)
    MeetingFactory(community=community, title="Plenair van de ochtend",
                   starts_at=timezone.make_aware(datetime.combine(day, time(10, 0))))
    response = facilitator_client.post(NEW, form(day.isoformat()))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plenair van de ochtend" in html and "Toch opslaan" in html
    assert Meeting.objects.count() == 1
    response = facilitator_client.post(NEW, form(day.isoformat(), confirm="1"))
    assert response.status_code == 302 and Meeting.objects.count() == 2

    community.ends_on = timezone.localdate() + timedelta(days=30)
    community.save()
    after = (community.ends_on + timedelta(days=7)).isoformat()
    response = facilitator_client.post(NEW, form(after))
    assert response.status_code == 200 and "loopt tot en met" in response.content.decode()
    assert Meeting.objects.count() == 2
    assert facilitator_client.post(NEW, form(after, confirm="1")).status_code == 302

    # Moving a meeting onto that day warns too; an edit that does not move it does not.
    meeting = Meeting.objects.order_by("-pk").first()
    edit = f"/c/lg-test/meetings/{meeting.pk}/edit/"
    response = facilitator_client.post(edit, form(day.isoformat()))
    assert response.status_code == 200 and "Toch opslaan" in response.content.decode()
    assert facilitator_client.post(edit, form(after, title="Andere titel")).status_code == 302


# 7. A paused host is not proposed, and a planned host who paused is flagged ----------------------------

def test_paused_member_is_not_proposed_and_a_paused_planned_host_is_flagged(community, facilitator, participant):
    until = timezone.localdate() + timedelta(days=60)
    paused = MembershipFactory(community=community, willing_to_host=True, user__name="Peter Pauze",
                               status="paused", paused_until=until)
    active = MembershipFactory(community=community, willing_to_host=True, user__name="Anna Actief")
    start = timezone.now() + timedelta(days=30)
    proposal = selectors.host_proposal(community=community, starts_at=start)
    assert proposal.candidate.id == active.pk
    assert paused.pk not in [c.id for c in proposal.ranking]
    with pytest.raises(ValidationError):
        services.meeting_schedule(community=community, by=facilitator, kind=MeetingKind.PLENARY, title="P",
                                  starts_at=start, ends_at=start + timedelta(hours=2), host=paused)

    # Planned as host (said yes, or still asked), then paused: the organiser sees it, the group does not.
    said_yes = MeetingFactory(community=community, host=paused, host_state=HostState.ACCEPTED, starts_at=start)
    asked = MeetingFactory(community=community, host=paused, host_state=HostState.PROPOSED,
                           starts_at=start + timedelta(days=49))
    fac = client_for(facilitator)
    for meeting in (said_yes, asked):
        page = detail(fac, meeting)
        assert 'id="host-unavailable"' in page and "Peter Pauze pauzeert" in page
        assert "Of vraag iemand anders" in page  # and someone else can be asked
    assert 'id="host-unavailable"' not in detail(client_for(participant), said_yes)


@pytest.mark.parametrize("planned, starts, deadline", [
    ("2026-12-02 13:07", "2026-12-05 19:30", "2026-12-03 22:00"),  # halfway is 04:18 at night
    ("2026-12-02 10:00", "2026-12-03 19:30", "2026-12-02 22:00"),
    ("2026-12-02 18:00", "2026-12-02 20:00", "2026-12-02 19:00"),  # on the whole hour
    ("2026-12-02 19:10", "2026-12-02 19:50", "2026-12-02 19:30"),  # the hour would be before planning
])
def test_a_short_notice_deadline_falls_on_a_waking_whole_hour(community, planned, starts, deadline):
    from datetime import datetime as dt
    from zoneinfo import ZoneInfo

    from meetings.tests.factories import MeetingFactory

    ams = ZoneInfo("Europe/Amsterdam")
    at = lambda text: dt.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ams)  # noqa: E731
    meeting = MeetingFactory(community=community, starts_at=at(starts), ends_at=at(starts) + timedelta(hours=2))
    meeting.created_at = at(planned)
    moments = meeting.agenda_moments(deadline_days=7, send_days=3)
    assert moments.shortened and moments.deadline.astimezone(ams) == at(deadline)
