from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    """Return (rendement): expectations, the ledger, who found whom, contributions and costs,
    dare-to-ask, the dashboard, the exports, and ending a period with its harvest."""

    name = "impact"
    verbose_name = _("Rendement")

    def ready(self):
        from lg_portal import registry

        from . import demo, panels

        registry.HOME_PANELS.register(panels.home_panels, order=35)
        for order, (url_name, label) in enumerate(panels.NAV_ITEMS, start=40):
            registry.NAV_ITEMS.register(registry.NavItem(url_name, label), order=order)
        registry.DEMO_SEEDERS.register(demo.seed, order=60)
