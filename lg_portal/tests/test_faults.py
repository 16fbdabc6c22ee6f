"""Faults the portal must survive: the database unreachable (a friendly 503 in the visitor's language,
no traceback, /healthz names the database) and a worker killed while sending (never a duplicate
email). Redis down is in test_redis_down.py."""

import json
import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection, connections
from django.test import Client
from django.utils import timezone

from lg_portal import outbox
from lg_portal.models import OutboxMessage
from lg_portal.tests.factories import UserFactory

LEASE = outbox.CLAIM_LEASE + timedelta(minutes=1)


# --- the database unreachable -----------------------------------------------------------------------

@contextmanager
def database_unreachable():
    """PostgreSQL: point the connection at a closed port and drop it, so the next query really fails to
    connect. SQLite (an in-memory test database cannot be closed): every cursor fails as if the file
    could not be opened."""
    wrapper = connections["default"]
    if wrapper.vendor == "postgresql":
        saved = dict(wrapper.settings_dict)
        wrapper.close()
        wrapper.settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens: refused at once
        try:
            yield
        finally:
            wrapper.close()
            wrapper.settings_dict.clear()
            wrapper.settings_dict.update(saved)
    else:
        with mock.patch.object(wrapper, "_cursor", side_effect=OperationalError("unable to open database file")):
            yield


@pytest.fixture
def dead_db_client():
    # A real browser gets the error page, not the exception the test client would re-raise.
    return Client(raise_request_exception=False)


def assert_friendly_503(response, *, language):
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert f'<html lang="{language}">' in body
    if language == "nl":
        assert "Even niet bereikbaar" in body
    else:
        assert "Temporarily unavailable" in body and "Even niet bereikbaar" not in body
    for leak in ("Traceback", "OperationalError", "File \"", "psycopg", "sqlite"):
        assert leak not in body


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/", "/c/lg-test/", "/c/lg-test/meetings/", "/settings/", "/privacy/"])
def test_pages_answer_a_friendly_503_in_dutch_when_the_database_is_unreachable(dead_db_client, participant, path):
    dead_db_client.force_login(participant.user)
    with database_unreachable():
        response = dead_db_client.get(path)
    assert_friendly_503(response, language="nl")


@pytest.mark.django_db(transaction=True)
def test_the_503_page_speaks_english_when_the_visitor_chose_english(dead_db_client, participant):
    dead_db_client.force_login(participant.user)
    dead_db_client.cookies["django_language"] = "en"  # set by the language button and the settings page
    with database_unreachable():
        for path in ("/", "/c/lg-test/", "/settings/"):
            assert_friendly_503(dead_db_client.get(path), language="en")


@pytest.mark.django_db(transaction=True)
def test_logging_in_and_answering_a_meeting_answer_503_not_a_traceback(dead_db_client, participant):
    with database_unreachable():
        login = dead_db_client.post("/accounts/login/", {"login": participant.user.email, "password": "x" * 12})
        rsvp = dead_db_client.post("/c/lg-test/meetings/1/rsvp/", {"answer": "yes"})
    assert_friendly_503(login, language="nl")
    assert rsvp.status_code in (503, 302, 403)  # anonymous: a redirect to login needs no database
    if rsvp.status_code == 503:
        assert_friendly_503(rsvp, language="nl")


@pytest.mark.django_db(transaction=True)
def test_healthz_names_the_database_as_down(dead_db_client):
    with database_unreachable():
        response = dead_db_client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable"
    assert body["database"].startswith("down")
    assert body["cache"] == "ok" or body["cache"].startswith("down")


@pytest.mark.django_db(transaction=True)
def test_pages_work_again_when_the_database_is_back(dead_db_client, participant):
    dead_db_client.force_login(participant.user)
    with database_unreachable():
        assert dead_db_client.get("/c/lg-test/").status_code == 503
    assert dead_db_client.get("/c/lg-test/").status_code == 200
    assert dead_db_client.get("/healthz").status_code == 200


# --- a worker killed while sending ------------------------------------------------------------------

class WorkerKilled(BaseException):
    """Stands for SIGKILL: nothing after it runs, no except Exception catches it."""


def queue(user, key="fault:1"):
    return outbox.enqueue(key=key, kind="test", user=user, template="suggestion",
                          context={"suggestion": {"name": "X", "reason": "Y", "suggested_by": user},
                                   "community": SimpleNamespace(name="LG", slug="lg", question="Hoe?"), "url": "http://x/"})


@pytest.fixture
def queued(db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    return queue(UserFactory())


def test_worker_killed_after_the_mail_server_took_the_message_sends_no_duplicate(queued, mailoutbox):
    real_send = outbox.send_one

    def send_then_die(message):
        real_send(message)
        raise WorkerKilled

    with mock.patch("lg_portal.outbox.send_one", side_effect=send_then_die), pytest.raises(WorkerKilled):
        outbox.flush()
    assert len(mailoutbox) == 1
    row = OutboxMessage.objects.get()
    assert row.sent_at is None and row.claim.startswith(outbox.SENDING)

    # The retries: right away (the lease still runs), after the lease, and again a day later.
    later = timezone.now()
    for now in (later, later + LEASE, later + LEASE * 100):
        assert outbox.flush(now=now) == (0, 0)
    assert len(mailoutbox) == 1
    row.refresh_from_db()
    assert row.sent_at is None and row.claim == outbox.HELD and "may have gone out" in row.last_error


def test_worker_killed_before_it_reached_the_mail_server_sends_once_after_the_lease(queued, mailoutbox):
    with mock.patch("lg_portal.outbox._mark_sending", side_effect=WorkerKilled), pytest.raises(WorkerKilled):
        outbox.flush()
    assert len(mailoutbox) == 0
    assert outbox.flush() == (0, 0)  # still claimed by the dead worker
    now = timezone.now() + LEASE
    assert outbox.flush(now=now) == (1, 0)
    assert outbox.flush(now=now + LEASE) == (0, 0)
    assert len(mailoutbox) == 1
    assert OutboxMessage.objects.get().attempts == 2


def test_a_slow_worker_whose_claim_was_taken_over_sends_nothing(queued, mailoutbox):
    start = timezone.now()
    slow = outbox._claim_next(start)  # claims, then stalls longer than the lease
    assert outbox.flush(now=start + LEASE) == (1, 0)  # another worker takes the row over and sends it
    assert outbox._mark_sending(slow, start + LEASE) is False  # the slow one wakes up: not its row any more
    assert len(mailoutbox) == 1


def test_a_held_message_that_was_sent_after_all_is_recorded_as_sent(queued, mailoutbox):
    start = timezone.now()
    slow = outbox._claim_next(start)
    assert outbox._mark_sending(slow, start)
    outbox._hold_interrupted(start + LEASE)  # the scan gives up on it while it is still talking to the server
    outbox.send_one(slow)
    OutboxMessage.objects.filter(pk=slow.pk, sent_at__isnull=True, claim__in=[slow.claim, outbox.HELD]).update(
        sent_at=timezone.now())
    assert outbox.flush(now=start + LEASE * 2) == (0, 0)
    assert OutboxMessage.objects.get().sent_at is not None
    assert len(mailoutbox) == 1


def test_a_held_message_is_sent_once_when_someone_releases_it(queued, mailoutbox):
    with mock.patch("lg_portal.outbox.send_one", side_effect=WorkerKilled), pytest.raises(WorkerKilled):
        outbox.flush()  # killed before the server took it: the mail log shows nothing
    later = timezone.now() + LEASE
    assert outbox.flush(now=later) == (0, 0)
    assert outbox.release(key="fault:1", now=later) is True
    assert outbox.flush(now=later) == (1, 0)
    assert outbox.release(key="fault:1", now=later) is False  # sent: nothing to release
    assert outbox.flush(now=later + LEASE) == (0, 0)
    assert len(mailoutbox) == 1


def test_many_messages_with_a_kill_in_the_middle_each_go_out_at_most_once(db, settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    users = [UserFactory() for _ in range(10)]
    for i, user in enumerate(users):
        queue(user, key=f"fault:{i}")
    real_send, calls = outbox.send_one, []

    def die_on_the_fifth(message):
        calls.append(message.key)
        real_send(message)
        if len(calls) == 5:
            raise WorkerKilled

    with mock.patch("lg_portal.outbox.send_one", side_effect=die_on_the_fifth), pytest.raises(WorkerKilled):
        outbox.flush()
    now = timezone.now()
    for step in range(4):
        outbox.flush(now=now + LEASE * step)
    recipients = [m.to[0] for m in mailoutbox]
    assert len(recipients) == len(set(recipients)) == 10  # the fifth went out before the kill: once
    assert OutboxMessage.objects.filter(claim=outbox.HELD).count() == 1
    assert OutboxMessage.objects.filter(sent_at__isnull=False).count() == 9


# A real SIGKILL needs a database that a second process can open: PostgreSQL (CI runs the suite on it).
KILL_SCRIPT = """
import os, signal, django
django.setup()
from lg_portal import outbox
real_send = outbox.send_one
def send_then_die(message):
    real_send(message)
    os.kill(os.getpid(), signal.SIGKILL)
outbox.send_one = send_then_die
outbox.flush()
"""


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_killed_with_sigkill_while_sending_leaves_no_duplicate(settings, tmp_path, mailoutbox):
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("a second process cannot open the in-memory SQLite test database")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    queue(UserFactory(), key="fault:sigkill")
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "EMAIL_URL": f"filemail:///{tmp_path}",
           "DJANGO_SETTINGS_MODULE": "lg_portal.settings", "CELERY_TASK_ALWAYS_EAGER": "false"}
    worker = subprocess.run([sys.executable, "-c", KILL_SCRIPT], env=env, cwd=django_settings.BASE_DIR,  # noqa: S603
                            capture_output=True, timeout=60, check=False)
    assert worker.returncode == -signal.SIGKILL, worker.stderr.decode()[-2000:]
    written = list(Path(tmp_path).iterdir())
    assert len(written) == 1  # the mail "server" has it once

    for step in range(1, 4):  # the beat keeps flushing every minute; the lease runs out
        outbox.flush(now=timezone.now() + LEASE * step)
    assert len(mailoutbox) == 0
    assert OutboxMessage.objects.get(key="fault:sigkill").claim == outbox.HELD
