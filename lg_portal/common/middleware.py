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
