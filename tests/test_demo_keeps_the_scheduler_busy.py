"""A fresh `make run` shows the scheduler at work within minutes, whatever the time of day the demo is
loaded: a demo meeting lies inside its reminder window, and two demo members drift away and are due a
nudge. Every job of beat's schedule runs by hand too (`run_job`)."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from lg_portal import registry
from lg_portal.models import OutboxMessage

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("hour_minute", [(0, 5), (12, 0), (23, 55)])
def test_a_fresh_demo_has_reminders_and_nudges_due_at_any_hour(hour_minute):
    with time_machine.travel(datetime(2026, 12, 2, *hour_minute, tzinfo=AMSTERDAM), tick=True):
        call_command("seed_demo", stdout=StringIO())
        out = StringIO()
        for job in registry.JOBS:
            call_command("run_job", job.name, stdout=out)
    done = dict(line.split(": ", 1) for line in out.getvalue().splitlines())
    assert set(done) == {job.name for job in registry.JOBS} == set(registry.beat_schedule())
    assert OutboxMessage.objects.filter(kind="meeting_reminder").count() >= 2
    nudged = set(OutboxMessage.objects.filter(kind="nudge").values_list("to", flat=True))
    assert nudged == {"thijs@demo.example", "peter@demo.example"}
