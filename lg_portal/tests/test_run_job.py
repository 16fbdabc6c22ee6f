"""Every periodic job can be run by hand: `manage.py run_job` lists them, `run_job <name>` runs one now."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from lg_portal import registry
from lg_portal.models import OutboxMessage
from lg_portal.tests.factories import UserFactory


def run(*args) -> str:
    out = StringIO()
    call_command("run_job", *args, stdout=out)
    return out.getvalue()


def test_without_a_name_it_lists_every_registered_job_with_its_schedule():
    listing = run()
    assert len(listing.splitlines()) == len(registry.JOBS) > 5
    for job in registry.JOBS:
        assert any(line.startswith(job.name + " ") and job.help in line for line in listing.splitlines())
    assert "every 1 min" in listing and "cron 30 3 * * sun UTC" in listing


@pytest.mark.django_db
def test_a_job_runs_now_and_says_what_it_did(mailoutbox):
    user = UserFactory()
    OutboxMessage.objects.create(key="test:run-job", kind="test", user=user, to=user.email, subject="S", text="T")
    assert run("outbox") == 'outbox: {"sent": 1, "failed": 0}\n'
    assert run("outbox") == 'outbox: {"sent": 0, "failed": 0}\n'  # twice: sent once
    assert len(mailoutbox) == 1


def test_an_unknown_job_is_refused_with_the_names_of_the_jobs():
    with pytest.raises(CommandError, match="no job named 'no-such-job'; the jobs are: .*outbox"):
        run("no-such-job")


def test_every_job_is_a_portal_task_acknowledged_late_and_retried_with_backoff():
    from lg_portal.tasks import PortalTask

    for job in registry.JOBS:
        task = job.task
        assert isinstance(task, PortalTask), job.name
        assert task.acks_late and task.reject_on_worker_lost and task.max_retries == 5
        assert task.autoretry_for == (Exception,) and task.retry_backoff and task.retry_jitter


def test_every_job_is_on_beats_schedule_under_its_name():
    schedule = registry.beat_schedule()
    assert set(schedule) == {job.name for job in registry.JOBS}
    assert all(entry["task"] == registry.jobs_by_name()[name].task.name for name, entry in schedule.items())


def test_make_run_runs_every_job_every_30_seconds_and_production_keeps_each_jobs_own_schedule(settings):
    from datetime import timedelta

    settings.LG_JOBS_EVERY_SECONDS = 30
    demo = registry.beat_schedule()
    assert {entry["schedule"] for entry in demo.values()} == {timedelta(seconds=30)}
    settings.LG_JOBS_EVERY_SECONDS = 0
    own = registry.beat_schedule()
    assert own["outbox"]["schedule"] == timedelta(minutes=1) and "crontab" in repr(own["digest"]["schedule"])
