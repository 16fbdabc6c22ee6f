"""Keep personal data no longer than needed (AVG: storage limitation): once a week, forget the emails
sent more than a year ago and the nudge and alert logs older than a year that nobody needs any more.

What stays, because someone still needs it:
- an email not sent yet, or sent within the year;
- each person's latest nudge (the next nudge is numbered after it, and the facilitators' "told" mark
  lives on it) and the nudge with their latest answer (the drift scan counts signals from that answer
  on); older nudges are dropped only when a later answer makes them irrelevant to the scan;
- the alert for a question nobody has answered yet (the catch-up list shows that the group was told).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import outbox
from .models import OutboxMessage

RETENTION = timedelta(days=365)


def purge(now=None) -> dict[str, int]:
    """Delete what is older than RETENTION and no longer needed. Returns rows deleted per kind. Safe to
    run twice or concurrently (each part is one DELETE)."""
    from participants.models import Nudge, UnansweredAlert
    from workgroups.selectors import posts_waiting_for_answer

    now = now or timezone.now()
    cutoff = now - RETENTION
    counts = {}
    with transaction.atomic():
        finished_unsent = Q(sent_at__isnull=True, created_at__lt=cutoff) & (
            Q(claim=outbox.HELD) | Q(attempts__gte=outbox.MAX_ATTEMPTS))
        counts["outbox"] = OutboxMessage.objects.filter(Q(sent_at__lt=cutoff) | finished_unsent).delete()[0]

    per_person = Nudge.objects.filter(membership=OuterRef("membership")).order_by().values("membership")
    with transaction.atomic():
        counts["nudges"] = (
            Nudge.objects.filter(sent_at__lt=cutoff)
            .annotate(last_period=Subquery(per_person.annotate(p=Max("period")).values("p")),
                      last_answer=Subquery(per_person.annotate(a=Max("answered_at")).values("a")))
            .filter(period__lt=F("last_period"), last_answer__isnull=False)
            .filter(last_answer__gt=Coalesce("answered_at", "sent_at"))
            .delete()[0]
        )

    with transaction.atomic():
        counts["unanswered_alerts"] = (
            UnansweredAlert.objects.filter(alerted_at__lt=cutoff)
            .exclude(post__in=posts_waiting_for_answer(now=now).values("pk"))
            .delete()[0]
        )
    return counts
