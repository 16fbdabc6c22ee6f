from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lg_portal.common.cache import community_version

from . import checks, selectors


def home_panels(request) -> list[dict]:
    """On the community home: the community's goals and its learning goals (1 query), the reflections
    waiting for me (2 queries) and the compass's own checks (a fixed handful of queries, cached)."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    results = _checks_summary(request.community)
    due = selectors.reflections_due_for(membership=membership, limit=5)  # waiting for me: my next step
    return [
        {"template": "lessons/_home_goals.html",
         "lessons_goals": selectors.community_learning_goals(community=request.community)},
        {"template": "lessons/_home_reflections.html", "first": bool(due), "lessons_due": due},
        {"template": "lessons/_home_compass.html",
         "lessons_checks_attention": [r for r in results if r.state == checks.ATTENTION],
         "lessons_checks_ok": sum(1 for r in results if r.state == checks.OK),
         "lessons_checks_total": len(results)},
    ]


CHECKS_CACHE_SECONDS = 60


def _checks_summary(community) -> list:
    """The compass's checks for the home page. They read a dozen tables, and the home page is the most
    visited page: a summary up to a minute old is fine there, and none older than the community's last
    change (its version is in the key; the compass page itself is always live)."""
    key = f"lessons:home-checks:{community.pk}:{community_version(community.pk)}:{get_language()}"
    results = cache.get(key)
    if results is None:
        results = list(selectors.compass_checks(community=community).values())
        cache.set(key, results, CHECKS_CACHE_SECONDS)
    return results


NAV_ITEMS = [
    ("lessons_compass", _("Wegwijzer")),
    ("lessons_reflections", _("Reflecties")),
]
