"""The suite's settings: the portal's own, read as `make run` reads them. With no environment the
portal's settings start with DEBUG off and refuse the demo key; the suite asks for DEBUG as `make run`
does (unless the environment says otherwise). pytest-django turns DEBUG off again while a test runs.
Subprocesses the tests start inherit the variable.

Under pytest-xdist (`make test` runs two workers) each worker has its own test database (pytest-django
adds the worker's name) and, with REDIS_URL, its own Redis database, so one worker's cache.clear() never
empties the other's rate-limit counters."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from lg_portal.settings import *  # noqa: E402, F403
from lg_portal.settings import CACHES, REDIS_URL  # noqa: E402

_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    from urllib.parse import urlsplit, urlunsplit

    _url = urlsplit(REDIS_URL)
    _db = int(_url.path.strip("/") or 0)
    # gw0 keeps the database it was given, gw1 the one below it, and so on (0-15 exist by default).
    REDIS_URL = urlunsplit(_url._replace(path=f"/{(_db - int(_worker[2:])) % 16}"))
    CACHES = {"default": {**CACHES["default"], "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL
