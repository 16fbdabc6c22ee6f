"""The outbox: queue personal emails in the caller's transaction, send them from the worker.

A web request never talks to the broker: it writes rows. Beat runs `outbox_flush` every minute (every
30 seconds in `make run`). With Celery eager (the tests) the queue is flushed right after the request
commits.
"""

import email.policy
import logging
import uuid
from datetime import timedelta
from email.header import Header
from email.headerregistry import HeaderRegistry, UnstructuredHeader
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
CLAIM_LEASE = timedelta(minutes=15)
# `claim` holds the claimer's token, then SENDING + token while the mail server may have the message,
# and HELD for a message interrupted while sending (see flush).
SENDING = "sending:"
HELD = "held"


def _plain(name: str, context: dict) -> str:
    """A subject or text part: plain text, so nothing is HTML-escaped ("'t Hoekje & Zn", never
    "&#x27;t Hoekje &amp; Zn"), whatever the template says."""
    return get_template(name).template.render(Context(context, autoescape=False))


def render_email(*, template: str, context: dict, language: str | None) -> tuple[str, str, str]:
    with translation.override(language or settings.LANGUAGE_CODE):
        ctx = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(_plain(f"emails/{template}.subject.txt", ctx).split())
        text = _plain(f"emails/{template}.txt", ctx)
        html = render_to_string(f"emails/{template}.html", ctx)
    return subject, text, html


def site_domain() -> str:
    """This installation's own domain, from SITE_URL: Message-IDs, List-Ids and calendar UIDs are on it,
    so two installations never share one."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def list_id(community=None) -> str:
    """RFC 2919: the "list" an email belongs to, one per community (mail filters and SpamAssassin look
    for it). Mail not about one community is on the installation's own list."""
    if community is None:
        return f"<portal.{site_domain()}>"
    name = " ".join(community.name.split())  # one line, whatever was typed
    phrase = ('"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"' if name.isascii()
              else " ".join(Header(name, "utf-8").encode().split()))  # encoded words, unfolded
    return f"{phrase} <{community.slug}.{site_domain()}>"


def enqueue(*, key: str, kind: str, template: str, context: dict, user=None, to: str = "",
            language: str | None = None, send_after=None, headers: dict | None = None, community=None,
            personal: bool = False) -> bool:
    """Queue one email to one person, rendered now in their language, in the caller's transaction: to a
    member (`user`: their address and language), or to someone without an account (`to` and
    `language`, e.g. an invitee or an organisation on the marketplace). Returns False when a message
    with this key was queued before (nothing is queued twice).

    `community` (by default the context's) names the List-Id. Every email is marked
    `Auto-Submitted: auto-generated` (RFC 3834: no out-of-office replies to it) unless it is
    `personal`: a message a person wrote to someone (an invitation with its own words)."""
    if user is not None:
        to, language = user.email, user.language
    if not to:
        raise ValueError("an email needs a recipient: user= or to=")
    subject, text, html = render_email(template=template, context={"recipient": user, **context},
                                       language=language)
    return enqueue_rendered(key=key, kind=kind, to=to, user=user, subject=subject, text=text, html=html,
                            send_after=send_after, headers=headers, community=community or context.get("community"),
                            personal=personal)


def enqueue_rendered(*, key: str, kind: str, to: str, subject: str, text: str, html: str = "", user=None,
                     send_after=None, headers: dict | None = None, community=None, personal: bool = False) -> bool:
    """Queue an email someone else rendered (django-allauth's account emails). Same guarantees and
    headers as `enqueue`."""
    headers = {"List-Id": list_id(community), **(headers or {})}
    if not personal:
        headers["Auto-Submitted"] = "auto-generated"
    _, created = OutboxMessage.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind, "user": user, "to": to, "subject": subject[:255], "text": text, "html": html,
            "headers": headers, "send_after": send_after or timezone.now(),
        },
    )
    if created and settings.CELERY_TASK_ALWAYS_EAGER:
        transaction.on_commit(flush)
    return created


def next_key(prefix: str) -> str:
    """A key for one more email of a series that may be asked for again (a confirmation link sent
    again): `prefix:n`, n one past the highest still in the outbox (the purge may have taken older
    ones: their numbers are not reused while a later one is there). Two requests at the same moment
    get the same key, so they queue one email."""
    numbers = [int(key.rsplit(":", 1)[1]) for key in OutboxMessage.objects.filter(
        key__startswith=prefix + ":").values_list("key", flat=True) if key.rsplit(":", 1)[1].isdigit()]
    return f"{prefix}:{max(numbers, default=0) + 1}"


def _claim_next(now):
    """Claim one due row with a conditional UPDATE; two workers never claim the same row. A row whose
    claim went stale before it was marked sending (the worker died before it sent) is claimed again;
    a row marked sending never is (see `flush`)."""
    stale = now - CLAIM_LEASE
    candidates = (
        OutboxMessage.objects.filter(sent_at__isnull=True, send_after__lte=now, attempts__lt=MAX_ATTEMPTS)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .exclude(claim__startswith=SENDING).exclude(claim=HELD)
        .order_by("send_after", "pk")
        .values_list("pk", "claimed_at")[:20]
    )
    token = uuid.uuid4().hex
    for pk, claimed_at in candidates:
        won = OutboxMessage.objects.filter(pk=pk, sent_at__isnull=True, claimed_at=claimed_at).exclude(
            claim__startswith=SENDING).exclude(claim=HELD).update(
            claimed_at=now, claim=token, attempts=F("attempts") + 1
        )
        if won:
            return OutboxMessage.objects.get(pk=pk)
    return None


def _mark_sending(message: OutboxMessage, now) -> bool:
    """Second phase: from here on the mail server may have the message. Conditional on our claim, so a
    worker whose claim went stale and was taken over sends nothing."""
    sending = SENDING + message.claim
    won = OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True, claim=message.claim).update(
        claim=sending, claimed_at=now)
    if won:
        message.claim = sending
    return bool(won)


def _hold_interrupted(now) -> int:
    """Rows left in `sending` longer than the lease: the worker died (or hung) between handing the
    message to the mail server and writing down that it did. It may have gone out, so it is never sent
    again automatically (no duplicate); it waits for someone to check the mail log and `release` it."""
    stale = now - CLAIM_LEASE
    held = 0
    for key in (OutboxMessage.objects.filter(sent_at__isnull=True, claim__startswith=SENDING, claimed_at__lt=stale)
                .values_list("key", flat=True)[:100]):
        held += OutboxMessage.objects.filter(key=key, sent_at__isnull=True, claim__startswith=SENDING,
                                             claimed_at__lt=stale).update(
            claim=HELD, last_error="interrupted while sending: it may have gone out; held, not sent again")
        logger.error("outbox %s: worker stopped while sending; held for review, not sent again", key)
    return held


def release(*, key: str, now=None) -> bool:
    """Queue a held message again, after checking the mail server's log showed it never went out."""
    return bool(OutboxMessage.objects.filter(key=key, sent_at__isnull=True, claim=HELD).update(
        claim="", claimed_at=None, send_after=now or timezone.now(), last_error=""))


class _ListHeader(UnstructuredHeader):
    """RFC 2369 list headers (List-Unsubscribe and its -Post): ASCII, one or more <URL>s. Python's email
    policy folds an unbreakable value longer than a line by turning it into RFC 2047 encoded words,
    which mail providers do not decode here: their one-click unsubscribe would not work. These are
    folded only between items, never encoded (RFC 5322 allows lines up to 998 characters)."""

    def fold(self, *, policy):
        items = [item.strip() for item in str(self).split(",")]
        return f"{self.name}: " + ("," + policy.linesep + " ").join(items) + policy.linesep


_HEADERS = HeaderRegistry()
for _name in ("list-unsubscribe", "list-unsubscribe-post"):
    _HEADERS.map_to_type(_name, _ListHeader)


class PortalEmail(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        # Whatever policy the backend asks for (SMTP: CRLF line ends), with the list headers above.
        return super().message(policy=policy.clone(header_factory=_HEADERS))


def as_email(message: OutboxMessage) -> EmailMultiAlternatives:
    """The email a row becomes: what `send_one` hands to the mail server, and what the mailbox shows."""
    email_ = PortalEmail(
        subject=message.subject, body=message.text, to=[message.to],
        headers={"Message-ID": f"<outbox-{message.pk}-{message.key.replace(':', '.')}@{site_domain()}>",
                 **message.headers},
    )
    if message.html:
        email_.attach_alternative(message.html, "text/html")
    return email_


def send_one(message: OutboxMessage) -> None:
    as_email(message).send()


def flush(*, now=None, limit: int = 500) -> tuple[int, int]:
    """Send what is due. Returns (sent, failed). Safe to run in several workers at once.

    Each message is sent at most once. Two phases: a claim (conditional UPDATE; a worker that dies now
    leaves a claim that is taken over after CLAIM_LEASE), then `sending` just before the message goes
    to the mail server. A worker killed after that point may or may not have handed the message over:
    such a row is held for review (`_hold_interrupted`), never sent again by itself. An exception
    from the mail backend means the server refused or could not be reached: the row is retried later
    with backoff."""
    sent = failed = 0
    _hold_interrupted(now or timezone.now())
    for _ in range(limit):
        now_ = now or timezone.now()
        message = _claim_next(now_)
        if message is None:
            break
        if not _mark_sending(message, now_):
            continue  # our claim was taken over: the other worker sends it
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
        # HELD too: a worker that was only slow must still record that its message went out.
        OutboxMessage.objects.filter(pk=message.pk, sent_at__isnull=True, claim__in=[message.claim, HELD]).update(
            sent_at=timezone.now(), last_error="")
        sent += 1
    return sent, failed
