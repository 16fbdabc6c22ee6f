"""The feed and the single .ics as real calendar clients read them: libical's parser and iTIP
restriction check (Evolution, GNOME Calendar and many servers build on it), a strict RFC 5545 reading
that needs no library, and Python icalendar. Stable UIDs of this installation, a person as ORGANIZER,
summaries without the workgroup's name twice, and the person's answer visible."""

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from email.utils import parseaddr
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from icalendar import Calendar

from meetings import services
from meetings.tests.factories import HostedMeetingFactory, MeetingFactory, RsvpFactory
from meetings.tests.ical_strict import problems
from participants.tests.factories import MembershipFactory
from workgroups.tests.factories import WorkgroupFactory, WorkgroupMemberFactory

SYSTEM_PYTHON = Path("/usr/bin/python3")
# Run by Debian's Python, which has the GObject bindings (python3-gi) that the venv lacks. Prints JSON:
# {"missing": why} without the bindings, else the errors libical put in the tree as X-LIC-ERROR.
LIBICAL_SCRIPT = r"""
import json, sys
try:
    import gi
    gi.require_version("ICalGLib", "3.0")
    from gi.repository import ICalGLib
except (ImportError, ValueError) as exc:
    print(json.dumps({"missing": str(exc)}))
    sys.exit(0)

body = sys.stdin.buffer.read().decode("utf-8")
try:
    root = ICalGLib.Component.new_from_string(body)
except TypeError:  # the constructor returned NULL: nothing could be parsed
    root = None
if root is None:
    print(json.dumps({"errors": ["libical could not parse the body"], "valid": False, "events": 0}))
    sys.exit(0)
valid = bool(ICalGLib.restriction_check(root))
errors = []

def walk(component, path):
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        errors.append(path + ": " + prop.get_xlicerror())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        walk(child, path + "/" + ICalGLib.Component.kind_to_string(child.isa()))
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)

walk(root, ICalGLib.Component.kind_to_string(root.isa()))
events = root.count_components(ICalGLib.ComponentKind.VEVENT_COMPONENT)
print(json.dumps({"errors": errors, "valid": valid, "events": events}))
"""


def libical(body: bytes) -> dict:
    if not SYSTEM_PYTHON.exists():
        pytest.skip("libical check: /usr/bin/python3 is missing (Debian's Python with python3-gi runs it)")
    done = subprocess.run([str(SYSTEM_PYTHON), "-c", LIBICAL_SCRIPT], input=body, capture_output=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, check=False)
    assert done.returncode == 0, done.stderr.decode()
    result = json.loads(done.stdout)
    if "missing" in result:
        pytest.skip(f"libical check: its GObject bindings are missing ({result['missing']}); "
                    "apt-get install -y gir1.2-ical-3.0")
    return result


def feed(client, user, **headers):
    return client.get(f"/calendar/{user.feed_token}.ics", headers=headers)


def ics_path(meeting):
    return f"/c/{meeting.community.slug}/meetings/{meeting.pk}.ics"


def _last_sunday_of_march_ahead():
    year = timezone.now().year + 1
    day = date(year, 3, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


@pytest.fixture
def world(settings, community, facilitator, core_member, participant):
    """A bit of everything a feed holds: a hosted plenary across the spring DST change, a cancelled
    one, workgroup meetings with and without the workgroup's name in the title, a work visit, a
    long description full of commas, semicolons, backslashes and characters of several octets, and a
    person whose name needs quoting."""
    settings.SITE_URL = "https://lg.example.nl"
    user = participant.user
    user.name = 'Pia "Pip" Participant, jr.'
    user.save()
    dst = _last_sunday_of_march_ahead()
    across = datetime(dst.year, dst.month, dst.day - 1, 22, 0, tzinfo=UTC)  # 23:00 CET to 05:00 CEST
    plenary = HostedMeetingFactory(
        community=community, title="Plenair; de lente, eindelijk", starts_at=across,
        ends_at=across + timedelta(hours=5), created_by=facilitator, sequence=2,
        description=("Eén keer per seizoen: café-gesprek, ‘koffie’ en 🎉; backslash \\ erbij. " * 12).strip(),
    )
    cancelled = MeetingFactory(community=community, title="Plenair (afgelast)", created_by=facilitator)
    services.meeting_cancel(meeting=cancelled, by=facilitator, reason="Storm")
    core = WorkgroupFactory(community=community, name="Kerngroep", created_by=core_member.user)
    for member in (participant, core_member):
        WorkgroupMemberFactory(workgroup=core, membership=member)
    named = MeetingFactory(community=community, kind="workgroup", workgroup=core, title="Werkgroep Kerngroep",
                           created_by=core_member)
    plain = MeetingFactory(community=community, kind="workgroup", workgroup=core, title="Overleg",
                           created_by=core_member)
    visit = MeetingFactory(community=community, kind="work_visit", title="Werkbezoek bij Bakkerij Smit",
                           created_by=core_member, venue="", address="")
    RsvpFactory(meeting=plenary, membership=participant, answer="yes")
    RsvpFactory(meeting=named, membership=participant, answer="no")
    RsvpFactory(meeting=plain, membership=participant, answer="maybe")
    return {"user": user, "plenary": plenary, "cancelled": cancelled, "named": named, "plain": plain,
            "visit": visit, "core": core}


def events_of(body):
    return {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(body).events}


# libical and the strict reading ----------------------------------------------------------------------

def test_feed_passes_libicals_restriction_check(anon_client, world):
    result = libical(feed(anon_client, world["user"]).content)
    assert result["errors"] == []
    assert result["valid"] and result["events"] == 5


def test_single_meeting_ics_passes_libicals_restriction_check(participant_client, world):
    for key in ("plenary", "named", "visit", "cancelled"):
        result = libical(participant_client.get(ics_path(world[key])).content)
        assert result["errors"] == [], key
        assert result["valid"] and result["events"] == 1


def test_libical_check_does_catch_what_this_project_had(world):
    """The check is not blind: what the old feed had fails it, METHOD:PUBLISH with an ATTENDEE, and
    (without METHOD) a COMMENT in the VTIMEZONE."""
    vtimezone = (b"BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nCOMMENT:only 2026\r\nBEGIN:STANDARD\r\n"
                 b"DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
                 b"END:VTIMEZONE\r\n")
    event = (b"BEGIN:VEVENT\r\nUID:a@b\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\n"
             b"SUMMARY:x\r\nORGANIZER:mailto:o@b\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b\r\nEND:VEVENT\r\n")
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//NL\r\n"
    published = head + b"METHOD:PUBLISH\r\n" + event + b"END:VCALENDAR\r\n"
    commented = head + vtimezone + event + b"END:VCALENDAR\r\n"
    assert any("ATTENDEE" in e for e in libical(published)["errors"])
    assert any("COMMENT" in e for e in libical(commented)["errors"])
    assert problems(published, subscription=False)
    assert problems(commented, subscription=True)


def test_feed_and_single_ics_read_strictly(anon_client, participant_client, world):
    assert problems(feed(anon_client, world["user"]).content, subscription=True) == []
    for key in ("plenary", "named", "visit", "cancelled"):
        assert problems(participant_client.get(ics_path(world[key])).content, subscription=False) == [], key


def test_the_strict_reading_is_strict():
    good = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//NL\r\nBEGIN:VEVENT\r\nUID:a@b\r\n"
            b"DTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\nSUMMARY:a\\, b\r\nEND:VEVENT\r\n"
            b"END:VCALENDAR\r\n")
    assert problems(good, subscription=True) == []
    assert problems(good.replace(b"\r\n", b"\n"), subscription=True)
    assert problems(good.replace(b"UID:a@b\r\n", b""), subscription=True)
    assert problems(good.replace(b"DTSTAMP:20260101T000000Z\r\n", b""), subscription=True)
    assert problems(good.replace(b"PRODID:-//x//y//NL\r\n", b""), subscription=True)
    assert problems(good.replace(b"VERSION:2.0\r\n", b"METHOD:PUBLISH\r\nVERSION:2.0\r\n"), subscription=True)
    assert problems(good.replace(b"SUMMARY:a\\, b", b"SUMMARY:" + b"x" * 80), subscription=True)
    assert problems(good.replace(b"SUMMARY:a\\, b", b"SUMMARY:a, b"), subscription=True)


def test_lines_are_folded_at_75_octets_between_characters(anon_client, world):
    body = feed(anon_client, world["user"]).content
    lines = body.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # no character split over two lines
    description = str(events_of(body)[f"meeting-{world['plenary'].pk}"]["DESCRIPTION"])
    assert "Eén keer per seizoen: café-gesprek, ‘koffie’ en 🎉; backslash \\ erbij." in description


def test_vtimezone_has_the_dst_change_and_no_comment(anon_client, world):
    cal = Calendar.from_ical(feed(anon_client, world["user"]).content)
    (vtimezone,) = cal.timezones
    assert "COMMENT" not in vtimezone
    assert {c.name for c in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    event = events_of(cal.to_ical())[f"meeting-{world['plenary'].pk}"]
    assert event.start == world["plenary"].starts_at
    assert event.end == world["plenary"].ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    # 23:00 to 05:00 on the wall, five hours: the clock jumped from 02:00 to 03:00 in between.
    assert event.start.utcoffset() == timedelta(hours=1) and event.end.utcoffset() == timedelta(hours=2)
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(hours=5)


# UIDs -------------------------------------------------------------------------------------------------

def test_uids_carry_the_sites_host_and_stay_put(anon_client, participant_client, facilitator, world):
    plenary = world["plenary"]
    uid = f"meeting-{plenary.pk}@lg.example.nl"
    first = events_of(feed(anon_client, world["user"]).content)
    assert str(first[f"meeting-{plenary.pk}"]["UID"]) == uid
    assert all(str(e["UID"]).endswith("@lg.example.nl") for e in first.values())
    services.meeting_update(meeting=plenary, by=facilitator, title="Plenair, verplaatst van titel")
    again = events_of(feed(anon_client, world["user"]).content)
    assert str(again[f"meeting-{plenary.pk}"]["UID"]) == uid
    assert again[f"meeting-{plenary.pk}"]["SEQUENCE"] == 3
    (single,) = Calendar.from_ical(participant_client.get(ics_path(plenary)).content).events
    assert str(single["UID"]) == uid


def test_an_unchanged_feed_renders_the_same_bytes(anon_client, world):
    """DTSTAMP is the meeting's updated_at, not the request's time: an ETag made from the rows
    stands for the body."""
    assert feed(anon_client, world["user"]).content == feed(anon_client, world["user"]).content


# ORGANIZER --------------------------------------------------------------------------------------------

def _organizer(event):
    organizer = event.get("ORGANIZER")
    return None if organizer is None else (str(organizer.params["CN"]), str(organizer))


def test_organizer_is_a_person_never_the_no_reply_address(anon_client, facilitator, core_member, world):
    events = events_of(feed(anon_client, world["user"]).content)
    no_reply = "mailto:" + parseaddr(django_settings.DEFAULT_FROM_EMAIL)[1]
    assert all(str(e["ORGANIZER"]) != no_reply for e in events.values())
    fay = (facilitator.user.name, f"mailto:{facilitator.user.email}")
    kees = (core_member.user.name, f"mailto:{core_member.user.email}")
    assert _organizer(events[f"meeting-{world['plenary'].pk}"]) == fay  # created by a facilitator
    assert _organizer(events[f"meeting-{world['named'].pk}"]) == kees  # who scheduled it
    assert _organizer(events[f"meeting-{world['visit'].pk}"]) == kees  # whose visit it is


def test_plenary_by_a_non_facilitator_names_the_first_facilitator(anon_client, community, participant, facilitator,
                                                                   coordinator):
    MembershipFactory(community=community, is_facilitator=True, user__name="Later Facilitator",
                      joined_at=facilitator.joined_at + timedelta(days=30))
    by_coordinator = MeetingFactory(community=community, created_by=coordinator)
    nobody = MeetingFactory(community=community, created_by=None)
    events = events_of(feed(anon_client, participant.user).content)
    fay = (facilitator.user.name, f"mailto:{facilitator.user.email}")
    assert _organizer(events[f"meeting-{by_coordinator.pk}"]) == fay
    assert _organizer(events[f"meeting-{nobody.pk}"]) == fay


def test_workgroup_meeting_without_creator_names_the_founder_while_in_it(anon_client, community, participant,
                                                                         facilitator, core_member):
    group = WorkgroupFactory(community=community, name="Sport", created_by=core_member.user)
    WorkgroupMemberFactory(workgroup=group, membership=participant)
    meeting = MeetingFactory(community=community, kind="workgroup", workgroup=group, title="Sportoverleg",
                             created_by=None)
    organizer = _organizer(events_of(feed(anon_client, participant.user).content)[f"meeting-{meeting.pk}"])
    assert organizer == (facilitator.user.name, f"mailto:{facilitator.user.email}")  # the founder left
    WorkgroupMemberFactory(workgroup=group, membership=core_member)
    organizer = _organizer(events_of(feed(anon_client, participant.user).content)[f"meeting-{meeting.pk}"])
    assert organizer == (core_member.user.name, f"mailto:{core_member.user.email}")


def test_without_anyone_to_name_there_is_no_organizer_and_still_a_valid_file(participant_client, anon_client,
                                                                              community, participant):
    meeting = MeetingFactory(community=community, created_by=None)
    body = participant_client.get(ics_path(meeting)).content
    cal = Calendar.from_ical(body)
    assert "METHOD" not in cal and "ORGANIZER" not in cal.events[0]
    assert problems(body, subscription=False) == []
    assert libical(body)["errors"] == []
    assert "ORGANIZER" not in Calendar.from_ical(feed(anon_client, participant.user).content).events[0]


# SUMMARY and the person's answer ----------------------------------------------------------------------

def test_summary_names_the_workgroup_only_when_the_title_does_not(anon_client, world):
    events = events_of(feed(anon_client, world["user"]).content)
    assert str(events[f"meeting-{world['named'].pk}"]["SUMMARY"]) == "Werkgroep Kerngroep"
    assert str(events[f"meeting-{world['plain'].pk}"]["SUMMARY"]) == "Overleg (Kerngroep)"
    assert str(events[f"meeting-{world['plenary'].pk}"]["SUMMARY"]) == "Plenair; de lente, eindelijk"


def test_summary_check_ignores_case(community):
    from meetings.ics import meeting_summary

    group = WorkgroupFactory(community=community, name="Kerngroep")
    meeting = MeetingFactory(community=community, kind="workgroup", workgroup=group, title="overleg kerngroep")
    assert meeting_summary(meeting) == "overleg kerngroep"


def test_feed_shows_the_answer_as_partstat_and_in_the_description(anon_client, world):
    cal = Calendar.from_ical(feed(anon_client, world["user"]).content)
    assert "METHOD" not in cal
    events = events_of(cal.to_ical())
    expected = {"plenary": ("ACCEPTED", "Jouw antwoord: ja", "OPAQUE"),
                "named": ("DECLINED", "Jouw antwoord: nee", "TRANSPARENT"),
                "plain": ("TENTATIVE", "Jouw antwoord: misschien", "OPAQUE"),
                "visit": ("NEEDS-ACTION", "Je hebt nog niet laten weten", "OPAQUE")}
    for key, (partstat, line, transp) in expected.items():
        event = events[f"meeting-{world[key].pk}"]
        attendee = event["ATTENDEE"]
        assert str(attendee) == f"mailto:{world['user'].email}"
        assert str(attendee.params["CN"]) == "Pia 'Pip' Participant, jr."  # no RFC 6868 ^' for Outlook
        assert attendee.params["PARTSTAT"] == partstat and attendee.params["RSVP"] == "FALSE"
        assert line in str(event["DESCRIPTION"]), key
        assert str(event["TRANSP"]) == transp, key
    cancelled = events[f"meeting-{world['cancelled'].pk}"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and str(cancelled["TRANSP"]) == "TRANSPARENT"


def test_single_ics_is_publish_with_organizer_and_the_answer_in_the_description(participant_client, world):
    response = participant_client.get(ics_path(world["named"]))
    cal = Calendar.from_ical(response.content)
    assert cal["METHOD"] == "PUBLISH"
    (event,) = cal.events
    assert "ATTENDEE" not in event and "ORGANIZER" in event
    assert "Jouw antwoord: nee" in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "X-WR-CALNAME" not in cal and "REFRESH-INTERVAL" not in cal  # an import, not a subscription
    assert "attachment" in response["Content-Disposition"]


def test_feed_follows_the_persons_language(anon_client, world):
    user = world["user"]
    user.language = "en"
    user.save()
    body = feed(anon_client, user).content
    cal = Calendar.from_ical(body)
    assert "Your answer: yes" in str(events_of(body)[f"meeting-{world['plenary'].pk}"]["DESCRIPTION"])
    assert str(cal["X-WR-CALNAME"]).startswith("LG Portal")
