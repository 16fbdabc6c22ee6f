from django.utils.translation import gettext_lazy as _

from . import selectors

NAV_LABEL = _("Bijeenkomsten")


def home_panels(request) -> list[dict]:
    """Upcoming and recent meetings on the community home, and any open request to host (3 queries)."""
    membership = request.membership
    return [{
        "template": "meetings/_home_panel.html",
        "meetings_upcoming": list(selectors.meetings_for_member(membership=membership, when="upcoming", limit=3)),
        "meetings_recent": list(selectors.meetings_for_member(membership=membership, when="past", limit=3)),
        "meetings_host_requests": selectors.pending_host_requests(membership=membership),
    }]
