from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Werkgroepen")

    def ready(self):
        from lg_portal import registry

        from . import demo, panels, services

        registry.HOME_PANELS.register(panels.home_panels, order=20)
        registry.NAV_ITEMS.register_all([registry.NavItem(*item) for item in panels.NAV_ITEMS], start=20)
        registry.ROLES_CHANGED.register(services.core_group_keep_in_step)
        registry.MEMBERSHIP_FORGET.register(services.memberships_forget)
        registry.DEMO_SEEDERS.register(demo.seed, order=20)
