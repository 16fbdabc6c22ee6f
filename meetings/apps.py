from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Bijeenkomsten")

    def ready(self):
        from datetime import timedelta

        from lg_portal import registry

        from . import demo, panels, selectors, services, tasks

        registry.HOME_PANELS.register(panels.home_panels, order=10)
        registry.NAV_ITEMS.register(registry.NavItem("meeting_list", panels.NAV_LABEL), order=10)
        registry.SETTINGS_SECTIONS.register("meetings/_settings_calendar.html", order=20)
        registry.WORKGROUP_ANNOTATIONS.register(selectors.with_next_meeting)
        registry.WORKGROUP_FACTS.register("meetings/_workgroup_next_meeting.html")
        registry.WORKGROUP_ACTIONS.register("meetings/_workgroup_actions.html")
        registry.DEMO_SEEDERS.register(demo.seed, order=30)
        registry.MEMBERSHIP_FORGET.register(services.memberships_forget)
        registry.JOBS.register(registry.Job(
            "agendas", tasks.agenda_send_due, timedelta(minutes=15),
            "send each meeting's agenda, personally, N days before (every 15 minutes)"))
        registry.JOBS.register(registry.Job(
            "reminders", tasks.reminders_send_due, timedelta(minutes=15),
            "remind who comes, and ask who has not answered, N hours before (every 15 minutes)"))
