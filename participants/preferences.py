"""Email preferences and unsubscribe links: the one owner of "may we send this person this kind of
email", for every app that mails members.

Every email goes out through the outbox (lg_portal.outbox): one person, one message, in their
language. A kind of email people can switch off (participants.models.EmailKind) is queued with
`enqueue_with_unsubscribe`, which adds the signed one-click unsubscribe link for its kind (RFC 8058) and
a link to all preferences; callers first ask `email_allowed` or, for many people at once,
`users_allowing`.
"""

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lg_portal import outbox
from lg_portal.common.links import absolute

from .models import EmailKind, EmailPreference, User

KINDS = [k.value for k in EmailKind]


def _check(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown email kind {kind!r}")


def email_allowed(user, kind: str) -> bool:
    """May we send this person email of this kind? No preference row means yes. One query."""
    _check(kind)
    if user is None or not user.is_active:
        return False
    return not EmailPreference.objects.filter(user=user, **{kind: False}).exists()


def users_allowing(kind: str, user_ids) -> set[int]:
    """Of these user ids, those who accept email of this kind. One query, for any number of people."""
    _check(kind)
    user_ids = set(user_ids)
    blocked = set(EmailPreference.objects.filter(user_id__in=user_ids, **{kind: False})
                  .values_list("user_id", flat=True))
    return user_ids - blocked


def email_preferences_for(user) -> EmailPreference:
    """The person's preferences, or unsaved defaults (everything on)."""
    return EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)


def email_preferences_update(*, user, now=None, **flags) -> EmailPreference:
    unknown = set(flags) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown email kinds {sorted(unknown)}")
    with transaction.atomic():
        preference, _created = EmailPreference.objects.select_for_update().get_or_create(user=user)
        for kind, value in flags.items():
            setattr(preference, kind, bool(value))
        preference.updated_at = now or timezone.now()
        preference.save()
    return preference


def _unsubscribe_salt(kind: str) -> str:
    # The salt predates this module; links in emails already sent must keep working.
    return f"participants.unsubscribe.{kind}"


def unsubscribe_url(user, kind: str) -> str:
    token = signing.dumps(user.pk, salt=_unsubscribe_salt(kind))
    return absolute(reverse("email_unsubscribe", args=[kind, token]))


def unsubscribe_user(token: str, kind: str):
    """The active person this unsubscribe link was made for, or None (tampered, other kind, deleted)."""
    if kind not in KINDS:
        return None
    try:
        user_id = signing.loads(token, salt=_unsubscribe_salt(kind))
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def unsubscribe_headers(user, kind: str, url: str | None = None) -> dict:
    """RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs to the link."""
    return {"List-Unsubscribe": f"<{url or unsubscribe_url(user, kind)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def enqueue_with_unsubscribe(*, key: str, kind: str, pref_kind: str, user, template: str, context: dict,
                             reply_to: str | None = None, community=None) -> bool:
    """Queue an email of a kind people can switch off, with its unsubscribe link (the template includes
    emails/_unsubscribe.txt/.html) and List-Unsubscribe headers. Returns False when this key was
    queued before."""
    _check(pref_kind)
    url = unsubscribe_url(user, pref_kind)
    headers = unsubscribe_headers(user, pref_kind, url)
    if reply_to:
        headers["Reply-To"] = reply_to
    return outbox.enqueue(key=key, kind=kind, user=user, template=template, headers=headers, community=community,
                          context={"unsubscribe_url": url, "unsubscribe_kind": EmailKind(pref_kind).label,
                                   "preferences_url": absolute(reverse("email_preferences")),
                                   **context})
