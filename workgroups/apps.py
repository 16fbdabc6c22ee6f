from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Werkgroepen")

    def ready(self):
        from lg_portal import registry

        from . import demo, panels, services

        registry.HOME_PANELS.register(panels.home_panels, order=20)
        for order, (url_name, label) in enumerate(panels.NAV_ITEMS, start=20):
            registry.NAV_ITEMS.register(registry.NavItem(url_name, label), order=order)
        registry.ROLES_CHANGED.register(services.core_group_keep_in_step)
        registry.MEMBERSHIP_FORGET.register(services.memberships_forget)
        registry.DEMO_SEEDERS.register(demo.seed, order=20)
