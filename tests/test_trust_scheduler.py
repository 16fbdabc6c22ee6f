"""The scheduler through a Redis outage (issue 17): beat keeps its schedule while the broker is refused
or hangs, and sends what came due as soon as the broker answers again; the jobs it sends scan for what
is due, so the first run after the outage does the work the outage held up, once."""

# ruff: noqa: B023
import socket
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import redis
import time_machine
from celery import Celery
from celery.beat import Scheduler
from django.conf import settings

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from lg_portal.registry import beat_schedule
from meetings import jobs as meeting_jobs
from meetings.tests.factories import MeetingFactory, RsvpFactory
from participants.tests.factories import MembershipFactory
from tests.test_trust_faults import HungServer


class FlakyRedis(HungServer):
    """A TCP proxy in front of the real Redis that can hang (accept, never answer), refuse (accept and
    drop at once), or pass everything through: one broker address that goes away and comes back."""

    def __init__(self, target: tuple[str, int]):
        self.target, self.mode = target, "hang"
        super().__init__()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self.mode == "refuse":
                conn.close()
            elif self.mode == "hang":
                self.held.append(conn)
            else:
                upstream = socket.create_connection(self.target)
                self.held += [conn, upstream]
                for a, b in ((conn, upstream), (upstream, conn)):
                    threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass



@pytest.fixture
def real_redis():
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (REDIS_URL): .ci/run gives it")
    client = redis.Redis.from_url(settings.REDIS_URL)
    client.delete("celery")
    yield client
    client.delete("celery")


def _beat_through(proxy: FlakyRedis, db: int) -> Scheduler:
    """Beat as production configures it (the broker options of settings, the registered jobs), talking
    to Redis through the proxy."""
    app = Celery("lg_portal_beat_under_test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.task_always_eager = False
    app.conf.broker_url = f"redis://127.0.0.1:{proxy.port}/{db}"
    app.conf.beat_schedule = beat_schedule()
    scheduler = Scheduler(app, lazy=False)
    for entry in scheduler.schedule.values():  # every job is due (beat was off for a day)
        entry.last_run_at = entry.default_now() - timedelta(days=1)
    return scheduler


def test_the_broker_options_never_block_on_a_dead_socket_and_never_give_up():
    from lg_portal import settings as portal_settings

    assert settings.CELERY_BROKER_CONNECTION_MAX_RETRIES is None
    redis_options = portal_settings.CELERY_BROKER_TRANSPORT_OPTIONS if portal_settings.REDIS_URL else None
    if redis_options is not None:
        assert 0 < redis_options["socket_timeout"] <= 5 and 0 < redis_options["socket_connect_timeout"] <= 5


@pytest.mark.parametrize("outage", ["hang", "refuse"])
def test_beat_waits_out_a_broker_outage_and_then_sends_every_due_job(real_redis, outage):
    db = real_redis.connection_pool.connection_kwargs.get("db", 0)
    upstream = real_redis.connection_pool.connection_kwargs
    proxy = FlakyRedis((upstream.get("host", "127.0.0.1"), upstream.get("port", 6379)))
    proxy.mode = outage
    scheduler = _beat_through(proxy, db)
    jobs = sum(entry.is_due().is_due for entry in scheduler.schedule.values())
    assert jobs >= 5  # the outbox, the scans, the purge (the weekly digest waits for its Monday)
    failed = []

    def run():
        try:
            deadline = time.monotonic() + 60
            while real_redis.llen("celery") < jobs and time.monotonic() < deadline:
                scheduler.tick()
            for _ in range(jobs):  # and no job is sent twice
                scheduler.tick()
        except Exception as exc:  # noqa: BLE001 (beat would have stopped: the test says so below)
            failed.append(exc)

    try:
        beat = threading.Thread(target=run, daemon=True)
        beat.start()
        time.sleep(3.5)  # the outage: several read timeouts or refusals
        assert not failed, f"beat gave up during the outage: {failed!r}"
        assert beat.is_alive() and real_redis.llen("celery") == 0
        back = time.monotonic()
        proxy.mode = "pass"
        beat.join(timeout=45)
        assert not failed and not beat.is_alive()
        waited = time.monotonic() - back
    finally:
        proxy.close()
    assert real_redis.llen("celery") == jobs, "one message per due job, none lost, none twice"
    assert waited < 15, f"beat took {waited:.1f} s to go on after the broker came back"


START = datetime(2026, 11, 10, 18, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_the_first_run_after_an_outage_sends_what_came_due_during_it_once(community, mailoutbox):
    """The outage runs from 50 hours before a plenary to 30 hours before it: the reminder window (48 h)
    and an outbox email's moment both fall inside it. The first runs after it send both, once."""
    member = MembershipFactory(community=community, user__name="Lid ja")
    meeting = MeetingFactory(community=community, title="Plenair november", starts_at=START,
                             ends_at=START + timedelta(hours=2))
    RsvpFactory(meeting=meeting, membership=member, answer="yes")
    with time_machine.travel(START - timedelta(hours=50), tick=False):  # the last run before the outage
        assert meeting_jobs.reminders_send_due() == 0
        outbox.enqueue_rendered(key="test:held-up", kind="test", to="iemand@example.org", subject="Later",
                                text="Tekst", send_after=START - timedelta(hours=40))
        assert outbox.flush() == (0, 0)
    with time_machine.travel(START - timedelta(hours=30), tick=False):  # the first runs after it
        assert meeting_jobs.reminders_send_due() == 1
        assert meeting_jobs.reminders_send_due() == 0
        assert outbox.flush()[0] == 2
        assert outbox.flush() == (0, 0)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.user.email, "iemand@example.org"])
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 0
