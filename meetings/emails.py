"""One function per meeting email. Each queues personal emails in the outbox (one per person, in their
language, never a cc list); the key says what the email is about, so nothing is queued twice."""

from django.urls import reverse

from lg_portal import outbox
from lg_portal.common.links import absolute
from participants.models import Membership
from participants.preferences import enqueue_with_unsubscribe

from .models import Answer, Rsvp


def meeting_url(meeting) -> str:
    return absolute(reverse("meeting_detail", args=[meeting.community.slug, meeting.pk]))


def _context(meeting, **extra) -> dict:
    return {"meeting": meeting, "community": meeting.community, "tz": meeting.community.time_zone,
            "url": meeting_url(meeting), **extra}


def host_request(*, meeting, host, by) -> None:
    outbox.enqueue(
        key=f"host-request:meeting:{meeting.pk}:user:{host.user_id}:seq:{meeting.sequence}",
        kind="meeting_host_request", user=host.user, template="meeting_host_request",
        context=_context(meeting, asked_by=by.user),
    )


def host_declined(*, meeting, decliner, proposal) -> None:
    """Tell the facilitators (or, for a workgroup meeting or work visit, its organiser) that the host
    declined, and who the rotation proposes next."""
    if meeting.kind == "plenary" or meeting.created_by_id is None:
        recipients = list(Membership.objects.filter(community_id=meeting.community_id, is_facilitator=True)
                          .exclude(status="stepped_out").select_related("user"))
    else:
        recipients = [meeting.created_by]
    next_host = None
    if proposal is not None and proposal.candidate is not None:
        next_host = proposal.candidate
    for member in recipients:
        outbox.enqueue(
            key=f"host-declined:meeting:{meeting.pk}:member:{decliner.pk}:user:{member.user_id}",
            kind="meeting_host_declined", user=member.user, template="meeting_host_declined",
            context=_context(meeting, decliner=decliner.user, next_host=next_host,
                             explanation=proposal.explanation if proposal else ""),
        )


def _coming(meeting):
    """Everyone who said yes or maybe, plus the host."""
    people = {r.membership.user_id: r.membership.user for r in
              Rsvp.objects.filter(meeting=meeting, answer__in=[Answer.YES, Answer.MAYBE]).select_related(
                  "membership__user")}
    if meeting.host_id and meeting.host_state == "accepted":
        people.setdefault(meeting.host.user_id, meeting.host.user)
    return list(people.values())


def meeting_changed(*, meeting, old_start, by) -> None:
    for user in _coming(meeting):
        outbox.enqueue(
            key=f"meeting-moved:meeting:{meeting.pk}:user:{user.pk}:seq:{meeting.sequence}",
            kind="meeting_changed", user=user, template="meeting_changed",
            context=_context(meeting, old_start=old_start, changed_by=by.user),
        )


def meeting_cancelled(*, meeting, by) -> None:
    for user in _coming(meeting):
        outbox.enqueue(
            key=f"meeting-cancelled:meeting:{meeting.pk}:user:{user.pk}:seq:{meeting.sequence}",
            kind="meeting_cancelled", user=user, template="meeting_cancelled",
            context=_context(meeting, cancelled_by=by.user),
        )


def agenda_key(meeting_id, user_id) -> str:
    return f"agenda:meeting:{meeting_id}:user:{user_id}"


def reminder_key(meeting_id, user_id) -> str:
    return f"reminder:meeting:{meeting_id}:user:{user_id}"


def agenda(*, meeting, user, items, answer) -> bool:
    return enqueue_with_unsubscribe(
        key=agenda_key(meeting.pk, user.pk), kind="meeting_agenda", pref_kind="agenda", user=user,
        template="meeting_agenda", context=_context(meeting, items=items, answer=answer),
    )


def reminder(*, meeting, user, answer) -> bool:
    """A reminder for who said yes or maybe; a gentle ask for who has not answered."""
    template = "meeting_reminder" if answer in (Answer.YES, Answer.MAYBE) else "meeting_rsvp_ask"
    return enqueue_with_unsubscribe(
        key=reminder_key(meeting.pk, user.pk), kind=template, pref_kind="reminders", user=user,
        template=template, context=_context(meeting, answer=answer),
    )
