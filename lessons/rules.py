"""Who may do what with the compass, evaluations, learning goals and reflections: every "may this
person do this" of the lessons app, used by its services, views and the access matrix."""

from participants.rules import can_coordinate


def can_run_assessment(membership) -> bool:
    """Opening and closing a self-assessment round: the coordinator and the facilitators."""
    return can_coordinate(membership)


def can_run_evaluation(membership) -> bool:
    """Opening and concluding an intermediate evaluation (and so changing the goals)."""
    return can_coordinate(membership)


def can_keep_community_goals(membership) -> bool:
    """The community's learning goals, and everyone's personal ones to read."""
    return can_coordinate(membership)


def can_reach_goal(membership, goal) -> bool:
    """A personal goal is its owner's to tick off; the community's, the coordinator's."""
    if goal.membership_id is None:
        return can_keep_community_goals(membership)
    return goal.membership_id == membership.pk


def can_oversee_reflections(membership) -> bool:
    """The coordinator's overview: overdue reflections and the balance of acting and looking back."""
    return can_coordinate(membership)
