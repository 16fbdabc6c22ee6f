"""Keep personal data no longer than needed (AVG: storage limitation): once a week, forget the emails
sent more than a year ago, and let every app forget its own old logs (registry.PURGES)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import outbox, registry
from .models import OutboxMessage

RETENTION = timedelta(days=365)
# An account email (confirm your address, reset your password) carries a live link; once sent, its
# row is kept only as long as such a link could still work.
ACCOUNT_RETENTION = timedelta(days=7)


def outbox_purge(*, now=None) -> dict[str, int]:
    """Emails sent more than a year ago (account emails: a week), and those given up on (held, or out
    of attempts) as long ago. An email not sent yet, or sent within the year, stays."""
    now = now or timezone.now()
    cutoff = now - RETENTION
    with transaction.atomic():
        finished_unsent = Q(sent_at__isnull=True, created_at__lt=cutoff) & (
            Q(claim=outbox.HELD) | Q(attempts__gte=outbox.MAX_ATTEMPTS))
        account_sent = Q(kind="account", sent_at__lt=now - ACCOUNT_RETENTION)
        return {"outbox": OutboxMessage.objects.filter(
            Q(sent_at__lt=cutoff) | finished_unsent | account_sent).delete()[0]}


def purge(now=None) -> dict[str, int]:
    """Delete what is older than a year and no longer needed, in every app. Returns rows deleted per
    kind. Safe to run twice or concurrently (each part is one DELETE)."""
    now = now or timezone.now()
    counts = {}
    for part in registry.PURGES:
        counts.update(part(now=now))
    return counts
