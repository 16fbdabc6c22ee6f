from datetime import timedelta

from celery.schedules import crontab

SCHEDULE = {
    "outbox-flush": {"task": "lg_portal.tasks.outbox_flush", "schedule": timedelta(minutes=1)},
    # Sunday 03:30 UTC: forget emails and nudge/alert logs older than a year (lg_portal.purge).
    "purge-old-logs": {"task": "lg_portal.tasks.purge_old_logs",
                       "schedule": crontab(minute=30, hour=3, day_of_week="sun")},
}
