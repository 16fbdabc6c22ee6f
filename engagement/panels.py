"""What the engagement app adds to the community home (registered from EngagementConfig.ready())."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import NudgeAnswer
from .selectors import drifting_count, nudge_token, nudge_waiting_for


def home_panels(request) -> list[dict]:
    """For whoever got a nudge that waits for an answer: the three answers, first on the home (one
    query). For facilitators: how many people may be drifting away, with a link to the catch-up list
    (two queries)."""
    membership = getattr(request, "membership", None)
    if membership is None:
        return []
    now = timezone.now()
    panels = []
    nudge = nudge_waiting_for(membership=membership, now=now)
    if nudge is not None:
        panels.append({"template": "engagement/_home_nudge.html", "first": True,
                       "nudge_links": [(answer, label, nudge_token(nudge, answer)) for answer, label in (
                           (NudgeAnswer.STILL_IN, _("Ik doe nog mee")), (NudgeAnswer.PAUSE, _("Ik wil even pauzeren")),
                           (NudgeAnswer.STEP_OUT, _("Ik stap bewust uit")))]})
    if rules.can_see_catch_up(membership):
        panels.append({"template": "engagement/_home_panel.html",
                       "catch_up_count": drifting_count(community=request.community, now=now)})
    return panels
