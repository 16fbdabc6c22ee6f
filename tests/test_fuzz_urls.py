"""No 500 on bad input in a URL (issue 17): every URL pattern of the portal and of allauth is asked for
with malformed and extreme path segments (huge numbers, unicode, markup, other communities' ids) and
malformed query parameters (dates far in the future, pages that are not numbers, unknown kinds), as
an anonymous visitor and as a facilitator, by GET and by POST. Whatever comes in, the answer is a page,
a redirect, 400, 403, 404 or 405: never a server error.

Hypothesis draws the inputs (derandomised in CI, so a run is reproducible); each pattern gets its own
examples, and the test counts the requests and the patterns it drove."""

import os
import re
from functools import cache as memoize

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.tests.factories import MeetingFactory
from participants.tests.factories import CommunityFactory, MembershipFactory
from workgroups.tests.factories import WorkgroupFactory

pytestmark = pytest.mark.django_db
CI = os.environ.get("CI") == "true"
SKIP_PREFIXES = ("admin/", "static/", "dev/")  # Django's own admin; static files; the dev mailbox
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
PARAMS = ["page", "kind", "when", "state", "workgroup", "format", "next", "date", "year", "month", "week",
          "day", "q", "scope", "suggestion", "to", "answer", "from", "reopen", "token"]


def _patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route.lstrip("^").rstrip("$")


@memoize
def all_routes() -> list[str]:
    routes = sorted({r for r in _patterns() if not r.startswith(SKIP_PREFIXES) and "(?P" not in r})
    assert len(routes) > 80, routes
    return routes


huge = st.sampled_from(["99999999999999999999999", "2147483648", "9223372036854775808", "0", "-1", "00"])
texty = st.one_of(
    st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and "?" not in s and "#" not in s),
    st.sampled_from(["<script>", "%00", "..", "ä", "🙂", " ", "a" * 300, "null", "NaN", "1e309", "'\"", "%ff"]),
)


def _segment(kind: str, name: str, real: dict):
    if kind == "int":
        return st.one_of(huge, st.integers(min_value=0, max_value=10**12).map(str), st.just(str(real["pk"])))
    if kind == "slug":
        return st.one_of(st.just(real["slug"]), st.just(real["other_slug"]),
                         st.from_regex(r"[-a-zA-Z0-9_]{1,80}", fullmatch=True))
    return st.one_of(texty, st.just(real["slug"]))


def _query():
    value = st.one_of(texty, huge, st.sampled_from(["99999-12-31", "2026-02-30", "0000-00-00", "xlsx", "csv",
                                                    "//evil.example", "http://evil.example/", "yes", "all"]))
    return st.dictionaries(st.sampled_from(PARAMS), value, max_size=4)


@pytest.fixture
def world(db):
    community = CommunityFactory(slug="lg-fuzz", name="LG Fuzz")
    other = CommunityFactory(slug="lg-ander", name="LG Ander")
    facilitator = MembershipFactory(community=community, is_facilitator=True, is_participant=False)
    MembershipFactory(community=other, is_facilitator=True)
    WorkgroupFactory(community=community)
    meeting = MeetingFactory(community=community)
    client = Client(raise_request_exception=False)
    client.force_login(facilitator.user)
    return {"slug": community.slug, "other_slug": other.slug, "pk": meeting.pk,
            "clients": {"anonymous": Client(raise_request_exception=False), "facilitator": client}}


def _drive(route, world, data, counts):
    names = CONVERTER.findall(route)
    path = route
    for kind, name in names:
        segment = data.draw(_segment(kind or "str", name, world), label=name)
        path = CONVERTER.sub(segment.replace("\\", "\\\\"), path, count=1)
    query = data.draw(_query(), label="query")
    who = data.draw(st.sampled_from(["anonymous", "facilitator"]), label="who")
    method = data.draw(st.sampled_from(["get", "post"]), label="method")
    client = world["clients"][who]
    url = "/" + path
    if method == "get":
        response = client.get(url, query)
    else:
        response = client.post(url, query)
    counts["requests"] += 1
    assert response.status_code < 500, f"{method.upper()} {url} {query} as {who}: {response.status_code}"


@pytest.mark.parametrize("chunk", range(4))
def test_no_url_and_no_parameter_gives_a_server_error(world, chunk):
    routes = all_routes()[chunk::4]
    counts = {"requests": 0}
    examples = int(os.environ.get("LG_FUZZ_EXAMPLES", 10 if CI else 6))

    def driver(route):
        @settings(max_examples=examples, deadline=None, derandomize=CI, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
        @given(data=st.data())
        def drive(data):
            _drive(route, world, data, counts)

        return drive

    for route in routes:
        driver(route)()
    assert counts["requests"] >= len(routes) * 2
