from pathlib import Path

from allauth.account.decorators import secure_admin_login
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.module_loading import module_has_submodule

from lg_portal.common.views import healthz

handler500 = "lg_portal.common.views.server_error"

# The admin has no login form of its own: it sends to the portal's login, with its rate limits.
admin.site.login = secure_admin_login(admin.site.login)


def _portal_app_urls():
    """Each of the portal's own apps (the folders at the project's top, this one aside) that has a urls
    module, in the order of INSTALLED_APPS: no list of app names to keep here."""
    return [path("", include(f"{config.name}.urls")) for config in apps.get_app_configs()
            if Path(config.path).parent == settings.BASE_DIR and config.name != __package__
            and module_has_submodule(config.module, "urls")]


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The demo's mailbox: 404 unless DEBUG (lg_portal.mailbox).
    path("dev/mailbox/", include("lg_portal.mailbox")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    *_portal_app_urls(),
]
