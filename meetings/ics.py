"""iCalendar (RFC 5545) for one meeting or a person's feed. Events carry the community's time zone
(with its VTIMEZONE), a UID that is stable and unique to this installation, SEQUENCE and STATUS, so
calendar clients update them in place.

The two shapes differ on purpose, because clients treat them differently:

- The subscription feed is a calendar to read, not an iTIP message (RFC 5546), so it carries no
  METHOD. The person is an ATTENDEE with their answer as PARTSTAT (Apple Calendar and Outlook show
  it) and RSVP=FALSE: there is nothing to send back, the answer is given in the portal.
- The single meeting download is imported into a calendar the person can edit. It is
  METHOD:PUBLISH with an ORGANIZER and without ATTENDEE: iTIP forbids ATTENDEE in PUBLISH (libical's
  restriction check rejects it), and an attendee would make Outlook and Apple Calendar treat the file
  as an invitation whose "accept" mails the organiser instead of answering in the portal.

In both, the person's answer is also a line in DESCRIPTION, which every client (Google Calendar too)
shows, and a meeting they said no to is TRANSPARENT: it does not make them busy.

The rendering is a pure function of the rows it is given: DTSTAMP is the meeting's updated_at, not
the time of the request, so the same data gives the same bytes and the feed's ETag (see views) can
be computed from the rows without rendering. Bump FORMAT when the output changes for the same rows.
"""

import zoneinfo
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from participants.models import MemberStatus

from .models import Answer, MeetingKind

PRODID = "-//LG Portal//Bijeenkomsten//NL"
FORMAT = 2  # part of every ETag: a deploy that changes the output makes clients fetch it again
PARTSTAT = {Answer.YES: "ACCEPTED", Answer.NO: "DECLINED", Answer.MAYBE: "TENTATIVE"}
UTC = zoneinfo.ZoneInfo("UTC")
# RFC 5545 3.6.5 (with RFC 7808's additions): what a VTIMEZONE itself may hold. icalendar adds a
# COMMENT there, which libical rejects.
VTIMEZONE_PROPERTIES = {"TZID", "LAST-MODIFIED", "TZURL", "TZID-ALIAS-OF", "TZUNTIL"}


def uid_domain() -> str:
    """The host of SITE_URL: UIDs must be unique across installations (RFC 5545 3.8.4.7), and two
    portals that both said "lg-portal" would overwrite each other's events in a calendar that
    subscribes to both."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def meeting_uid(meeting) -> str:
    return f"meeting-{meeting.pk}@{uid_domain()}"


def meeting_summary(meeting) -> str:
    """The title, with the workgroup's name when the title does not say it already ("Werkgroep
    Kerngroep" stays as it is; "Overleg" becomes "Overleg (Kerngroep)")."""
    if meeting.workgroup_id and meeting.workgroup.name.casefold() not in meeting.title.casefold():
        return f"{meeting.title} ({meeting.workgroup.name})"
    return meeting.title


def _active(membership) -> bool:
    return membership is not None and membership.status == MemberStatus.ACTIVE


def organizer_of(meeting) -> tuple[str, str] | None:
    """(name, email) of the person who organises the meeting, whom a question about it goes to;
    never the portal's no-reply address. None when there is nobody to name.

    - A plenary is the facilitators' work (the guide: the procesbegeleider sets up the plenaries):
      its creator when they facilitate the community, else the community's first facilitator (the
      one longest in the role).
    - A workgroup meeting belongs to the workgroup: whoever scheduled it (a member of the workgroup,
      or a facilitator on its behalf), else the person who started the workgroup while they are
      still in it, else the first facilitator.
    - A work visit is opened by the member whose place it is: its creator, else the first facilitator.

    Reads the meeting's created_by (with user), workgroup (with created_by) and the annotations
    lead_name, lead_email (the first active facilitator) and founder_in_workgroup, which
    selectors.with_calendar_fields provides: no queries here.
    """
    creator = meeting.created_by if meeting.created_by_id else None
    if _active(creator) and (meeting.kind != MeetingKind.PLENARY or creator.is_facilitator):
        return creator.user.name or creator.user.email, creator.user.email
    if (meeting.kind == MeetingKind.WORKGROUP and getattr(meeting, "founder_in_workgroup", False)
            and meeting.workgroup.created_by_id):
        founder = meeting.workgroup.created_by
        return founder.name or founder.email, founder.email
    lead_email = getattr(meeting, "lead_email", None)
    if lead_email:
        return getattr(meeting, "lead_name", None) or lead_email, lead_email
    return None


def _answer_line(answer) -> str:
    if answer == Answer.YES:
        return _("Jouw antwoord: ja, je komt.")
    if answer == Answer.NO:
        return _("Jouw antwoord: nee, je komt niet.")
    if answer == Answer.MAYBE:
        return _("Jouw antwoord: misschien.")
    return _("Je hebt nog niet laten weten of je komt.")


def _address(email: str, name: str) -> vCalAddress:
    """A parameter value cannot hold a double quote; RFC 6868's ^' for it is read by few clients
    (Outlook shows it as is), so a name's double quotes become single ones."""
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(" ".join(name.replace('"', "'").split()))
    return address


def meeting_event(meeting, *, user=None, answer=None, attendee: bool = False, organizer=None) -> Event:
    """One VEVENT. `user` and `answer`: whose answer the description states; `attendee`: also as an
    ATTENDEE with PARTSTAT (the feed only, see the module's docstring)."""
    tz = zoneinfo.ZoneInfo(meeting.community.time_zone)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.updated_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    event.add("summary", meeting_summary(meeting))
    location = ", ".join(p for p in (meeting.venue, meeting.address) if p)
    if location:
        event.add("location", location)
    lines = [f"{meeting.community.name} · {meeting.get_kind_display()}"]
    if meeting.host_id and meeting.host_state != "declined":
        lines.append(_("Gastheer/gastvrouw: %(name)s") % {"name": meeting.host.user.name})
    if meeting.meal_note:
        lines.append(_("Maaltijd: %(note)s") % {"note": meeting.meal_note})
    if meeting.description:
        lines.append(meeting.description)
    if user is not None:
        lines.append(_answer_line(answer))
    url = settings.SITE_URL + reverse("meeting_detail", args=[meeting.community.slug, meeting.pk])
    lines.append(url)
    event.add("description", "\n\n".join(lines))
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.cancelled_at else "CONFIRMED")
    free = meeting.cancelled_at or (user is not None and answer == Answer.NO)
    event.add("transp", "TRANSPARENT" if free else "OPAQUE")
    if organizer is not None:
        event.add("organizer", _address(organizer[1], organizer[0]))
    if attendee and user is not None:
        person = _address(user.email, user.name or user.email)
        person.params["PARTSTAT"] = PARTSTAT.get(answer, "NEEDS-ACTION")
        person.params["ROLE"] = "REQ-PARTICIPANT"
        person.params["RSVP"] = "FALSE"
        event.add("attendee", person)
    return event


def _calendar(*, method: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if method:
        cal.add("method", method)
    return cal


def _add_timezones(cal: Calendar, meetings) -> None:
    """Only the transitions around the meetings: a short VTIMEZONE that every client reads, without
    the COMMENT icalendar puts in it (not a VTIMEZONE property; libical rejects it)."""
    if not meetings:
        return
    first = min(m.starts_at for m in meetings)
    last = max(m.ends_at for m in meetings)
    cal.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1))
    for vtimezone in cal.timezones:
        for name in [key for key in vtimezone if key not in VTIMEZONE_PROPERTIES and not key.startswith("X-")]:
            del vtimezone[name]


def feed_calendar(meetings, *, name: str, user) -> bytes:
    """The subscription feed. `meetings` come from selectors.feed_meetings_for_user: each carries
    `my_answer`, which becomes the person's PARTSTAT and the line about their answer."""
    meetings = list(meetings)
    cal = _calendar()
    cal.add("x-wr-calname", vText(name))  # as TEXT, escaped: icalendar writes an X- property raw
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, user=user, answer=meeting.my_answer, attendee=True,
                                        organizer=organizer_of(meeting)))
    _add_timezones(cal, meetings)
    return cal.to_ical()


def meeting_calendar(meeting, *, user) -> bytes:
    """One meeting to import, from selectors.calendar_meeting_for_member (with `my_answer`). PUBLISH
    needs an ORGANIZER (RFC 5546 3.2.1); without one to name, the file goes without METHOD, which
    clients import the same way."""
    organizer = organizer_of(meeting)
    cal = _calendar(method="PUBLISH" if organizer else None)
    cal.add_component(meeting_event(meeting, user=user, answer=meeting.my_answer, organizer=organizer))
    _add_timezones(cal, [meeting])
    return cal.to_ical()
