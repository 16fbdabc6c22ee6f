"""What the impact app adds to the community home (registered from ImpactConfig.ready())."""

from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Harvest


def home_panels(request) -> list[dict]:
    """Return (rendement) on the community home: my expectation (or a prompt to give it), the spread's
    warning, totals per kind, and after a stop the harvest. Six queries."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    community = request.community
    return [{"template": "impact/_home_returns.html",
             "returns_mine": selectors.expectation_of(membership=membership),
             "returns_warnings": selectors.expectation_spread(community=community)["warnings"],
             "returns_totals": selectors.return_totals(community=community),
             "returns_last_harvest": Harvest.objects.filter(community=community).order_by("-decided_at").first()}]


NAV_ITEMS = [
    ("lessons_returns", _("Rendement")),
    ("dashboard_community", _("Dashboard")),
]
