"""Signed single-purpose links for people without an account.

Each purpose has its own salt, so a follow-up link cannot confirm an entry and an entry's link cannot
confirm another entry: the signed value is the row's primary key, and changing it breaks the signature."""

from django.core import signing
from django.urls import reverse

from lg_portal.common.links import absolute

ENTRY_CONFIRM_SALT = "marketplace.entry.confirm"
FOLLOW_UP_SALT = "marketplace.follow_up"
# A follow-up link is answered within weeks; a year is generous and still bounded.
FOLLOW_UP_MAX_AGE = 365 * 24 * 3600


class BadLink(Exception):
    pass


def entry_confirm_token(entry) -> str:
    return signing.dumps({"entry": entry.pk, "email": entry.email}, salt=ENTRY_CONFIRM_SALT, compress=True)


def entry_confirm_url(entry) -> str:
    return absolute(reverse("marketplace_entry_confirm", args=[entry_confirm_token(entry)]))


def entry_from_token(token: str) -> tuple[int, str]:
    """(entry pk, email) from a confirmation token, or BadLink."""
    try:
        data = signing.loads(token, salt=ENTRY_CONFIRM_SALT)
        return int(data["entry"]), str(data["email"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadLink from None


def follow_up_token(follow_up) -> str:
    return signing.dumps({"follow_up": follow_up.pk}, salt=FOLLOW_UP_SALT, compress=True)


def follow_up_url(follow_up, answer: str | None = None) -> str:
    url = reverse("marketplace_follow_up", args=[follow_up_token(follow_up)])
    return absolute(f"{url}?antwoord={answer}" if answer else url)


def follow_up_from_token(token: str) -> int:
    try:
        return int(signing.loads(token, salt=FOLLOW_UP_SALT, max_age=FOLLOW_UP_MAX_AGE)["follow_up"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadLink from None
