"""Faults, timed: with Redis closed, or hung (a socket that accepts and never answers), every page,
login and RSVP answers within a second, and after the first timeout the breaker keeps the others from
waiting at all; with the mail server hung, no request waits for it (issue 17)."""

import socket
import threading
import time

import pytest
from django.conf import settings as django_settings

from lg_portal import outbox
from lg_portal.common.cache import _Breaker
from lg_portal.models import OutboxMessage
from meetings.models import Rsvp
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db
PASSWORD = "het-echte-wachtwoord-42"


class HungServer:
    """Accepts connections and never says a word (a Redis, or an SMTP server, that hangs)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def hung():
    server = HungServer()
    yield server
    server.close()


def _closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _redis_at(settings, port):
    url = f"redis://127.0.0.1:{port}/0"
    settings.REDIS_URL = url
    settings.CACHES = {**django_settings.CACHES,
                       "fast": {"BACKEND": "lg_portal.common.cache.ResilientRedisCache", "LOCATION": url}}
    _Breaker.reset()


def _timed(call):
    start = time.perf_counter()
    response = call()
    return response, time.perf_counter() - start


def _walk(client, participant, community):
    """A login, the home, a meeting's page, an RSVP and the meetings list: (status, seconds) each."""
    user = participant.user
    user.set_password(PASSWORD)
    user.save()
    meeting = MeetingFactory(community=community)
    c = f"/c/{community.slug}"
    steps = [
        lambda: client.post("/accounts/login/", {"login": user.email, "password": PASSWORD}),
        lambda: client.get(f"{c}/"),
        lambda: client.get(f"{c}/meetings/{meeting.pk}/"),
        lambda: client.post(f"{c}/meetings/{meeting.pk}/rsvp/", {"answer": "yes"}),
        lambda: client.get(f"{c}/meetings/"),
        lambda: client.get(f"{c}/"),
    ]
    results = [_timed(step) for step in steps]
    assert Rsvp.objects.filter(meeting=meeting, membership=participant, answer="yes").exists()
    return [(r.status_code, seconds) for r, seconds in results]


@pytest.mark.parametrize("state", ["closed", "hung"])
def test_pages_login_and_rsvp_answer_within_a_second_with_redis_down(state, client, participant, community,
                                                                    settings, request):
    port = request.getfixturevalue("hung").port if state == "hung" else _closed_port()
    _redis_at(settings, port)
    walk = _walk(client, participant, community)
    assert [status for status, _s in walk] == [302, 200, 200, 302, 200, 200]
    assert max(seconds for _s, seconds in walk) < 1.0, walk
    # After the first timeout the breaker is open: the rest did not wait for Redis at all.
    assert sum(seconds for _s, seconds in walk[1:]) < 1.5, walk


def test_the_breaker_closes_again_and_redis_is_used_when_it_is_back(settings, hung):
    from django.core.cache import caches

    _redis_at(settings, hung.port)
    fast = caches["fast"]
    start = time.perf_counter()
    assert fast.get("x", "miss") == "miss"
    assert time.perf_counter() - start < 0.6  # one short timeout, no retries
    assert _Breaker.is_open()
    start = time.perf_counter()
    for _ in range(50):
        fast.get("x")
    assert time.perf_counter() - start < 0.1  # open: no call waits
    _Breaker.open_until = 0  # the breaker's time has passed: the next call tries Redis again
    fast.get("x")
    assert _Breaker.is_open()  # still hung: open again


def test_no_request_waits_for_a_hung_mail_server(settings, hung, facilitator_client, community):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": hung.port, "timeout": 5}}}
    response, seconds = _timed(lambda: facilitator_client.post(
        f"/c/{community.slug}/invitations/", {"email": "nieuw@example.org", "name": "Nina Nieuw",
                                              "message": "Welkom"}))
    assert response.status_code in (200, 302) and seconds < 1.0
    queued = OutboxMessage.objects.get(to="nieuw@example.org")
    assert queued.sent_at is None  # waiting for the worker, which may wait for the mail server
    start = time.perf_counter()
    sent, failed = outbox.flush()
    assert (sent, failed) == (0, 1)  # the worker gives up after the mail timeout and tries again later
    assert time.perf_counter() - start < 8
    queued.refresh_from_db()
    assert queued.sent_at is None and queued.attempts == 1
