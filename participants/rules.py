"""Who may do what in a community: every "may this person do this" of the participants app, used by
its views, by the templates (`{% if may.facilitate %}`, see `context`) and by the access matrix. The
other apps' rules build on `can_facilitate` and `can_coordinate`."""


def can_facilitate(membership) -> bool:
    """A facilitator (procesbegeleider) keeps the process going: invites, schedules, catches up."""
    return membership is not None and membership.is_facilitator


def can_coordinate(membership) -> bool:
    """Watching that acting and reflecting alternate: the coordinator, and the facilitators."""
    return membership is not None and (membership.is_facilitator or membership.is_coordinator)


def can_edit_community(membership) -> bool:
    return can_facilitate(membership)


def can_invite(membership) -> bool:
    """Personal invitations, and deciding on members' suggestions."""
    return can_facilitate(membership)


def can_set_roles(by, member) -> bool:
    return can_facilitate(by) and by.community_id == member.community_id


def can_remove_member(by, member) -> bool:
    """A facilitator takes someone else out of the community; nobody removes themselves this way."""
    return can_set_roles(by, member) and by.pk != member.pk


def can_suggest(membership) -> bool:
    """'Zwaan kleef aan': every member may name someone who should join."""
    return membership is not None


class Rules:
    """The member's rules for a template: `may.facilitate`, `may.coordinate`."""

    def __init__(self, membership):
        self.membership = membership

    @property
    def facilitate(self) -> bool:
        return can_facilitate(self.membership)

    @property
    def coordinate(self) -> bool:
        return can_coordinate(self.membership)

    @property
    def invite(self) -> bool:
        return can_invite(self.membership)


def context(request) -> dict:
    """Context processor: `may` for the member whose community page this is (none elsewhere)."""
    membership = getattr(request, "membership", None)
    return {"may": Rules(membership)} if membership is not None else {}
