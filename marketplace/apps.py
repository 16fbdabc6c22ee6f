from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketplaceConfig(AppConfig):
    name = "marketplace"
    verbose_name = _("Beursvloer")

    def ready(self):
        from datetime import timedelta

        from lg_portal import registry

        from . import demo, panels, tasks

        registry.HOME_PANELS.register(panels.home_panels, order=50)
        registry.NAV_ITEMS.register_all([registry.NavItem(*item) for item in panels.NAV_ITEMS], start=50)
        registry.DEMO_SEEDERS.register(demo.seed, order=50)
        registry.JOBS.register(registry.Job(
            "marketplace-follow-ups", tasks.follow_ups_run, timedelta(hours=1),
            "ask both parties of each match, N weeks after the marketplace, whether it happened (hourly)"))
