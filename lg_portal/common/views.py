import os
import sys
from pathlib import Path

from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache


def _check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return f"down: {exc.__class__.__name__}"


def _check_cache():
    try:
        cache.set("healthz", "1", 5)
        return "ok" if cache.get("healthz") == "1" else "down: no value"
    except Exception as exc:  # noqa: BLE001
        return f"down: {exc.__class__.__name__}"


def _check_broker():
    from django.conf import settings

    if not settings.REDIS_URL:  # the embedded broker: a folder the web, the worker and beat share
        queue = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        return "ok (filesystem)" if queue.is_dir() and os.access(queue, os.W_OK) else "down: no writable queue folder"
    try:
        import redis

        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except Exception as exc:  # noqa: BLE001
        return f"down: {exc.__class__.__name__}"


@never_cache
def healthz(request):
    state = {"database": _check_database(), "cache": _check_cache(), "broker": _check_broker()}
    status = 200 if state["database"] == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "unavailable", **state}, status=status)


def database_down(request):
    # Rendered without the base template: that would ask the database who is logged in.
    html = loader.render_to_string("503.html", {"LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "nl")})
    response = HttpResponseServerError(html, status=503)
    response["Retry-After"] = "30"
    return response


def server_error(request):
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        return database_down(request)
    html = loader.render_to_string("500.html", {"LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "nl")})
    return HttpResponseServerError(html)
