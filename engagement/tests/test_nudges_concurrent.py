"""Two scans at the same moment (two beat deliveries, a worker and an operator's send_nudges) send one
nudge. Needs real concurrent transactions: PostgreSQL."""

import threading
from unittest import mock

import pytest
import time_machine
from django.db import connection

from engagement import jobs
from engagement.models import Nudge
from lg_portal import outbox

from .drift_factories import NOW, member, plenary

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions (PostgreSQL)"),
]


def run_at_once(n, fn):
    errors = []

    def work():
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors, errors


def test_two_scans_at_once_send_one_nudge(community, facilitator, settings, mailoutbox):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    away = member(community)
    plenary(community, days_ago=40)
    plenary(community, days_ago=10)
    both_read = threading.Barrier(2, timeout=10)
    real = jobs.plenaries_around

    def meetings_after_both_read(*args, **kwargs):
        both_read.wait()  # both scans have read the nudge history: both think the person is due
        return real(*args, **kwargs)

    results = []

    def scan():
        with time_machine.travel(NOW, tick=False):
            results.append(jobs.nudges_send(now=NOW))
            outbox.flush(now=NOW)

    with mock.patch.object(jobs, "plenaries_around", meetings_after_both_read):
        run_at_once(2, scan)
    assert sorted(results) == [(0, 1), (1, 0)]
    assert Nudge.objects.filter(membership=away).count() == 1
    assert len(mailoutbox) == 1

    results.clear()
    run_at_once(2, scan)  # and twice more, later: nothing new
    assert results == [(0, 1), (0, 1)] and len(mailoutbox) == 1
