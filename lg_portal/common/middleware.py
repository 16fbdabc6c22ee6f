import logging

from django.db import DatabaseError, InterfaceError, OperationalError

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
