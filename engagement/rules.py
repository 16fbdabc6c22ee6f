"""Who may do what with catching up (see participants.rules for the roles)."""

from participants.rules import can_facilitate


def can_see_catch_up(membership) -> bool:
    """The catch-up list names who drifts away, with their phone number: for the facilitators."""
    return can_facilitate(membership)


def can_see_person(membership) -> bool:
    """A person's page (their drift signals and the contacts logged with them): the facilitators'."""
    return can_facilitate(membership)


def can_change_drift_settings(membership) -> bool:
    return can_facilitate(membership)


def can_log_contact(by, member) -> bool:
    return can_facilitate(by) and by.community_id == member.community_id


def can_answer_nudge(user, nudge) -> bool:
    """A nudge's link is the person's own: someone else logged in may not use it."""
    return not user.is_authenticated or user.pk == nudge.membership.user_id
