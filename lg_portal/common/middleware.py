import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.utils.cache import patch_cache_control

from .views import database_down

logger = logging.getLogger(__name__)


class DatabaseDownMiddleware:
    """When the database cannot be reached, answer 503 with a friendly page, not a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            type(exception) is DatabaseError
        ):
            logger.error("database unavailable: %s", exception)
            return database_down(request)
        return None


class PrivateByDefaultMiddleware:
    """A page for a logged-in person is theirs alone: unless the view said otherwise (a calendar that
    may be revalidated says `private, no-cache`), nothing behind the login (pages, exports, the data
    export) is stored by a browser's back-forward cache on a shared computer, or by any proxy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if not response.has_header("Cache-Control") and user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class RefuseNulMiddleware:
    """A NUL byte has no place in a URL, and PostgreSQL refuses it in text: a request with one in its
    path or its query string answers 400 with a page in the user's language, before any view looks it
    up (a token, a slug, a filter). Forms handle it themselves, with a message at the field (what was
    typed stays)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or "\x00" in request.META.get("QUERY_STRING", "") or any(
                "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()):
            from django.shortcuts import render

            return render(request, "400.html", status=400)
        return self.get_response(request)
