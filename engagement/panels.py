"""What the engagement app adds to the community home (registered from EngagementConfig.ready())."""

from django.utils import timezone

from . import rules
from .selectors import drifting_count


def home_panels(request) -> list[dict]:
    """For facilitators: how many people may be drifting away, with a link to the catch-up list.
    Two queries; nothing for others."""
    membership = getattr(request, "membership", None)
    if not rules.can_see_catch_up(membership):
        return []
    count = drifting_count(community=request.community, now=timezone.now())
    return [{"template": "engagement/_home_panel.html", "catch_up_count": count}]
