import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lg_portal.settings")

app = Celery("lg_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _beat_schedule(sender, **kwargs):
    """Beat's schedule lives in code: the jobs each app registers from its AppConfig.ready() (see
    lg_portal.registry.JOBS). Celery finalizes after Django's set-up, so they are all there. Run
    exactly one beat."""
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from lg_portal.registry import beat_schedule

    sender.conf.beat_schedule = beat_schedule()
