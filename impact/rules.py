"""Who may do what with return, costs, dare-to-ask and the harvest (see participants.rules for the
roles)."""

from participants.rules import can_facilitate


def may_change(by, *, owner_id) -> bool:
    """A row of the ledger, the costs or the requests is changed by whoever wrote it, or a facilitator."""
    return by is not None and (owner_id == by.pk or can_facilitate(by))


def can_change_return(by, entry) -> bool:
    return by.community_id == entry.community_id and may_change(by, owner_id=entry.recorded_by_id)


def can_change_contribution(by, contribution) -> bool:
    return by.community_id == contribution.community_id and may_change(by, owner_id=contribution.recorded_by_id)


def can_close_ask(by, ask) -> bool:
    return by.community_id == ask.community_id and may_change(by, owner_id=ask.asked_by_id)


def can_export(membership) -> bool:
    """The CSV exports hold every member's name and sector: for the facilitators."""
    return can_facilitate(membership)


def can_end_period(membership) -> bool:
    """Ending a period (continue, hand over, stop) is the facilitators' decision."""
    return can_facilitate(membership)
