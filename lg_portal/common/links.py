"""Links that leave the portal (emails, calendar feeds): absolute, on SITE_URL."""

from django.conf import settings


def absolute(path: str) -> str:
    return settings.SITE_URL + path
