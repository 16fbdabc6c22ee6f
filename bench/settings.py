"""The portal's own settings, plus a minimal view to compare throughput with."""

import os

# The benchmark runs production settings (DEBUG off) on this machine: a key and an address of its own.
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "not-a-secret-" * 4)
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")

from lg_portal.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["*"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Pages are measured without collectstatic: plain static URLs.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
