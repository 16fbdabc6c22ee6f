"""The portal's caches.

`default` is a `PortalCache`: it hands each key to one of two caches. Rate-limit counters (django-
allauth's login, sign-up and reset limits, the public marketplace's hourly limit: keys starting with
one of RATE_LIMIT_PREFIXES) go to `limits`, a table in the database: one count for every worker and
every machine, kept when Redis is down or was never there. Everything else (summaries, versions) goes
to `fast`: Redis when REDIS_URL is set, otherwise memory.

Redis is a `ResilientRedisCache`: short socket timeouts, no retries, and a circuit breaker. The first
call that fails (refused, or no answer within the timeout) opens the breaker for this process for
BREAKER_SECONDS: until then every call returns at once as a miss (reads) or a no-op (writes), so a hung
Redis costs one request one timeout, not every request every timeout. A summary that cannot be cached
is computed; nothing the portal stores lives only in Redis."""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RATE_LIMIT_PREFIXES = ("allauth:rl:", "lg:rl:")
BREAKER_SECONDS = 15


class _Breaker:
    """Per process: when Redis last failed, and until when it is left alone."""

    open_until = 0.0

    @classmethod
    def is_open(cls) -> bool:
        return time.monotonic() < cls.open_until

    @classmethod
    def trip(cls, exc) -> None:
        if not cls.is_open():
            logger.warning("cache unavailable, left alone for %s s: %s", BREAKER_SECONDS, exc)
        cls.open_until = time.monotonic() + BREAKER_SECONDS

    @classmethod
    def reset(cls) -> None:
        cls.open_until = 0.0


def _safe(default):
    def wrap(method):
        def inner(self, *args, **kwargs):
            fallback = (lambda: default(args, kwargs)) if callable(default) else (lambda: default)
            if _Breaker.is_open():
                return fallback()
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                _Breaker.trip(exc)
                return fallback()

        inner.__name__ = method.__name__
        return inner

    return wrap


def _get_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class ResilientRedisCache(RedisCache):
    """Redis that degrades instead of failing: see the module's docstring. No rate limit lives here."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.25)
        options.setdefault("retry_on_timeout", False)
        options.setdefault("retry_on_error", [])
        super().__init__(server, {**params, "OPTIONS": options})

    get = _safe(_get_default)(RedisCache.get)
    set = _safe(None)(RedisCache.set)
    add = _safe(False)(RedisCache.add)
    delete = _safe(False)(RedisCache.delete)
    touch = _safe(False)(RedisCache.touch)
    get_many = _safe({})(RedisCache.get_many)
    set_many = _safe([])(RedisCache.set_many)
    delete_many = _safe(None)(RedisCache.delete_many)
    has_key = _safe(False)(RedisCache.has_key)
    incr = _safe(lambda args, kwargs: kwargs.get("delta", args[1] if len(args) > 1 else 1))(RedisCache.incr)
    clear = _safe(False)(RedisCache.clear)


class PortalCache(BaseCache):
    """The `default` cache: rate-limit keys to `limits`, the rest to `fast` (see the module's
    docstring). `clear()` empties `fast` only: the limits expire by themselves, and emptying a cache is
    never a way to reset them."""

    def __init__(self, location, params):
        super().__init__(params)

    @staticmethod
    def _for(key):
        return caches["limits"] if str(key).startswith(RATE_LIMIT_PREFIXES) else caches["fast"]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._for(key).add(key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._for(key).get(key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._for(key).set(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._for(key).touch(key, timeout, version)

    def delete(self, key, version=None):
        return self._for(key).delete(key, version)

    def has_key(self, key, version=None):
        return self._for(key).has_key(key, version)

    def incr(self, key, delta=1, version=None):
        return self._for(key).incr(key, delta, version)

    def get_many(self, keys, version=None):
        found = {}
        for key in keys:
            value = self.get(key, _MISSING, version)
            if value is not _MISSING:
                found[key] = value
        return found

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = []
        for key, value in data.items():
            if self.set(key, value, timeout, version) is False:
                failed.append(key)
        return failed

    def delete_many(self, keys, version=None):
        for key in keys:
            self.delete(key, version)

    def clear(self):
        return caches["fast"].clear()


_MISSING = object()


# --- a version per community, for summaries cached across requests -----------------------------------

def _version_key(community_id: int) -> str:
    return f"community-version:{community_id}"


def community_version(community_id: int) -> int:
    """A number that changes whenever something in this community changes (community_changed): cache
    keys that include it are never read stale after a change."""
    from django.core.cache import cache

    return cache.get(_version_key(community_id)) or 0


def community_changed(community_id: int) -> None:
    """Something in this community changed: summaries cached for it go stale. Bumped after the
    caller's transaction commits, so a reader never caches the old state under the new version."""
    import time

    from django.core.cache import cache
    from django.db import transaction

    # A fresh number (not +1): a cache that lost the key, or fails open, can never hand out an old one.
    transaction.on_commit(lambda: cache.set(_version_key(community_id), time.time_ns(), None))
