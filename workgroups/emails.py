"""One function per email; each queues one message to one person in the outbox (never a cc list).
Called inside the service's transaction, so a rolled-back write sends nothing."""

from django.urls import reverse

from lg_portal.common.links import absolute
from lg_portal.outbox import enqueue


def _workgroup_url(workgroup) -> str:
    return absolute(reverse("workgroup_detail", args=[workgroup.community.slug, workgroup.pk]))


def join_request_notify(join_request, member) -> bool:
    """To one member of a closed workgroup: someone asks to join."""
    workgroup = join_request.workgroup
    return enqueue(
        key=f"workgroup-join-request:{join_request.pk}:{member.pk}",
        kind="workgroup_join_request",
        user=member.user,
        template="workgroup_join_request",
        context={"workgroup": workgroup, "community": workgroup.community, "asker": join_request.membership.user,
                 "join_request": join_request, "url": _workgroup_url(workgroup)},
    )


def join_request_decided(join_request) -> bool:
    """To the person who asked: accepted or not."""
    workgroup = join_request.workgroup
    return enqueue(
        key=f"workgroup-join-decided:{join_request.pk}",
        kind="workgroup_join_decided",
        user=join_request.membership.user,
        template="workgroup_join_decided",
        context={"workgroup": workgroup, "community": workgroup.community, "join_request": join_request,
                 "accepted": join_request.state == "accepted", "by": join_request.decided_by.user,
                 "url": _workgroup_url(workgroup)},
    )


def workgroup_invite(*, workgroup, by, invitee) -> bool:
    """A member personally asks someone to join; once per inviter, invitee and workgroup."""
    return enqueue(
        key=f"workgroup-invite:{workgroup.pk}:{by.pk}:{invitee.pk}",
        kind="workgroup_invite",
        user=invitee.user,
        template="workgroup_invite",
        context={"workgroup": workgroup, "community": workgroup.community, "by": by.user,
                 "url": _workgroup_url(workgroup)},
    )


def reply_notify(reply) -> bool:
    """To the poster: someone replied ('Snelheid': answers should not wait for a visit to the portal)."""
    post = reply.post
    return enqueue(
        key=f"workgroup-reply:{reply.pk}",
        kind="workgroup_reply",
        user=post.author.user,
        template="workgroup_reply",
        context={"post": post, "reply": reply, "community": post.community, "by": reply.author.user,
                 "url": absolute(reverse("post_detail", args=[post.community.slug, post.pk]))},
    )
