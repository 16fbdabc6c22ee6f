"""The compass's drift check ("notice who drifts away and catch them up"), registered on
lessons' compass from EngagementConfig.ready(). It counts, and for the facilitators names, exactly the
people the catch-up list and the home panel count: all three read engagement.selectors.drifting_people."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lessons.checks import ATTENTION, OK, UNKNOWN, CheckResult

from .selectors import drifting_people


def _running(community, today) -> bool:
    return community.stopped_at is None and community.starts_on <= today <= community.ends_on


def drift_check(*, community, now, members) -> list[CheckResult]:
    if not _running(community, timezone.localdate(now)):
        return [CheckResult("drift", UNKNOWN, _(
            "De gemeenschap loopt nu niet; het portaal zoekt alleen wegzakkers in een lopende gemeenschap."))]
    people = drifting_people(community=community, now=now)
    if not people:
        return [CheckResult("drift", OK, _("Niemand lijkt weg te zakken."),
                            evidence_url=reverse("catch_up", args=[community.slug]),
                            evidence_label=_("Naar de bijpraatlijst"), evidence_for="facilitate")]
    names = [p.membership.user.name for p in people]
    # Every member sees how many; who they are is on the facilitators' catch-up list, and so here only
    # for them (not in the harvest either).
    evidence = ngettext(
        "%(count)s persoon zakt mogelijk weg; de procesbegeleiders praten hem of haar bij.",
        "%(count)s mensen zakken mogelijk weg; de procesbegeleiders praten ze bij.",
        len(names)) % {"count": len(names)}
    # The evidence is the catch-up list, which only facilitators may open (lessons.checks.CheckResult).
    return [CheckResult("drift", ATTENTION, evidence, details=names,
                        for_facilitators=_("Wie: %(names)s.") % {"names": ", ".join(names)},
                        evidence_url=reverse("catch_up", args=[community.slug]),
                        evidence_label=_("Naar de bijpraatlijst"), evidence_for="facilitate")]
