from datetime import timedelta

SCHEDULE = {
    "meetings-agenda": {"task": "meetings.tasks.agenda_send_due", "schedule": timedelta(minutes=15)},
    "meetings-reminders": {"task": "meetings.tasks.reminders_send_due", "schedule": timedelta(minutes=15)},
}
