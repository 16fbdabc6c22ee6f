from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Deelnemers")

    def ready(self):
        from lg_portal import registry

        registry.SETTINGS_SECTIONS.register("participants/_settings_email.html", order=10)
