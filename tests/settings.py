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
    _path = _url.path.strip("/")
    # gw0 keeps the database it was given, gw1 the next one, and so on; never one outside 0-15, never
    # one the URL did not lead to (the tests empty their cache).
    _db = int(_path) + int(_worker[2:]) if _url.scheme in ("redis", "rediss") and _path.isdigit() else None
    if _db is None or _db > 15:
        raise RuntimeError(f"with pytest-xdist, REDIS_URL must name a database number low enough for one per "
                           f"worker (redis://host:6379/10); got {REDIS_URL!r} for worker {_worker}")
    REDIS_URL = urlunsplit(_url._replace(path=f"/{_db}"))
    CACHES = {**CACHES, "fast": {**CACHES["fast"], "LOCATION": REDIS_URL}}
    CELERY_BROKER_URL = REDIS_URL

# Uploads (a community's logo) in a folder of this test run, never in the checkout's var/.
import tempfile  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="lg-test-media-")
