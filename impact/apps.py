from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    """Return (rendement): expectations, the ledger, who found whom, contributions and costs,
    dare-to-ask, the dashboard, the exports, and ending a period with its harvest."""

    name = "impact"
    verbose_name = _("Rendement")

    def ready(self):
        from lg_portal import registry

        from . import demo, panels, services

        registry.HOME_PANELS.register(panels.home_panels, order=35)
        registry.NAV_ITEMS.register_all([registry.NavItem(*item) for item in panels.NAV_ITEMS], start=40)
        registry.DEMO_SEEDERS.register(demo.seed, order=60)
        registry.ACCOUNT_FORGET.register(services.harvests_forget_name)
