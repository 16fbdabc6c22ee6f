import os
from pathlib import Path

from celery import Celery
from celery.signals import beat_init, celeryd_init

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
    _local_folders()  # before beat opens its schedule file (beat_init comes too late for that)


@celeryd_init.connect
@beat_init.connect
def _local_folders(**kwargs):
    """The folders the worker and beat keep on disk (settings.VAR_DIR): beat's schedule file and, without
    Redis, the embedded broker's queue. Made as they start, not when the settings are read, so a
    read-only checkout still runs `manage.py` commands."""
    from django.conf import settings

    folders = {Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent}
    if settings.CELERY_BROKER_URL.startswith("filesystem://"):
        options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        folders |= {Path(options[name]) for name in ("data_folder_in", "data_folder_out", "control_folder")}
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:  # a read-only checkout running manage.py: only the worker and beat need them
            pass
