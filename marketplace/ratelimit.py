"""A small fixed-window rate limit on Django's cache, for the public entry form (no account, so the
visitor's IP address is what we count). The address is hashed before it becomes a cache key."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600


def entries_per_hour() -> int:
    return settings.LG_MARKETPLACE_ENTRIES_PER_HOUR


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(ip: str, now) -> str:
    window = int(now.timestamp()) // WINDOW_SECONDS
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"marketplace:entries:{digest}:{window}"


def is_limited(ip: str, *, now=None) -> bool:
    try:
        return (cache.get(_key(ip, now or timezone.now())) or 0) >= entries_per_hour()
    except Exception as exc:  # noqa: BLE001 - without a cache the form still works (the limit is a courtesy)
        logger.warning("marketplace rate limit unavailable: %s", exc)
        return False


def hit(ip: str, *, now=None) -> None:
    key = _key(ip, now or timezone.now())
    try:
        if not cache.add(key, 1, timeout=WINDOW_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=WINDOW_SECONDS)
    except Exception as exc:  # noqa: BLE001
        logger.warning("marketplace rate limit unavailable: %s", exc)
