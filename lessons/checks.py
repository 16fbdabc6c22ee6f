"""The compass checks itself where the portal has the data. Each check is a small pure function that
takes already fetched data and returns its state and the evidence, in words a member understands.
lessons.selectors.compass_checks fetches the data (a fixed number of queries) and calls them."""

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participants.selectors import (
    composition,
    ground_rules_pending,
    group_counts,
    is_active_member,
    is_doer,
    is_thinker,
)

OK = "ok"
ATTENTION = "attention"
UNKNOWN = "unknown"


@dataclass
class CheckResult:
    key: str
    state: str
    evidence: str  # for every member (and kept in the harvest)
    details: list = field(default_factory=list)
    # A sentence only facilitators see beside the evidence (names of people who drift away).
    for_facilitators: str = ""
    # Where the evidence is: a link to the list the check counted (the activities without a
    # reflection, the catch-up list, who has not accepted the ground rules), its words, and who may
    # follow it: "" every member, or a rule on the template's `may` ("coordinate", "facilitate").
    evidence_url: str = ""
    evidence_label: str = ""
    evidence_for: str = ""

    @property
    def ok(self):
        return self.state == OK

    @property
    def state_label(self):
        return {OK: _("In orde"), ATTENTION: _("Verdient aandacht"), UNKNOWN: _("Nog geen gegevens")}[self.state]


def _day(d: date) -> str:
    return date_format(d, "j F Y")


def check_group_size(*, members) -> CheckResult:
    """10-15 participants works best; Hellendoorn's 20-25 made the plenaries passive."""
    size = composition(members=members)["size"]
    low, high = settings.LG_GROUP_SIZE_MIN, settings.LG_GROUP_SIZE_MAX
    evidence = ngettext("%(n)s actieve deelnemer; de gids adviseert %(low)s tot %(high)s.",
                        "%(n)s actieve deelnemers; de gids adviseert %(low)s tot %(high)s.", size) % {
        "n": size, "low": low, "high": high}
    counts = group_counts(members=members)
    supporters = counts["members"] - size
    if supporters:
        # The same people the ground-rules check counts as members: say how the two numbers relate.
        evidence += " " + ngettext(
            "Met %(n)s lid in een ondersteunende rol erbij zijn er %(members)s actieve leden.",
            "Met %(n)s leden in een ondersteunende rol erbij zijn er %(members)s actieve leden.", supporters) % {
            "n": supporters, "members": counts["members"]}
    return CheckResult("group_size", OK if low <= size <= high else ATTENTION, evidence)


def check_duration(*, community) -> CheckResult:
    """At least a year, better one and a half to two."""
    days = community.duration_days
    months = round(days / 30.44)
    evidence = ngettext("De gemeenschap loopt van %(start)s tot %(end)s: ongeveer %(months)s maand.",
                        "De gemeenschap loopt van %(start)s tot %(end)s: ongeveer %(months)s maanden.", months) % {
        "start": _day(community.starts_on), "end": _day(community.ends_on), "months": months}
    return CheckResult("duration", OK if days >= 365 else ATTENTION, evidence)


def check_evaluation(*, community, last_concluded: date | None, today: date, interval_months: int = 6) -> CheckResult:
    """A qualitative intermediate evaluation at least every six months."""
    cutoff = today - relativedelta(months=interval_months)
    if last_concluded and last_concluded >= cutoff:
        return CheckResult("evaluation", OK, _("Laatste tussenevaluatie afgerond op %(date)s.") % {
            "date": _day(last_concluded)})
    if community.starts_on > cutoff:
        first = community.starts_on + relativedelta(months=interval_months)
        return CheckResult("evaluation", OK, _("De eerste tussenevaluatie staat gepland rond %(date)s.") % {
            "date": _day(first)})
    if last_concluded:
        return CheckResult("evaluation", ATTENTION, _(
            "De laatste tussenevaluatie was op %(date)s, meer dan %(n)s maanden geleden.") % {
            "date": _day(last_concluded), "n": interval_months})
    return CheckResult("evaluation", ATTENTION, _(
        "Er is nog geen tussenevaluatie gehouden, terwijl de gemeenschap al sinds %(date)s loopt.") % {
        "date": _day(community.starts_on)})


def check_reflection(*, total: int, missing: int, since: date, evidence_url: str = "") -> CheckResult:
    """A fixed look-back moment after every joint activity. `evidence_url`: the list of the moments
    without a reflection (for the coordinator and the facilitators, who see that list)."""
    if not total:
        return CheckResult("reflection", UNKNOWN, _("Sinds %(since)s zijn er nog geen activiteiten vastgelegd.") % {
            "since": _day(since)})
    if not missing:
        evidence = ngettext("De activiteit sinds %(since)s heeft een reflectie.",
                            "Alle %(total)s activiteiten sinds %(since)s hebben een reflectie.", total) % {
            "total": total, "since": _day(since)}
        return CheckResult("reflection", OK, evidence)
    evidence = ngettext(
        "%(missing)s van %(total)s activiteiten sinds %(since)s heeft geen reflectie.",
        "%(missing)s van %(total)s activiteiten sinds %(since)s hebben geen reflectie.", missing) % {
        "missing": missing, "total": total, "since": _day(since)}
    return CheckResult("reflection", ATTENTION, evidence, evidence_url=evidence_url, evidence_for="coordinate",
                       evidence_label=_("Bekijk de activiteiten zonder reflectie"))


def workgroup_mix(members) -> str | None:
    """Why a workgroup is one-sided, or None when it mixes sectors and thinkers with doers."""
    sectors = {m.sector for m in members if m.sector}
    if len(sectors) < 2:
        return _("één sector")
    if not any(is_doer(m) for m in members):
        return _("geen doeners")
    if not any(is_thinker(m) for m in members):
        return _("alleen doeners")
    return None


def check_mixed_workgroups(*, workgroups: list[tuple[str, list]]) -> CheckResult:
    """workgroups: (name, active members) for each open workgroup. All-doer or all-thinker groups fail."""
    judged = [(name, workgroup_mix(members)) for name, members in workgroups if len(members) >= 2]
    if not judged:
        return CheckResult("mixed_workgroups", UNKNOWN, _("Er zijn nog geen werkgroepen met twee of meer leden."))
    one_sided = [(name, why) for name, why in judged if why]
    if not one_sided:
        return CheckResult("mixed_workgroups", OK, ngettext(
            "De werkgroep is gemengd: verschillende sectoren, denkers en doeners.",
            "Alle %(n)s werkgroepen zijn gemengd: verschillende sectoren, denkers en doeners.", len(judged)) % {
            "n": len(judged)})
    evidence = ngettext("%(n)s van %(total)s werkgroepen is eenzijdig: %(list)s.",
                        "%(n)s van %(total)s werkgroepen zijn eenzijdig: %(list)s.", len(one_sided)) % {
        "n": len(one_sided), "total": len(judged),
        "list": "; ".join(f"{name} ({why})" for name, why in one_sided)}
    return CheckResult("mixed_workgroups", ATTENTION, evidence, details=[name for name, _why in one_sided])


def check_ground_rules(*, community, members, evidence_url: str = "", rules_url: str = "") -> CheckResult:
    """Ground rules agreed together and accepted by everyone (a gentlemen's agreement). The same
    people as the home's list of who has not accepted them (participants' ground_rules_pending),
    which `evidence_url` points to."""
    if not community.ground_rules.strip():
        return CheckResult("ground_rules", ATTENTION, _("Er zijn nog geen spelregels vastgelegd."),
                           evidence_url=rules_url, evidence_label=_("Leg de spelregels vast"),
                           evidence_for="facilitate")
    active = [m for m in members if is_active_member(m)]
    pending = ground_rules_pending(members=members)
    if not pending:
        return CheckResult("ground_rules", OK, _("Alle %(n)s actieve leden hebben de spelregels geaccepteerd.") % {
            "n": len(active)}, evidence_url=evidence_url, evidence_label=_("Bekijk de spelregels"))
    evidence = _("%(n)s van %(total)s actieve leden hebben de spelregels nog niet geaccepteerd: %(names)s.") % {
        "n": len(pending), "total": len(active), "names": ", ".join(m.user.name for m in pending)}
    return CheckResult("ground_rules", ATTENTION, evidence, details=[m.user.name for m in pending],
                       evidence_url=evidence_url, evidence_label=_("Bekijk wie de spelregels nog niet accepteerde"))
