from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "lg_portal"
    verbose_name = "LG Portal"

    def ready(self):
        from datetime import timedelta

        from celery.schedules import crontab
        from django.db.models import fields

        from .common.forms import EMPTY_CHOICE

        fields.BLANK_CHOICE_LABEL = EMPTY_CHOICE

        from . import purge, registry, tasks
        from .common import once

        registry.PURGES.register(purge.outbox_purge)
        registry.PURGES.register(once.forget_old)
        registry.JOBS.register(registry.Job(
            "outbox", tasks.outbox_flush, timedelta(minutes=1),
            "send the queued emails, one per person, each at most once (every minute)"))
        registry.JOBS.register(registry.Job(
            "purge", tasks.purge_old_logs, crontab(minute=30, hour=3, day_of_week="sun"),
            "forget emails and logs older than a year (Sunday 03:30 UTC)"))
