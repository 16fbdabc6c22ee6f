"""One function per engagement email. Each queues one personal email in the outbox, in the person's
language, with the unsubscribe link for its kind (participants.preferences); the key says what the
email is about, so a scan that runs twice queues nothing twice."""

from django.urls import reverse
from django.utils import timezone

from lg_portal.common.links import absolute
from participants.models import EmailKind
from participants.preferences import enqueue_with_unsubscribe

from .models import NudgeAnswer
from .selectors import nudge_token


def nudge_url(nudge, answer: str) -> str:
    return absolute(reverse("nudge_answer", args=[answer, nudge_token(nudge, answer)]))


def nudge(*, nudge, membership, signals, signer, last_meeting, next_meeting) -> bool:
    """The personal nudge, signed by a facilitator (replies go to them), with one-click answers."""
    community = membership.community
    return enqueue_with_unsubscribe(
        key=f"nudge:{membership.pk}:{nudge.period}", kind="nudge", pref_kind=EmailKind.NUDGES,
        user=membership.user, template="nudge", reply_to=signer.user.email if signer else None,
        context={
            "community": community, "tz": community.time_zone, "signals": signals, "signer": signer,
            "last_meeting": last_meeting, "next_meeting": next_meeting,
            "community_url": absolute(reverse("community_home", args=[community.slug])),
            "still_in_url": nudge_url(nudge, NudgeAnswer.STILL_IN),
            "pause_url": nudge_url(nudge, NudgeAnswer.PAUSE),
            "step_out_url": nudge_url(nudge, NudgeAnswer.STEP_OUT),
        })


def nudging_stopped(*, facilitator, membership, last, count, signals) -> bool:
    """To one facilitator: this person left N nudges unanswered; call or visit them."""
    community = membership.community
    return enqueue_with_unsubscribe(
        key=f"nudge-stopped:{membership.pk}:{last.period}:{facilitator.user_id}", kind="nudge_stopped",
        pref_kind=EmailKind.ALERTS, user=facilitator.user, template="nudge_stopped",
        context={"person": membership.user, "community": community, "count": count, "signals": signals,
                 "url": absolute(reverse("catch_up", args=[community.slug])), "tz": community.time_zone})


def unanswered(*, post, member) -> bool:
    """To one member of the post's group: this question, proposal or idea waits for an answer."""
    return enqueue_with_unsubscribe(
        key=f"unanswered:{post.pk}:{member.user_id}", kind="unanswered", pref_kind=EmailKind.ALERTS,
        user=member.user, template="unanswered",
        context={"post": post, "community": post.community, "workgroup": post.workgroup,
                 "url": absolute(reverse("post_detail", args=[post.community.slug, post.pk])),
                 "tz": post.community.time_zone})


def digest_key(user_id: int, now) -> str:
    year, week, _day = timezone.localdate(now).isocalendar()
    return f"digest:{user_id}:{year}-W{week:02d}"


def digest(*, user, sections, since, now) -> bool:
    return enqueue_with_unsubscribe(
        key=digest_key(user.pk, now), kind="digest", pref_kind=EmailKind.DIGEST, user=user, template="digest",
        community=sections[0]["community"] if len(sections) == 1 else None,
        context={"sections": sections, "tz": sections[0]["community"].time_zone, "since": since, "now": now})
