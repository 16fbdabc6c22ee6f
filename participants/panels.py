"""What the participants app adds to the community home and the personal settings page (registered
in lg_portal.common.panels)."""

from django.utils import timezone

from . import drift


def home_panels(request) -> list[dict]:
    """For facilitators: how many people may be drifting away, with a link to the catch-up list.
    One query; nothing for others."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.can_facilitate:
        return []
    count = len(drift.drifting(community=request.community, now=timezone.now()))
    return [{"template": "participants/nudges/_home_panel.html", "catch_up_count": count}]


# The catch-up list is for facilitators only, so it is reached from their home panel, not the menu
# everyone sees.
NAV_ITEMS = []

SETTINGS_TEMPLATES = ["participants/nudges/_settings_email.html"]
