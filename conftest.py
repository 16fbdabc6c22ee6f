"""Personas shared by every app's tests: a facilitator, a coordinator, a core-group member, a
participant, a member of another community, and an anonymous visitor."""

import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.utils import translation

from lessons.tests.factories import ensure_compass
from lg_portal.celery import app as celery_app
from lg_portal.common.cache import _Breaker
from participants.tests.factories import CommunityFactory, MembershipFactory


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tasks run in the test's process; CI's Redis is still used as the cache.
    settings.CELERY_TASK_ALWAYS_EAGER = True
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    # Rate limits (allauth, the marketplace) count in a database table, rolled back after each test; the
    # fast cache starts empty, and no breaker tripped by an earlier test's dead Redis is still open.
    _Breaker.reset()
    cache.clear()
    # Every test starts in the portal's language: a request in English earlier in the same worker leaves
    # English active in the thread (the test client does not reset it).
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _compass(request):
    """Every test with a database has the lessons compass, as every real database has (a data
    migration loads it; a transactional test elsewhere may have flushed it)."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        # A transactional test's rate-limit counts are committed, not rolled back, and no flush reaches
        # the cache table: the browser tests all log in from 127.0.0.1, so each starts with none.
        caches["limits"].clear()
    elif "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    ensure_compass()


@pytest.fixture
def community(db):
    return CommunityFactory(slug="lg-test", name="LG Test")


@pytest.fixture
def other_community(db):
    return CommunityFactory(slug="lg-elders", name="LG Elders")


@pytest.fixture
def facilitator(community):
    return MembershipFactory(community=community, is_facilitator=True, is_participant=False, user__name="Fay Facilitator")


@pytest.fixture
def coordinator(community):
    return MembershipFactory(community=community, is_coordinator=True, user__name="Cor Coordinator")


@pytest.fixture
def core_member(community):
    return MembershipFactory(community=community, is_core_group=True, user__name="Kees Kern")


@pytest.fixture
def participant(community):
    return MembershipFactory(community=community, user__name="Pia Participant")


@pytest.fixture
def outsider(other_community):
    return MembershipFactory(community=other_community, is_facilitator=True, user__name="Otto Outsider")


def _client_for(membership):
    client = Client()
    client.force_login(membership.user)
    return client


@pytest.fixture
def facilitator_client(facilitator):
    return _client_for(facilitator)


@pytest.fixture
def coordinator_client(coordinator):
    return _client_for(coordinator)


@pytest.fixture
def core_client(core_member):
    return _client_for(core_member)


@pytest.fixture
def participant_client(participant):
    return _client_for(participant)


@pytest.fixture
def outsider_client(outsider):
    return _client_for(outsider)


@pytest.fixture
def anon_client():
    return Client()
