from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Answer

NAV_LABEL = _("Bijeenkomsten")


def home_panels(request) -> list[dict]:
    """On the community home: first the viewer's next meeting with its RSVP buttons and any request to
    host (a `first` panel: the member's next step), then the coming meetings that concern them (not
    another workgroup's) and recent ones. Three queries."""
    membership = request.membership
    now = timezone.now()
    upcoming = list(selectors.with_agenda_days(
        selectors.meetings_for_member(membership=membership, when="invited", now=now))[:3])
    following = next((m for m in upcoming if m.cancelled_at is None and m.starts_at > now), None)
    host_requests = selectors.pending_host_requests(membership=membership)
    panels = []
    if following is not None or host_requests:
        moments = selectors.agenda_moments_of(following) if following is not None else None
        panels.append({
            "template": "meetings/_home_next.html", "first": True,
            "next_meeting": following, "next_answers": Answer.choices,
            "next_agenda_open_until": moments.deadline if moments and moments.open_at(now) else None,
            "meetings_host_requests": host_requests,
        })
    panels.append({
        "template": "meetings/_home_panel.html",
        "meetings_upcoming": upcoming,
        "meetings_recent": list(selectors.meetings_for_member(membership=membership, when="past", limit=3)),
    })
    return panels
