"""Beat entries for drift, nudges, unanswered posts and the weekly digest (no model imports here)."""

from celery.schedules import crontab

SCHEDULE = {
    "participants-nudges": {"task": "participants.tasks.nudges_scan", "schedule": crontab(minute=7)},
    "participants-unanswered": {"task": "participants.tasks.unanswered_alerts", "schedule": crontab(minute=37)},
    # Monday 07:00 UTC: the digest is there when people start their week.
    "participants-digest": {"task": "participants.tasks.digest_weekly",
                            "schedule": crontab(minute=0, hour=7, day_of_week="mon")},
}
