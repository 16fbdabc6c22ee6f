from datetime import timedelta

SCHEDULE = {
    "outbox-flush": {"task": "lg_portal.tasks.outbox_flush", "schedule": timedelta(minutes=1)},
}
