"""The marketplace's periodic scan: on the day the parties of a match agreed (or N weeks after the
marketplace when they agreed none), ask both of them whether it happened. A FollowUp row per (match,
party) makes a second run ask nobody twice."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import emails
from .models import FollowUp, Match, Side


def follow_ups_create_due(*, now=None) -> int:
    """Create the follow-up rows for matches whose follow-up day has come: the day the parties agreed
    (`due_on`), or `follow_up_weeks` after the marketplace when they agreed none (Match.follow_up_on).
    A fixed number of queries (the dates are compared in Python over one query of the matches not yet
    asked); running twice creates nothing new."""
    today = timezone.localdate(now or timezone.now())
    candidates = (
        Match.objects.filter(marketplace__held_on__lt=today)
        .exclude(Exists(FollowUp.objects.filter(match=OuterRef("pk"))))
        .select_related("marketplace").only("pk", "due_on", "marketplace__held_on", "marketplace__follow_up_weeks")
    )
    due = [m.pk for m in candidates if m.follow_up_on <= today]
    rows = [FollowUp(match_id=pk, party=party) for pk in due for party in (Side.NEED, Side.OFFER)]
    if rows:
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
