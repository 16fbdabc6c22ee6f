"""Who may do what with workgroups, their activities and posts: every "may this person do this" of the
workgroups app, used by its services, views and the access matrix. `in_workgroup` says whether the
member belongs to the workgroup (the caller fetches that once)."""

from participants.rules import can_facilitate


def can_set_up_core_group(membership) -> bool:
    return can_facilitate(membership)


def can_update(membership, *, in_workgroup: bool) -> bool:
    """Name, theme and closed doors: the workgroup's members, and the facilitators."""
    return in_workgroup or can_facilitate(membership)


def can_archive(membership) -> bool:
    """Archiving or reopening a workgroup: the facilitators and the core group."""
    return can_facilitate(membership) or membership.is_core_group


def can_act_for(membership, *, in_workgroup: bool) -> bool:
    """Deciding on a request to join, asking someone to join, recording an activity, posting in the
    workgroup: its members."""
    return in_workgroup


def can_reply(membership, post, *, in_workgroup: bool) -> bool:
    """Anyone in the community replies, except in a closed workgroup: its members."""
    return post.workgroup_id is None or not post.workgroup.closed or in_workgroup


def can_mark_answered(membership, post) -> bool:
    """Whether a question was answered, the one who asked it says."""
    return post.author_id == membership.pk
