from django.utils.translation import gettext_lazy as _


def home_panels(request) -> list[dict]:
    """On the community home: the reflections waiting for me (2 queries) and the compass's own checks
    (a fixed handful of queries)."""
    from . import checks, selectors

    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    results = _checks_summary(request.community)
    return [
        {"template": "lessons/_home_reflections.html",
         "lessons_due": selectors.reflections_due_for(membership=membership, limit=5)},
        {"template": "lessons/_home_compass.html",
         "lessons_checks_attention": [r for r in results if r.state == checks.ATTENTION],
         "lessons_checks_ok": sum(1 for r in results if r.state == checks.OK),
         "lessons_checks_total": len(results)},
        _returns_panel(request),
    ]


CHECKS_CACHE_SECONDS = 60


def _checks_summary(community) -> list:
    """The compass's checks for the home page. They read a dozen tables, and the home page is the most
    visited page: a summary up to a minute old is fine there (the compass page itself is always live)."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    from . import selectors

    key = f"lessons:home-checks:{community.pk}:{get_language()}"
    results = cache.get(key)
    if results is None:
        results = list(selectors.compass_checks(community=community).values())
        cache.set(key, results, CHECKS_CACHE_SECONDS)
    return results


def _returns_panel(request) -> dict:
    """Return (rendement) on the community home: my expectation (or a prompt to give it), the spread's
    warning, totals per kind, and after a stop the harvest. Six queries."""
    from . import returns
    from .models import Harvest

    community = request.community
    return {"template": "lessons/_home_returns.html",
            "returns_mine": returns.expectation_of(membership=request.membership),
            "returns_warnings": returns.expectation_spread(community=community)["warnings"],
            "returns_totals": returns.return_totals(community=community),
            "returns_last_harvest": Harvest.objects.filter(community=community).order_by("-decided_at").first()}


# Entries for the community menu: (url name taking the community slug, label).
NAV_ITEMS = [
    ("lessons_compass", _("Wegwijzer")),
    ("lessons_reflections", _("Reflecties")),
    ("lessons_returns", _("Rendement")),
    ("dashboard_community", _("Dashboard")),
]

# Templates included on the personal settings page.
SETTINGS_TEMPLATES = []
