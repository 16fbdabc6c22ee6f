"""One function per lessons email. Each queues personal emails in the outbox (one per person, in their
language); the key says what the email is about, so nothing is queued twice."""

from django.urls import reverse

from lg_portal import outbox
from lg_portal.common.links import absolute
from participants.emails import to_active_members


def evaluation_opened(*, evaluation) -> int:
    """Ask every active member to answer the questionnaire of an intermediate evaluation."""
    community = evaluation.community
    return to_active_members(
        community=community, key=f"lessons:evaluation-open:{evaluation.pk}", kind="lesson_evaluation_open",
        template="lesson_evaluation_open",
        context={"evaluation": evaluation,
                 "url": absolute(reverse("lessons_evaluation", args=[community.slug, evaluation.pk]))})


def reflection_reminder(*, row: dict, membership, community) -> bool:
    """Ask one person who took part to look back on a meeting or activity."""
    name = "lessons_reflect_activity" if row["kind"] == "activity" else "lessons_reflect_meeting"
    return outbox.enqueue(
        key=f"lessons:reflect:{row['kind']}:{row['pk']}:user:{membership.user_id}",
        kind="lesson_reflection_reminder", user=membership.user, template="lesson_reflection_reminder",
        context={"row": row, "community": community,
                 "url": absolute(reverse(name, args=[community.slug, row["pk"]]))},
    )
