"""A Redis cache that degrades instead of failing: when Redis is down, reads miss and writes are
dropped, so pages (and login, whose rate limits live in the cache) keep working."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

_MISS = object()


def _safe(default):
    def wrap(method):
        def inner(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                logger.warning("cache unavailable (%s): %s", method.__name__, exc)
                return default(args, kwargs) if callable(default) else default

        inner.__name__ = method.__name__
        return inner

    return wrap


def _get_default(args, kwargs):
    return kwargs.get("default", args[1] if len(args) > 1 else None)


class ResilientRedisCache(RedisCache):
    get = _safe(_get_default)(RedisCache.get)
    set = _safe(None)(RedisCache.set)
    # add() "succeeds" so callers that use it as a lock (allauth rate limits) fail open, not shut.
    add = _safe(True)(RedisCache.add)
    delete = _safe(False)(RedisCache.delete)
    touch = _safe(False)(RedisCache.touch)
    get_many = _safe({})(RedisCache.get_many)
    set_many = _safe([])(RedisCache.set_many)
    delete_many = _safe(None)(RedisCache.delete_many)
    has_key = _safe(False)(RedisCache.has_key)
    incr = _safe(lambda args, kwargs: kwargs.get("delta", args[1] if len(args) > 1 else 1))(RedisCache.incr)
    clear = _safe(False)(RedisCache.clear)


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
