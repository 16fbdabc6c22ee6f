from django.http import HttpResponse
from django.urls import include, path


def ping(request):
    """The reference: the least a Django view on the same server and settings can do."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ping", ping), path("", include("lg_portal.urls"))]
