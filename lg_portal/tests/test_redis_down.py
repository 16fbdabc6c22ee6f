"""With REDIS_URL pointing at a closed port, pages, login and the outbox still work."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from lg_portal import outbox
from lg_portal.models import OutboxMessage

pytestmark = pytest.mark.django_db

DEAD = "redis://127.0.0.1:1/0"
DEAD_CACHE = {**django_settings.CACHES, "fast": {"BACKEND": "lg_portal.common.cache.ResilientRedisCache",
                                                 "LOCATION": DEAD}}


@pytest.fixture
def redis_down(settings):
    settings.REDIS_URL = DEAD
    settings.CACHES = DEAD_CACHE  # the setting_changed signal rebuilds the cache handlers


def test_cache_misses_instead_of_failing(redis_down):
    cache = caches["default"]
    cache.set("a", 1)
    assert cache.get("a", "fallback") == "fallback"
    assert cache.add("b", 1) is False  # nothing is stored
    # Rate-limit counters do not live in Redis: they are counted on.
    assert cache.add("allauth:rl:test", 1) is True
    assert cache.get("allauth:rl:test") == 1


def test_login_and_community_home_work_with_redis_down(redis_down, client, participant, community):
    participant.user.set_password("geheim-wachtwoord-42")
    participant.user.save()
    response = client.post("/accounts/login/", {"login": participant.user.email, "password": "geheim-wachtwoord-42"})
    assert response.status_code == 302
    assert client.get(f"/c/{community.slug}/").status_code == 200


def test_healthz_says_broker_and_cache_are_down_but_answers_200(redis_down, client):
    body = client.get("/healthz").json()
    assert body["database"] == "ok" and body["broker"].startswith("down")


def test_what_is_queued_while_redis_is_down_is_sent_when_the_worker_runs(redis_down, settings, participant,
                                                                          mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    outbox.enqueue(key="k:1", kind="test", user=participant.user, template="suggestion",
                   context={"suggestion": {"name": "X", "reason": "Y", "suggested_by": participant.user},
                            "community": participant.community, "url": "http://x/"})
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 1
    assert outbox.flush() == (1, 0)
    assert len(mailoutbox) == 1
