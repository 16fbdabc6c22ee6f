from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessen")

    def ready(self):
        from datetime import timedelta

        from lg_portal import registry

        from . import demo, panels, tasks

        registry.HOME_PANELS.register(panels.home_panels, order=30)
        registry.NAV_ITEMS.register_all([registry.NavItem(*item) for item in panels.NAV_ITEMS], start=30)
        registry.ACTIVITY_SECTIONS.register("lessons/_activity_look_back.html")
        registry.DEMO_SEEDERS.register(demo.seed, order=40)
        registry.JOBS.register(registry.Job(
            "reflection-reminders", tasks.reflection_reminders_send, timedelta(hours=1),
            "ask who took part in an activity one to three days ago to look back on it (hourly)"))
