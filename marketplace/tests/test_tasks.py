"""The beat schedule names the follow-up task, and the task is importable by that name."""

from celery import current_app

from lg_portal.celery import app
from marketplace.beat import SCHEDULE


def test_follow_up_task_is_scheduled_and_registered():
    entry = SCHEDULE["marketplace-follow-ups"]
    assert entry["task"] == "marketplace.tasks.follow_ups_run"
    assert app.conf.beat_schedule["marketplace-follow-ups"]["task"] == entry["task"]
    import marketplace.tasks  # noqa: F401

    assert entry["task"] in current_app.tasks
