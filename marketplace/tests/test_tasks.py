"""The beat schedule names the follow-up task, and the task is importable by that name."""

from celery import current_app

from lg_portal.celery import app
from lg_portal.registry import jobs_by_name
from marketplace import tasks


def test_follow_up_task_is_scheduled_and_registered():
    job = jobs_by_name()["marketplace-follow-ups"]
    assert job.task is tasks.follow_ups_run
    assert job.task.name == "marketplace.tasks.follow_ups_run"
    app.finalize()
    assert app.conf.beat_schedule["marketplace-follow-ups"]["task"] == job.task.name
    assert job.task.name in current_app.tasks
