"""The marketplace's periodic scan: N weeks after a marketplace, ask both parties of each match whether
it happened. A FollowUp row per (match, party) makes a second run ask nobody twice."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import emails
from .models import FollowUp, Marketplace, Match, Side


def follow_ups_create_due(*, now=None) -> int:
    """Create the follow-up rows for matches whose marketplace was `follow_up_weeks` ago or longer.
    Set-based (a fixed number of queries); running twice creates nothing new."""
    today = timezone.localdate(now or timezone.now())
    due = [m.pk for m in Marketplace.objects.filter(held_on__lt=today).only("pk", "held_on", "follow_up_weeks")
           if m.held_on + timedelta(weeks=m.follow_up_weeks) <= today]
    if not due:
        return 0
    missing = (
        Match.objects.filter(marketplace__in=due)
        .exclude(Exists(FollowUp.objects.filter(match=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    rows = [FollowUp(match_id=pk, party=party) for pk in missing for party in (Side.NEED, Side.OFFER)]
    FollowUp.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def follow_ups_send_due(*, now=None, limit: int = 500) -> int:
    """Queue the follow-up questions that are due, each once: a row is claimed by a conditional UPDATE
    of sent_at in the same transaction as its outbox row, so two runs at once queue it once (the outbox
    then sends it, and retries when the mail server is down). Returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    due = list(FollowUp.objects.filter(sent_at__isnull=True).order_by("pk").values_list("pk", flat=True)[:limit])
    for pk in due:
        with transaction.atomic():
            if not FollowUp.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=now):
                continue  # another run took it a moment ago
            follow_up = (FollowUp.objects.select_related("match", "match__need", "match__offer",
                                                         "match__marketplace").get(pk=pk))
            queued += emails.follow_up_send(follow_up)
    return queued


def follow_ups_run(*, now=None) -> dict:
    created = follow_ups_create_due(now=now)
    return {"created": created, "queued": follow_ups_send_due(now=now)}
