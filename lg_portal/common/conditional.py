"""Conditional GET for a representation that is generated, not stored (a calendar feed): ETag and
Last-Modified without rendering the body.

The ETag is a digest of what the body is made from, which the caller reads with a cheap query. A
Last-Modified taken from the rows' own timestamps would not move when a row leaves the set (someone
leaves a workgroup, a setting is switched off), and a client that revalidates with If-Modified-Since
alone would then keep a stale copy. So Last-Modified is the moment the server first served the
current ETag, remembered in the cache: it moves with every change the ETag sees. When the cache has
forgotten it (or is down), it is now, which costs such a client one full download and is never
wrong.

That needs one memory for all web processes: with a per-process cache (no REDIS_URL, several gunicorn
workers) one process could answer with an older moment than another already gave the client, and a
client that sends If-Modified-Since alone would keep a stale copy. So without a shared cache there is
no Last-Modified; the ETag alone answers (every calendar client sends If-None-Match).

`revalidated_by` wires it into Django's `condition` decorator.
"""

import hashlib
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.views.decorators.http import condition

REMEMBER_SECONDS = 60 * 60 * 24 * 31


def shared_cache() -> bool:
    """Whether every web process sees the same cache (Redis), not one of its own."""
    return "LocMemCache" not in settings.CACHES["fast"]["BACKEND"]


def versions(key: str, parts) -> tuple[str, datetime | None]:
    """(weak ETag, Last-Modified) for the representation `key` (unique per resource and reader)
    made from `parts` (anything with a stable repr: tuples of ids, numbers, strings, datetimes).

    Weak, because the ETag vouches for the content, not the bytes (a proxy may compress them). A new
    ETag gets a Last-Modified at least a second after the previous one's, so two changes within the
    same second still look different to If-Modified-Since (which counts whole seconds)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    if not shared_cache():
        return f'W/"{digest}"', None
    now = int(timezone.now().timestamp())
    cache_key = f"conditional-first-served:{key}"
    remembered = cache.get(cache_key)
    if remembered and remembered[0] == digest:
        first_served = remembered[1]
    else:
        first_served = max(now, remembered[1] + 1) if remembered else now
        cache.set(cache_key, (digest, first_served), REMEMBER_SECONDS)
    return f'W/"{digest}"', datetime.fromtimestamp(first_served, UTC)


def revalidated_by(versions_func):
    """`condition` for a view whose ETag and Last-Modified come from one call of
    versions_func(request, *args, **kwargs) -> (etag, last_modified): condition asks for the two
    separately, the query behind them runs once. A 304 is answered without calling the view."""

    def once(request, *args, **kwargs):
        if not hasattr(request, "_conditional_versions"):
            request._conditional_versions = versions_func(request, *args, **kwargs)
        return request._conditional_versions

    return condition(etag_func=lambda *args, **kwargs: once(*args, **kwargs)[0],
                     last_modified_func=lambda *args, **kwargs: once(*args, **kwargs)[1])
