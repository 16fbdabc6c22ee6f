"""Reads for meetings. Each costs a fixed number of queries, whatever the number of meetings,
members or answers."""

import zoneinfo
from collections import Counter
from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from participants.models import Membership, MemberStatus, Sector
from participants.rules import can_facilitate
from participants.selectors import active_member_q, is_active_member, is_paused
from workgroups.models import Workgroup, WorkgroupMember

from .. import rules
from ..models import AgendaItem, Answer, Attendance, HostDecline, HostState, Meeting, MeetingKind, MeetingSettings, Rsvp
from .rotation import Candidate, Hosting, Proposal, propose_host

__all__ = ["Proposal", "propose_host"]


def settings_for(*, community) -> MeetingSettings:
    """The community's settings, or unsaved defaults (the row is created when a facilitator saves)."""
    found = getattr(community, "_meeting_settings_cache", None)
    if found is None:
        found = MeetingSettings.objects.filter(community=community).first() or MeetingSettings(community=community)
        community._meeting_settings_cache = found
    return found


_DEADLINE_DEFAULT = MeetingSettings._meta.get_field("agenda_deadline_days").default
_SEND_DEFAULT = MeetingSettings._meta.get_field("agenda_send_days").default


def with_agenda_days(qs):
    """Annotate each meeting with its community's current agenda settings (`settings_deadline_days`,
    `settings_send_days`; the defaults when none are saved), in the same query."""
    current = MeetingSettings.objects.filter(community=OuterRef("community_id"))
    return qs.annotate(
        settings_deadline_days=Coalesce(Subquery(current.values("agenda_deadline_days")[:1]),
                                        Value(_DEADLINE_DEFAULT)),
        settings_send_days=Coalesce(Subquery(current.values("agenda_send_days")[:1]), Value(_SEND_DEFAULT)),
    )


def agenda_moments_of(meeting):
    """The meeting's agenda deadline and sending moment under the current settings (see
    Meeting.agenda_moments). No query when the meeting came through with_agenda_days; else one at most
    (the settings, kept on the community object)."""
    if hasattr(meeting, "settings_deadline_days"):
        days, send = meeting.settings_deadline_days, meeting.settings_send_days
    else:
        current = settings_for(community=meeting.community)
        days, send = current.agenda_deadline_days, current.agenda_send_days
    return meeting.agenda_moments(deadline_days=days, send_days=send)


def _visible_q(membership) -> Q:
    """Meetings a member may see: all of their community's, except those of a closed workgroup they
    are not in."""
    in_group = WorkgroupMember.objects.filter(workgroup=OuterRef("workgroup"), membership=membership)
    return Q(community_id=membership.community_id) & (
        Q(workgroup__isnull=True) | Q(workgroup__closed=False) | Q(Exists(in_group))
    )


def _with_counts(qs, *, membership):
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), membership=membership).values("answer")[:1]
    return qs.select_related("workgroup", "host__user").annotate(
        yes_count=Count("rsvps", filter=Q(rsvps__answer=Answer.YES), distinct=True),
        maybe_count=Count("rsvps", filter=Q(rsvps__answer=Answer.MAYBE), distinct=True),
        my_answer=Subquery(mine),
    )


def meetings_for_member(*, membership, when: str = "upcoming", workgroup=None, now=None, limit=None):
    """Upcoming (soonest first), past (latest first), 'invited' (upcoming meetings that concern me: the
    plenaries and work visits, my workgroups', those I host or said I come to) or 'mine' (upcoming
    meetings I host, organise, or said yes/maybe to, and those of my workgroups). One query."""
    now = now or timezone.now()
    qs = Meeting.objects.filter(_visible_q(membership))
    if workgroup is not None:
        qs = qs.filter(workgroup=workgroup)
    if when == "past":
        qs = qs.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    else:
        qs = qs.filter(ends_at__gte=now).order_by("starts_at", "pk")
    if when == "invited":
        # The meetings that concern this member, by the rule the reminders follow (meetings.jobs._invitees):
        # every plenary and work visit; a workgroup meeting when they are in the workgroup, host it, or
        # said they come.
        said_yes = Rsvp.objects.filter(meeting=OuterRef("pk"), membership=membership,
                                       answer__in=[Answer.YES, Answer.MAYBE])
        in_it = WorkgroupMember.objects.filter(workgroup=OuterRef("workgroup"), membership=membership)
        qs = qs.filter(Q(workgroup__isnull=True) | Q(host=membership) | Q(Exists(in_it)) | Q(Exists(said_yes)))
    if when == "mine":
        mine_rsvp = Rsvp.objects.filter(meeting=OuterRef("pk"), membership=membership,
                                        answer__in=[Answer.YES, Answer.MAYBE])
        my_group = WorkgroupMember.objects.filter(workgroup=OuterRef("workgroup"), membership=membership)
        qs = qs.filter(Q(host=membership) | Q(created_by=membership) | Q(Exists(mine_rsvp)) | Q(Exists(my_group)))
    qs = _with_counts(qs, membership=membership)
    return qs[:limit] if limit else qs


def meeting_get_for_member(*, membership, pk) -> Meeting:
    """The meeting, if this member may see it; otherwise 404 (another community's meeting too)."""
    meeting = (
        with_agenda_days(Meeting.objects.filter(_visible_q(membership), pk=pk))
        .select_related("community", "workgroup", "host__user", "created_by__user")
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def workgroup_ids_of(*, membership) -> set[int]:
    return set(WorkgroupMember.objects.filter(membership=membership).values_list("workgroup_id", flat=True))


def workgroups_of(*, membership):
    """The workgroups a member can schedule a meeting for (facilitators: all open ones)."""
    qs = Workgroup.objects.filter(community_id=membership.community_id, archived_at__isnull=True)
    if not can_facilitate(membership):
        qs = qs.filter(members__membership=membership)
    return qs.order_by("name")


def workgroup_get_for_member(*, membership, pk) -> Workgroup:
    wg = Workgroup.objects.filter(pk=pk, community_id=membership.community_id).first()
    if wg is None:
        raise Http404
    # Only a closed workgroup's meetings depend on being in it: no query for an open one.
    in_workgroup = wg.closed and WorkgroupMember.objects.filter(workgroup=wg, membership=membership).exists()
    if not rules.can_see_workgroup_meetings(membership, wg, in_workgroup=in_workgroup):
        raise Http404
    return wg


def invitees_of(meeting) -> "list[Membership]":
    """Who the meeting concerns: every active member; for a workgroup meeting the workgroup's members,
    its host and whoever else said yes or maybe (as the reminders, meetings.jobs._invitees)."""
    qs = Membership.objects.filter(active_member_q(), community_id=meeting.community_id)
    if meeting.workgroup_id:
        coming = Rsvp.objects.filter(meeting=meeting, answer__in=[Answer.YES, Answer.MAYBE]).values("membership_id")
        in_group = WorkgroupMember.objects.filter(workgroup_id=meeting.workgroup_id).values("membership_id")
        qs = qs.filter(Q(pk__in=in_group) | Q(pk__in=coming) | Q(pk=meeting.host_id or 0))
    return qs.select_related("user").order_by("user__name")


def rsvps_of(meeting):
    return list(Rsvp.objects.filter(meeting=meeting).select_related("membership__user").order_by(
        "membership__user__name"))


def rsvp_summary(rsvps) -> dict:
    """Counts by answer and, for those coming, by sector. No queries."""
    by_answer = Counter(r.answer for r in rsvps)
    sector_labels = dict(Sector.choices)
    by_sector = Counter(r.membership.sector for r in rsvps if r.answer == Answer.YES)
    return {
        "answers": [(value, label, by_answer.get(value, 0)) for value, label in Answer.choices],
        "sectors": sorted(((sector_labels.get(s, "") or "-", n) for s, n in by_sector.items()),
                          key=lambda t: (-t[1], str(t[0]))),
        "total": len(rsvps),
    }


def agenda_of(meeting):
    return list(AgendaItem.objects.filter(meeting=meeting).select_related("proposed_by__user"))


def attendance_ids(meeting) -> set[int]:
    return set(Attendance.objects.filter(meeting=meeting).values_list("membership_id", flat=True))


def attendees_of(meeting):
    return list(Membership.objects.filter(attendances__meeting=meeting).select_related("user").order_by("user__name"))


def schedule_warnings(*, community, kind: str, starts_at, exclude=None) -> list[str]:
    """What deserves a second look before a meeting is saved at `starts_at`, never a block: another
    plenary on the same day (in the community's time zone), and a meeting after the community ends
    (Community.ends_on). One query at most."""
    from datetime import datetime, time

    tz = zoneinfo.ZoneInfo(community.time_zone)
    day = starts_at.astimezone(tz).date()
    warnings = []
    if kind == MeetingKind.PLENARY:
        others = Meeting.objects.filter(
            community=community, kind=MeetingKind.PLENARY, cancelled_at__isnull=True,
            starts_at__gte=datetime.combine(day, time.min, tzinfo=tz),
            starts_at__lt=datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz))
        if exclude is not None and exclude.pk:
            others = others.exclude(pk=exclude.pk)
        other = others.order_by("starts_at", "pk").only("title", "starts_at").first()
        if other is not None:
            warnings.append(_("Op %(date)s is er al een plenaire bijeenkomst: '%(title)s' om %(time)s. Twee "
                              "plenaire bijeenkomsten op één dag is meestal een vergissing.") % {
                "date": date_format(day, "l j F Y"), "title": other.title,
                "time": other.starts_at.astimezone(tz).strftime("%H:%M")})
    if community.ends_on and day > community.ends_on:
        warnings.append(_("De gemeenschap loopt tot en met %(end)s; deze bijeenkomst valt daarna.") % {
            "end": date_format(community.ends_on, "j F Y")})
    return warnings


# Host rotation -----------------------------------------------------------------------------------

def host_candidates(*, community, today=None) -> list[Candidate]:
    today = today or timezone.localdate()
    labels = dict(Sector.choices)
    members = (Membership.objects.filter(community=community, willing_to_host=True)
               .exclude(status=MemberStatus.STEPPED_OUT).select_related("user"))
    return [
        Candidate(
            id=m.pk, name=m.user.name, sector=m.sector, sector_label=str(labels.get(m.sector, "")),
            willing=m.willing_to_host,
            active=is_active_member(m) and not is_paused(m, today),
        )
        for m in members
    ]


def planned_host_unavailable(meeting, *, today=None) -> str:
    """Why the meeting's planned host (asked, or who said yes) cannot host: paused, or stepped out; ""
    when nothing is wrong, the meeting is over or cancelled, or there is no planned host. For the
    organiser and the facilitators on the meeting page. No query (the host comes with the meeting)."""
    host = meeting.host
    today = today or timezone.localdate()
    if (host is None or meeting.host_state not in (HostState.PROPOSED, HostState.ACCEPTED)
            or meeting.cancelled_at or meeting.starts_at <= timezone.now()):
        return ""
    name = host.user.name
    if host.status == MemberStatus.STEPPED_OUT:
        return _("%(name)s is uit de gemeenschap gestapt en staat nog als gastheer of gastvrouw gepland. "
                 "Vraag iemand anders.") % {"name": name}
    day = meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.community.time_zone)).date()
    if is_paused(host, today) or is_paused(host, day):  # a pause that ended before today is over
        if host.paused_until:
            return _("%(name)s pauzeert tot en met %(date)s en staat nog als gastheer of gastvrouw gepland. "
                     "Vraag iemand anders, of overleg met %(name)s.") % {
                "name": name, "date": date_format(host.paused_until, "j F Y")}
        return _("%(name)s pauzeert en staat nog als gastheer of gastvrouw gepland. Vraag iemand anders, of "
                 "overleg met %(name)s.") % {"name": name}
    return ""


def host_history(*, community, exclude_meeting=None) -> list[Hosting]:
    """Plenaries that count as hosted: not cancelled, a host who did not decline."""
    qs = (
        Meeting.objects.filter(community=community, kind=MeetingKind.PLENARY, cancelled_at__isnull=True,
                               host__isnull=False)
        .exclude(host_state=HostState.DECLINED)
        .values_list("host_id", "starts_at", "host__sector", "pk")
    )
    return [Hosting(host_id=h, starts_at=s, sector=sec or "") for h, s, sec, pk in qs
            if exclude_meeting is None or pk != exclude_meeting.pk]


def host_proposal(*, community, starts_at, meeting=None, today=None) -> Proposal:
    """The next host by fair rotation for a plenary starting at `starts_at` (three queries)."""
    declined = (set(HostDecline.objects.filter(meeting=meeting).values_list("membership_id", flat=True))
                if meeting is not None and meeting.pk else set())
    return propose_host(
        candidates=host_candidates(community=community, today=today),
        history=host_history(community=community, exclude_meeting=meeting),
        declined_ids=declined,
        before=starts_at,
    )


def host_choices(*, meeting):
    """Active members who could be asked to host, minus those who declined this meeting."""
    declined = HostDecline.objects.filter(meeting=meeting).values("membership_id")
    return list(Membership.objects.filter(active_member_q(), community_id=meeting.community_id)
                .exclude(pk__in=declined).select_related("user").order_by("-willing_to_host", "user__name"))


def last_plenary(*, community):
    return (Meeting.objects.filter(community=community, kind=MeetingKind.PLENARY, cancelled_at__isnull=True)
            .order_by("-starts_at").first())


def next_plenary_start(*, community, settings, now=None):
    """Last plenary + the interval at the usual time, in the community's time zone; never in the past."""
    from datetime import datetime

    now = now or timezone.now()
    tz = zoneinfo.ZoneInfo(community.time_zone)
    last = last_plenary(community=community)
    today = now.astimezone(tz).date()
    if last is not None:
        day = last.starts_at.astimezone(tz).date() + timedelta(weeks=settings.plenary_interval_weeks)
    else:
        day = today + timedelta(weeks=2)
    while day <= today:
        day += timedelta(weeks=1)
    return datetime.combine(day, settings.usual_start_time, tzinfo=tz)


# Home panels and calendar feed -------------------------------------------------------------------

def pending_host_requests(*, membership, now=None):
    now = now or timezone.now()
    return list(Meeting.objects.filter(host=membership, host_state=HostState.PROPOSED, cancelled_at__isnull=True,
                                       starts_at__gt=now).order_by("starts_at")[:5])


FEED_PAST_DAYS = 180


def with_calendar_fields(qs, *, user):
    """What an event needs besides the meeting's own row, in the same query: the community, the
    workgroup, the host, the person's own answer (`my_answer`) and what ics.organizer_of picks the
    organiser from (the creator, the first active facilitator as `lead_name`/`lead_email`, and
    whether the workgroup's founder is still in it)."""
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), membership__user=user).values("answer")[:1]
    leads = (Membership.objects.filter(active_member_q(), community=OuterRef("community_id"), is_facilitator=True)
             .order_by("joined_at", "pk"))
    founder_in = WorkgroupMember.objects.filter(workgroup=OuterRef("workgroup_id"),
                                                membership__user=OuterRef("workgroup__created_by_id"))
    return qs.select_related("community", "workgroup__created_by", "host__user", "created_by__user").annotate(
        my_answer=Subquery(mine),
        lead_name=Subquery(leads.values("user__name")[:1]),
        lead_email=Subquery(leads.values("user__email")[:1]),
        founder_in_workgroup=Exists(founder_in),
    )


def _feed(*, user, now, past_days):
    """The meetings that concern the person, from `past_days` back, in the communities they have not
    stepped out of: every plenary and work visit; the meetings of the workgroups they are in; and of
    an open workgroup's meetings, those they answered, scheduled or host (or all of them, when they
    chose feed_all_workgroups). A closed workgroup's meetings only while they are in it, whatever
    they answered before. The subqueries do not depend on the meeting, so the database runs each
    once, not once per meeting."""
    mine = Membership.objects.filter(user=user).values("pk")
    my_groups = WorkgroupMember.objects.filter(membership__in=mine).values("workgroup_id")
    concerns_me = (Q(pk__in=Rsvp.objects.filter(membership__in=mine).values("meeting_id"))
                   | Q(created_by__in=mine) | Q(host__in=mine))
    return Meeting.objects.filter(
        Q(workgroup__isnull=True) | Q(workgroup__in=my_groups)
        | (Q(workgroup__closed=False) & (Q() if user.feed_all_workgroups else concerns_me)),
        community__in=Membership.objects.filter(user=user).exclude(status=MemberStatus.STEPPED_OUT)
        .values("community_id"),
        starts_at__gte=now - timedelta(days=past_days),
    )


def _my_answer(user):
    """The person's answer (one at most: one membership per community)."""
    return Subquery(Rsvp.objects.filter(meeting=OuterRef("pk"), membership__user=user).values("answer")[:1])


def feed_meetings_for_user(*, user, now=None, past_days=FEED_PAST_DAYS):
    """The person's calendar feed (see _feed), with what each event needs. One query."""
    now = now or timezone.now()
    return with_calendar_fields(_feed(user=user, now=now, past_days=past_days), user=user).order_by("starts_at", "pk")


def feed_versions_for_user(*, user, now=None, past_days=FEED_PAST_DAYS) -> list[tuple]:
    """(pk, sequence, updated_at, the person's answer) of every meeting in the feed: what the feed's
    ETag is a digest of. One query over the feed's own filter, with none of the joins and
    subqueries an event needs, and nothing rendered: whatever adds, drops, edits or cancels a meeting
    of the feed, or changes the answer, changes these rows."""
    now = now or timezone.now()
    return list(_feed(user=user, now=now, past_days=past_days).annotate(my_answer=_my_answer(user))
                .order_by("pk").values_list("pk", "sequence", "updated_at", "my_answer"))


def calendar_version_for_member(*, membership, pk) -> tuple:
    """(pk, sequence, updated_at, the member's answer) of one meeting they may see, else 404: the
    single .ics's ETag, in one query."""
    mine = Rsvp.objects.filter(meeting=OuterRef("pk"), membership=membership).values("answer")[:1]
    row = (Meeting.objects.filter(_visible_q(membership), pk=pk).annotate(my_answer=Subquery(mine))
           .values_list("pk", "sequence", "updated_at", "my_answer").first())
    if row is None:
        raise Http404
    return row


def calendar_meeting_for_member(*, membership, pk) -> Meeting:
    """One meeting they may see (else 404), with what its event needs. One query."""
    meeting = with_calendar_fields(Meeting.objects.filter(_visible_q(membership), pk=pk),
                                   user=membership.user).first()
    if meeting is None:
        raise Http404
    return meeting


# For the apps built on meetings (the nudges, the digest) -------------------------------------------

def plenaries_around(*, community_ids, now) -> dict:
    """community id -> (the last plenary before now, the next one), cancelled ones left out. Two
    queries, for any number of communities."""
    from participants.models import Community

    live = Meeting.objects.filter(community=OuterRef("pk"), kind=MeetingKind.PLENARY, cancelled_at__isnull=True)
    pairs = list(Community.objects.filter(pk__in=community_ids).annotate(
        last_id=Subquery(live.filter(starts_at__lt=now).order_by("-starts_at", "-pk").values("pk")[:1]),
        next_id=Subquery(live.filter(starts_at__gte=now).order_by("starts_at", "pk").values("pk")[:1]),
    ).values_list("pk", "last_id", "next_id"))
    meetings = Meeting.objects.in_bulk([i for _pk, a, b in pairs for i in (a, b) if i])
    return {pk: (meetings.get(a), meetings.get(b)) for pk, a, b in pairs}


def meetings_between(*, community_ids, start, end) -> list[Meeting]:
    """Meetings of these communities (not cancelled) starting in [start, end), with their workgroup. One
    query. Closed workgroups' meetings are included: the caller shows them to their members only."""
    return list(Meeting.objects.filter(community_id__in=community_ids, cancelled_at__isnull=True,
                                       starts_at__gte=start, starts_at__lt=end)
                .select_related("workgroup").order_by("starts_at", "pk"))


def with_next_meeting(qs, *, now):
    """Annotate each workgroup with next_meeting_at, next_meeting_id and next_meeting_title (None when
    there is none): subqueries in the same SELECT, so no extra queries. Registered on the workgroups'
    pages (lg_portal.registry.WORKGROUP_ANNOTATIONS)."""
    upcoming = Meeting.objects.filter(workgroup=OuterRef("pk"), cancelled_at__isnull=True,
                                      starts_at__gte=now).order_by("starts_at", "pk")
    return qs.annotate(
        next_meeting_at=Subquery(upcoming.values("starts_at")[:1]),
        next_meeting_id=Subquery(upcoming.values("pk")[:1]),
        next_meeting_title=Subquery(upcoming.values("title")[:1]),
    )
