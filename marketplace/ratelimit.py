"""A fixed-window rate limit for the public entry form (no account, so the visitor's address is what
we count). The address is the one the login limits use (behind LG_TRUSTED_PROXY_COUNT proxies, the
client's, not the proxy's), hashed before it becomes a key. The counter lives where the login limits
do (lg_portal.common.cache: a database table, one count for every worker, kept through a Redis outage)."""

import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

WINDOW_SECONDS = 3600


def entries_per_hour() -> int:
    return settings.LG_MARKETPLACE_ENTRIES_PER_HOUR


def client_ip(request) -> str:
    return get_adapter(request).get_client_ip(request)


def _key(ip: str, now) -> str:
    window = int(now.timestamp()) // WINDOW_SECONDS
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{ip}".encode()).hexdigest()[:32]
    return f"lg:rl:marketplace:entries:{digest}:{window}"


def is_limited(ip: str, *, now=None) -> bool:
    return (cache.get(_key(ip, now or timezone.now())) or 0) >= entries_per_hour()


def hit(ip: str, *, now=None) -> None:
    key = _key(ip, now or timezone.now())
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=WINDOW_SECONDS)
