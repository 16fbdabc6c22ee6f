"""The outbox: queue personal emails in the caller's transaction, send them from the worker.

A web request never talks to the broker: it writes rows. Beat runs `outbox_flush` every minute.
With Celery eager (the demo, `make run`) the queue is flushed right after the request commits.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
CLAIM_LEASE = timedelta(minutes=15)


def render_email(*, template: str, context: dict, language: str | None) -> tuple[str, str, str]:
    with translation.override(language or settings.LANGUAGE_CODE):
        ctx = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"emails/{template}.subject.txt", ctx).split())
        text = render_to_string(f"emails/{template}.txt", ctx)
        html = render_to_string(f"emails/{template}.html", ctx)
    return subject, text, html


def enqueue(*, key: str, kind: str, user, template: str, context: dict, send_after=None,
            headers: dict | None = None) -> bool:
    """Queue one email to one person, rendered now in their language. Returns False when a message
    with this key was queued before (nothing is queued twice)."""
    subject, text, html = render_email(template=template, context={"recipient": user, **context},
                                       language=getattr(user, "language", None))
    _, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind, "user": user, "to": user.email, "subject": subject[:255], "text": text, "html": html,
            "headers": headers or {}, "send_after": send_after or timezone.now(),
        },
    )
    if created and settings.CELERY_TASK_ALWAYS_EAGER:
        transaction.on_commit(flush)
    return created


def _claim_next(now):
    """Claim one due row with a conditional UPDATE; two workers never claim the same row."""
    stale = now - CLAIM_LEASE
    candidates = (
        OutboxMessage.objects.filter(sent_at__isnull=True, send_after__lte=now, attempts__lt=MAX_ATTEMPTS)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .order_by("send_after", "pk")
        .values_list("pk", "claimed_at")[:20]
    )
    token = uuid.uuid4().hex
    for pk, claimed_at in candidates:
        won = OutboxMessage.objects.filter(pk=pk, sent_at__isnull=True, claimed_at=claimed_at).update(
            claimed_at=now, claim=token, attempts=F("attempts") + 1
        )
        if won:
            return OutboxMessage.objects.get(pk=pk)
    return None


def send_one(message: OutboxMessage) -> None:
    email = EmailMultiAlternatives(
        subject=message.subject, body=message.text, to=[message.to],
        headers={"Message-ID": f"<outbox-{message.pk}-{message.key.replace(':', '.')}@lg-portal>", **message.headers},
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    email.send()


def flush(*, now=None, limit: int = 500) -> tuple[int, int]:
    """Send what is due. Returns (sent, failed). Safe to run in several workers at once."""
    sent = failed = 0
    for _ in range(limit):
        now_ = now or timezone.now()
        message = _claim_next(now_)
        if message is None:
            break
        try:
            send_one(message)
        except Exception as exc:  # noqa: BLE001 - any sending failure is retried later
            failed += 1
            logger.warning("outbox %s failed: %s", message.key, exc)
            OutboxMessage.objects.filter(pk=message.pk, claim=message.claim).update(
                claimed_at=None, claim="", last_error=str(exc)[:2000],
                send_after=now_ + timedelta(minutes=2 ** min(message.attempts, 6)),
            )
            continue
        OutboxMessage.objects.filter(pk=message.pk, claim=message.claim).update(sent_at=timezone.now())
        sent += 1
    return sent, failed
