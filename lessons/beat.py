from datetime import timedelta

SCHEDULE = {
    "lessons-reflection-reminders": {"task": "lessons.tasks.reflection_reminders_send",
                                     "schedule": timedelta(hours=1)},
}
