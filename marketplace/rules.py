"""Who may do what with the marketplace (beursvloer): every "may this person do this" of the marketplace
app. A marketplace is organised by a workgroup; `in_workgroup` says whether the member belongs to it."""

from participants.rules import can_facilitate


def can_organise(membership, *, in_workgroup: bool) -> bool:
    """Edit a marketplace, match its entries, record matches: the organising workgroup and the
    facilitators."""
    return in_workgroup or can_facilitate(membership)


def can_organise_for_any_workgroup(membership) -> bool:
    """A facilitator may set up a marketplace for any open workgroup; others for their own."""
    return can_facilitate(membership)


def can_create(membership, *, in_any_workgroup: bool) -> bool:
    return can_facilitate(membership) or in_any_workgroup
