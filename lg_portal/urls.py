from django.contrib import admin
from django.urls import include, path

from lg_portal.common.views import healthz

handler500 = "lg_portal.common.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("meetings.urls")),
    path("", include("workgroups.urls")),
    path("", include("lessons.urls")),
    path("", include("marketplace.urls")),
    path("", include("engagement.urls")),
    path("", include("impact.urls")),
    path("", include("participants.urls")),
]
