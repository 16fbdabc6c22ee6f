import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lg_portal.settings")

app = Celery("lg_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The beat schedule lives in code; each app adds its own entries in its tasks module.
app.conf.beat_schedule = {}
