from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """Drift scan, nudges and answers, the catch-up list and its contacts, unanswered-post alerts, the
    weekly digest. Built on every app below it; registers what they show of it."""

    name = "engagement"
    verbose_name = _("Betrokkenheid")

    def ready(self):
        from celery.schedules import crontab

        from lg_portal import registry

        from . import checks, demo, jobs, panels, tasks

        registry.HOME_PANELS.register(panels.home_panels, order=5)
        registry.COMPASS_CHECKS.register(checks.drift_check)
        registry.DEMO_SEEDERS.register(demo.seed, order=90)  # last: it looks at what the others made
        registry.PURGES.register(jobs.logs_purge)
        registry.JOBS.register(registry.Job(
            "nudges", tasks.nudges_scan, crontab(minute=7),
            "the drift scan, and a personal nudge to who is due (hourly)"))
        registry.JOBS.register(registry.Job(
            "unanswered-alerts", tasks.unanswered_alerts, crontab(minute=37),
            "tell a group about a question nobody answered in three days (hourly)"))
        registry.JOBS.register(registry.Job(
            "digest", tasks.digest_weekly, crontab(minute=0, hour=7, day_of_week="mon"),
            "the weekly digest, Monday 07:00 UTC, so it is there when people start their week"))
