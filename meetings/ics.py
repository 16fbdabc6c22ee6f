"""iCalendar (RFC 5545) for one meeting or a person's feed. Events carry the community's time zone
(with its VTIMEZONE), a stable UID, SEQUENCE and STATUS, so calendar clients update them in place."""

import zoneinfo
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Answer

PRODID = "-//LG Portal//Bijeenkomsten//NL"
PARTSTAT = {Answer.YES: "ACCEPTED", Answer.NO: "DECLINED", Answer.MAYBE: "TENTATIVE"}


def meeting_uid(meeting) -> str:
    return f"meeting-{meeting.pk}@lg-portal"


def _answer_line(answer) -> str:
    if answer == Answer.YES:
        return _("Jouw antwoord: ja, je komt.")
    if answer == Answer.NO:
        return _("Jouw antwoord: nee, je komt niet.")
    if answer == Answer.MAYBE:
        return _("Jouw antwoord: misschien.")
    return _("Je hebt nog niet laten weten of je komt.")


def meeting_event(meeting, *, user=None, answer=None, now=None) -> Event:
    tz = zoneinfo.ZoneInfo(meeting.community.time_zone)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", (meeting.updated_at or now or timezone.now()).astimezone(zoneinfo.ZoneInfo("UTC")))
    event.add("last-modified", (meeting.updated_at or now or timezone.now()).astimezone(zoneinfo.ZoneInfo("UTC")))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(tz))
    event.add("dtend", meeting.ends_at.astimezone(tz))
    summary = meeting.title
    if meeting.workgroup_id:
        summary = f"{meeting.title} ({meeting.workgroup.name})"
    event.add("summary", summary)
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
    event.add("transp", "TRANSPARENT" if meeting.cancelled_at else "OPAQUE")
    organizer = vCalAddress("mailto:" + _from_address())
    organizer.params["CN"] = vText(meeting.community.name)
    event.add("organizer", organizer)
    if user is not None:
        attendee = vCalAddress(f"mailto:{user.email}")
        attendee.params["CN"] = vText(user.name or user.email)
        attendee.params["PARTSTAT"] = PARTSTAT.get(answer, "NEEDS-ACTION")
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["RSVP"] = "FALSE"
        event.add("attendee", attendee)
    return event


def _from_address() -> str:
    from email.utils import parseaddr

    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "portal@localhost"


def build_calendar(meetings, *, name: str, user=None, publish: bool = True, now=None) -> bytes:
    """`meetings` may carry a `my_answer` annotation; it becomes the user's PARTSTAT."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if publish:
        cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT1H")
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    first = last = None
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, user=user, answer=getattr(meeting, "my_answer", None), now=now))
        first = min(first, meeting.starts_at) if first else meeting.starts_at
        last = max(last, meeting.ends_at) if last else meeting.ends_at
    if first is not None:
        # Only the transitions around the meetings: a short VTIMEZONE that every client reads.
        cal.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1))
    return cal.to_ical()
