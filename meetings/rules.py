"""Who may do what with a meeting: every "may this person do this" of the meetings app, used by its
views, templates (as booleans the views pass) and the access matrix. Pure functions of the member, the
meeting and whether the member belongs to the meeting's workgroup (the caller fetches that once)."""

from participants.rules import can_coordinate, can_facilitate

from .models import HostState, MeetingKind


def is_host(meeting, membership) -> bool:
    """The current host: asked or accepted. Who declined is no longer the host (and no longer sees who
    comes or their dietary notes), although the meeting still names them until someone else is asked."""
    return (meeting.host_id is not None and meeting.host_id == membership.pk
            and meeting.host_state != HostState.DECLINED)


def can_schedule(kind: str, membership, *, in_any_workgroup: bool = False) -> bool:
    if kind == MeetingKind.PLENARY:
        return can_facilitate(membership)
    if kind == MeetingKind.WORKGROUP:
        return can_facilitate(membership) or in_any_workgroup
    return True  # a work visit: any member may open their place


def can_manage(meeting, membership, *, in_workgroup: bool = False) -> bool:
    """Edit, move, cancel, ask a host."""
    if can_facilitate(membership):
        return True
    if meeting.kind == MeetingKind.WORKGROUP:
        return in_workgroup or meeting.created_by_id == membership.pk
    if meeting.kind == MeetingKind.WORK_VISIT:
        return meeting.created_by_id == membership.pk or is_host(meeting, membership)
    return False


def sees_attendees(meeting, membership, *, in_workgroup: bool = False) -> bool:
    """Who comes, with dietary notes: only the host and the facilitators (and for a workgroup meeting
    or work visit, whoever organises it)."""
    if can_facilitate(membership) or is_host(meeting, membership):
        return True
    return meeting.kind != MeetingKind.PLENARY and meeting.created_by_id == membership.pk


def can_propose_agenda(meeting, membership, *, in_workgroup: bool = False) -> bool:
    if meeting.kind == MeetingKind.PLENARY:
        return membership.is_core_group or can_facilitate(membership)
    return can_manage(meeting, membership, in_workgroup=in_workgroup)


def can_order_agenda(meeting, membership, *, in_workgroup: bool = False) -> bool:
    return can_propose_agenda(meeting, membership, in_workgroup=in_workgroup)


def can_answer_host_request(meeting, membership) -> bool:
    """Only the person asked to host answers the request."""
    return is_host(meeting, membership)


def can_remove_agenda_item(meeting, membership, item, *, in_workgroup: bool = False) -> bool:
    """Whoever orders the agenda, and whoever proposed the item."""
    return can_order_agenda(meeting, membership, in_workgroup=in_workgroup) or item.proposed_by_id == membership.pk


def can_record(meeting, membership, *, in_workgroup: bool = False) -> bool:
    """Attendance and notes after the meeting: the host, whoever manages the meeting, the moderator
    (gespreksleider, who chairs) and the coordinator (who watches acting and reflecting), for every
    meeting they can see."""
    if membership is not None and (membership.is_moderator or can_coordinate(membership)):
        return True
    return is_host(meeting, membership) or can_manage(meeting, membership, in_workgroup=in_workgroup)


can_record_attendance = can_record


def can_see_workgroup_meetings(membership, workgroup, *, in_workgroup: bool) -> bool:
    """A closed workgroup's meetings are for its members (and the facilitators)."""
    return not workgroup.closed or in_workgroup or can_facilitate(membership)


def can_change_settings(membership) -> bool:
    """The community's meeting cadence, usual time and reminders."""
    return can_facilitate(membership)
