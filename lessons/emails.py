"""One function per lessons email. Each queues personal emails in the outbox (one per person, in their
language); the key says what the email is about, so nothing is queued twice."""

from django.urls import reverse

from lg_portal import outbox
from lg_portal.common.links import absolute
from participants.selectors import active_members


def evaluation_opened(*, evaluation) -> int:
    """Ask every active member to answer the questionnaire of an intermediate evaluation."""
    community = evaluation.community
    url = absolute(reverse("lessons_evaluation", args=[community.slug, evaluation.pk]))
    queued = 0
    for member in active_members(community=community):
        queued += outbox.enqueue(
            key=f"lessons:evaluation-open:{evaluation.pk}:user:{member.user_id}",
            kind="lesson_evaluation_open", user=member.user, template="lesson_evaluation_open",
            context={"evaluation": evaluation, "community": community, "url": url},
        )
    return queued


def reflection_reminder(*, row: dict, membership, community) -> bool:
    """Ask one person who took part to look back on a meeting or activity."""
    name = "lessons_reflect_activity" if row["kind"] == "activity" else "lessons_reflect_meeting"
    return outbox.enqueue(
        key=f"lessons:reflect:{row['kind']}:{row['pk']}:user:{membership.user_id}",
        kind="lesson_reflection_reminder", user=membership.user, template="lesson_reflection_reminder",
        context={"row": row, "community": community,
                 "url": absolute(reverse(name, args=[community.slug, row["pk"]]))},
    )
