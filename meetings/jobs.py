"""The periodic scans behind the beat tasks: agendas and reminders.

Each scan finds everyone who is due with a fixed number of queries (not one per person or meeting),
skips who already has a message with the same outbox key, and queues the rest. The unique outbox key
makes a second run, or two runs at once, queue nothing more."""

from collections import defaultdict
from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone

from lg_portal.models import OutboxMessage
from participants.models import Membership
from participants.preferences import users_allowing
from participants.selectors import active_members
from workgroups.models import WorkgroupMember

from . import emails
from .models import AgendaItem, Answer, Meeting, MeetingKind, MeetingSettings, Rsvp
from .selectors import agenda_moments_of, with_agenda_days

DEFAULT_REMINDER_HOURS = MeetingSettings._meta.get_field("reminder_hours").default
MAX_AGENDA_DAYS = 60


def _invitees(meetings, answers=None) -> dict[int, list[Membership]]:
    """meeting id -> the memberships (with user) the meeting concerns: every active member for a plenary
    or work visit; for a workgroup meeting its members, and whoever else said yes or maybe (a
    facilitator who comes along) and its host. Two queries for any number of meetings."""
    answers = answers or {}
    community_ids = {m.community_id for m in meetings}
    workgroup_ids = {m.workgroup_id for m in meetings if m.workgroup_id}
    by_community = defaultdict(list)
    members = {}
    for member in active_members(community_ids=community_ids).order_by("pk"):
        by_community[member.community_id].append(member)
        members[member.pk] = member
    in_group = defaultdict(set)
    if workgroup_ids:
        for wg_id, member_id in WorkgroupMember.objects.filter(workgroup_id__in=workgroup_ids).values_list(
                "workgroup_id", "membership_id"):
            in_group[wg_id].add(member_id)
    result = {}
    for m in meetings:
        everyone = by_community[m.community_id]
        if m.workgroup_id:
            result[m.pk] = [p for p in everyone if p.pk in in_group[m.workgroup_id] or p.pk == m.host_id
                            or answers.get((m.pk, p.pk)) in (Answer.YES, Answer.MAYBE)]
        else:
            result[m.pk] = everyone
    return result


def _answers(meetings) -> dict[tuple[int, int], str]:
    return {(mid, member_id): answer for mid, member_id, answer in
            Rsvp.objects.filter(meeting__in=meetings).values_list("meeting_id", "membership_id", "answer")}


def _existing_keys(meetings, prefix: str) -> set[str]:
    if not meetings:
        return set()
    q = reduce(or_, (Q(key__startswith=f"{prefix}:meeting:{m.pk}:") for m in meetings))
    return set(OutboxMessage.objects.filter(q).values_list("key", flat=True))


def agenda_send_due(*, now=None) -> int:
    """Meetings whose agenda moment (N days before) has come: every invitee who has not said no gets
    the agenda, personally. Plenaries always; other meetings when they have agenda items."""
    now = now or timezone.now()
    candidates = list(
        with_agenda_days(Meeting.objects.filter(cancelled_at__isnull=True, starts_at__gt=now,
                                                starts_at__lte=now + timedelta(days=MAX_AGENDA_DAYS)))
        .select_related("community", "workgroup", "host__user")
        .annotate(item_count=Count("agenda_items"))
    )
    due = [m for m in candidates if agenda_moments_of(m).send_at <= now
           and (m.kind == MeetingKind.PLENARY or m.item_count)]
    if not due:
        return 0
    items = defaultdict(list)
    for item in AgendaItem.objects.filter(meeting__in=due).select_related("proposed_by__user"):
        items[item.meeting_id].append(item)
    answers = _answers(due)
    invitees = _invitees(due, answers)
    sent = _existing_keys(due, "agenda")
    allowed = users_allowing("agenda", {m.user_id for people in invitees.values() for m in people})
    queued = 0
    for meeting in due:
        for member in invitees[meeting.pk]:
            answer = answers.get((meeting.pk, member.pk))
            if answer == Answer.NO or member.user_id not in allowed:
                continue
            if emails.agenda_key(meeting.pk, member.user_id) in sent:
                continue
            queued += emails.agenda(meeting=meeting, user=member.user, items=items[meeting.pk], answer=answer)
    return queued


def reminders_send_due(*, now=None) -> int:
    """Meetings starting within their community's reminder window (0 = off): a reminder to who said
    yes or maybe, a gentle ask to who has not answered; nothing to who said no, or who switched
    reminders off. Whatever their role: a facilitator who said yes to a workgroup meeting they are not
    in is reminded too (see _invitees)."""
    now = now or timezone.now()
    hours = dict(MeetingSettings.objects.values_list("community_id", "reminder_hours"))
    widest = max([DEFAULT_REMINDER_HOURS, *hours.values()])
    candidates = list(
        Meeting.objects.filter(cancelled_at__isnull=True, starts_at__gt=now,
                               starts_at__lte=now + timedelta(hours=widest))
        .select_related("community", "workgroup", "host__user")
    )
    due = []
    for m in candidates:
        h = hours.get(m.community_id, DEFAULT_REMINDER_HOURS)
        if h and m.starts_at <= now + timedelta(hours=h):
            due.append(m)
    if not due:
        return 0
    answers = _answers(due)
    invitees = _invitees(due, answers)
    sent = _existing_keys(due, "reminder")
    allowed = users_allowing("reminders", {m.user_id for people in invitees.values() for m in people})
    queued = 0
    for meeting in due:
        for member in invitees[meeting.pk]:
            answer = answers.get((meeting.pk, member.pk))
            if answer == Answer.NO or member.user_id not in allowed:
                continue
            if emails.reminder_key(meeting.pk, member.user_id) in sent:
                continue
            queued += emails.reminder(meeting=meeting, user=member.user, answer=answer)
    return queued
