"""One function per participants email: the personal invitation, the suggestion ("zwaan kleef aan")
to the facilitators, and telling them someone paused or stepped out. Each is an outbox row written in
the caller's transaction (lg_portal.outbox)."""

from django.urls import reverse

from lg_portal import outbox
from lg_portal.common.links import absolute

from .models import EmailKind, MemberStatus, User


def invitation_send(invitation) -> bool:
    """To the invited address, in the invitee's language when they have an account already, else the
    inviter's."""
    existing = User.objects.filter(email__iexact=invitation.email, is_active=True).only("language").first()
    inviter = invitation.invited_by
    return outbox.enqueue(
        key=f"invitation:{invitation.pk}", kind="invitation", to=invitation.email,
        language=existing.language if existing else (inviter.language if inviter else None),
        template="invitation",
        personal=True,  # the facilitator's own words to one person: no Auto-Submitted
        context={
            "invitation": invitation,
            "community": invitation.community,
            "inviter": inviter,
            "url": absolute(reverse("invitation_detail", args=[invitation.token])),
        },
    )


def suggestion_notify(suggestion) -> int:
    """One email to each facilitator of the community."""
    from .selectors import facilitators_of

    url = absolute(reverse("invitations", args=[suggestion.community.slug]))
    queued = 0
    for facilitator in facilitators_of(community=suggestion.community):
        queued += outbox.enqueue(
            key=f"suggestion:{suggestion.pk}:user:{facilitator.user_id}", kind="suggestion", user=facilitator.user,
            template="suggestion",
            context={"suggestion": suggestion, "community": suggestion.community, "url": url})
    return queued


def to_active_members(*, community, key: str, kind: str, template: str, context: dict) -> int:
    """One email to each active member of the community (never a cc list), keyed `key:user:<id>` so
    each is queued once. Returns how many were queued."""
    from .selectors import active_members

    return sum(outbox.enqueue(key=f"{key}:user:{member.user_id}", kind=kind, user=member.user, template=template,
                              context={"community": community, **context})
               for member in active_members(community=community))


def status_changed_notify(membership, *, now) -> int:
    """To each facilitator of the community (not the person themselves), once: this member stepped out,
    paused, or is back (after a pause or a step out they took back). An alert, so a facilitator who switched alerts off gets none. Called only when the status
    really changes (under the membership's row lock), so a second click tells nobody twice; keyed per
    person, status, moment and facilitator, so pausing again after coming back is told too."""
    from .preferences import enqueue_with_unsubscribe, users_allowing
    from .selectors import facilitators_of

    facilitators = [f for f in facilitators_of(community=membership.community).filter(user__is_active=True)
                    if f.pk != membership.pk]
    allowed = users_allowing(EmailKind.ALERTS, [f.user_id for f in facilitators])
    community = membership.community
    url = absolute(reverse("member_list", args=[community.slug]))
    moment = now.isoformat()
    queued = 0
    for facilitator in facilitators:
        if facilitator.user_id not in allowed:
            continue
        queued += enqueue_with_unsubscribe(
            key=f"member-status:{membership.pk}:{membership.status}:{moment}:user:{facilitator.user_id}",
            kind="member_status", pref_kind=EmailKind.ALERTS, user=facilitator.user,
            template="member_status_changed",
            context={"person": membership.user, "community": community, "tz": community.time_zone,
                     "stepped_out": membership.status == MemberStatus.STEPPED_OUT,
                     "back": membership.status == MemberStatus.ACTIVE,
                     "paused_until": membership.paused_until, "url": url})
    return queued
