"""One function per impact email: queued in the outbox (one per person, in their language) in the
caller's transaction; the key says what it is about, so nothing is queued twice."""

from django.urls import reverse

from lg_portal.common.links import absolute
from participants.emails import to_active_members


def harvest_ready(*, harvest) -> int:
    """Tell every active member what was decided at the end of the period, with a link to the harvest."""
    community = harvest.community
    # The key's prefix predates the impact app: a harvest told before the move is not told again.
    return to_active_members(
        community=community, key=f"lessons:harvest:{harvest.pk}", kind="harvest_ready", template="harvest_ready",
        context={"harvest": harvest, "url": absolute(reverse("lessons_harvest", args=[community.slug, harvest.pk]))})
