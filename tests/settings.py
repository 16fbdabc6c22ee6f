"""The suite's settings: the portal's own, read as `make run` reads them. With no environment the
portal's settings start with DEBUG off and refuse the demo key; the suite asks for DEBUG as `make run`
does (unless the environment says otherwise). pytest-django turns DEBUG off again while a test runs.
Subprocesses the tests start inherit the variable."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")

from lg_portal.settings import *  # noqa: E402, F403
