import importlib
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lg_portal.settings")

app = Celery("lg_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# The beat schedule lives in code: each app may have a `beat.py` with a SCHEDULE dict (no model
# imports there). Run exactly one beat.
BEAT_MODULES = ["lg_portal.beat", "participants.beat", "meetings.beat", "workgroups.beat", "lessons.beat", "marketplace.beat"]
schedule = {}
for name in BEAT_MODULES:
    try:
        schedule.update(importlib.import_module(name).SCHEDULE)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
app.conf.beat_schedule = schedule
