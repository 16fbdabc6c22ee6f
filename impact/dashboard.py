"""The community dashboard: attendance by sector, returns by kind over time, the share of activities with a
look back, composition, costs by source and the marketplace's results. Every chart is a lessons.charts
Chart, drawn as SVG with its numbers in a table beside it. A fixed number of queries (ten), whatever
the number of members, meetings, returns or contributions."""

from collections import Counter

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from lessons import selectors as lessons_selectors
from lessons.charts import Series, bar_chart
from marketplace.models import MatchStatus
from meetings.models import Attendance, Meeting
from participants.models import Sector
from participants.selectors import composition, members_of

from . import selectors

PLENARIES_SHOWN = 12


def attendance_chart(*, community, now) -> object:
    """Who came to the last plenaries whose attendance was recorded, by sector. Two queries."""
    held = list(Meeting.objects.filter(community=community, kind="plenary", cancelled_at__isnull=True,
                                       attendance_recorded_at__isnull=False, starts_at__lt=now)
                .order_by("-starts_at").values_list("pk", "starts_at")[:PLENARIES_SHOWN])[::-1]
    counts = Counter()
    for row in (Attendance.objects.filter(meeting_id__in=[pk for pk, _s in held])
                .values("meeting_id", "membership__sector").annotate(n=Count("pk")).order_by()):
        counts[(row["meeting_id"], row["membership__sector"] or "")] += row["n"]
    sectors = [(value, label) for value, label in Sector.choices] + [("", _("Onbekend"))]
    present = [(value, label) for value, label in sectors if any(counts[(pk, value)] for pk, _s in held)]
    categories = [date_format(timezone.localtime(starts), "j-n-y") for _pk, starts in held]
    series = [Series(str(label), [counts[(pk, value)] for pk, _s in held]) for value, label in present]
    return bar_chart(key="attendance", title=_("Aanwezigen per plenaire bijeenkomst, per sector"),
                     category_label=_("Bijeenkomst"),
                     categories=categories, series=series or [Series(_("Aanwezigen"), [0] * len(held))],
                     empty_text=_("Er is nog geen aanwezigheid van plenaire bijeenkomsten vastgelegd."))


def reflection_chart(*, community, now) -> object:
    """Per quarter: the share of activities that someone looked back on (lessons' reflection balance,
    summed over its rows: the moments lessons counts everywhere). Two queries. The bar is the share,
    the table beside it also gives both counts, each under a header of its own."""
    balance = lessons_selectors.reflection_balance(community=community, now=now, quarters=8)
    totals = [[0, 0] for _p in balance["periods"]]
    for row in balance["rows"]:
        for i, cell in enumerate(row["cells"]):
            totals[i][0] += cell["total"]
            totals[i][1] += cell["reflected"]
    shares = [round(100 * reflected / total) if total else None for total, reflected in totals]
    return bar_chart(key="reflection", title=_("Deel van de activiteiten met een reflectie, per kwartaal"),
                     category_label=_("Kwartaal"),
                     categories=[selectors.quarter_label(p) for p in balance["periods"]],
                     series=[Series(_("Deel met reflectie"), shares)], unit="%", max_value=100,
                     extra=[(_("Activiteiten"), [t for t, _r in totals]),
                            (_("Met reflectie"), [r for _t, r in totals])],
                     empty_text=_("Er zijn in deze kwartalen nog geen activiteiten vastgelegd."))


def composition_charts(*, members) -> tuple[dict, object, object]:
    comp = composition(members=members)
    sectors = bar_chart(key="sectors", title=_("Deelnemers per sector"), category_label=_("Sector"),
                        categories=[str(label) for label, _n in comp["sectors"]],
                        series=[Series(_("Deelnemers"), [n for _l, n in comp["sectors"]])], horizontal=True,
                        empty_text=_("Nog niemand heeft een sector ingevuld."))
    roles = bar_chart(key="roles", title=_("Groepsrollen"), category_label=_("Groepsrol"),
                      categories=[str(label) for label, _n in comp["group_roles"]],
                      series=[Series(_("Deelnemers"), [n for _l, n in comp["group_roles"]])], horizontal=True)
    return comp, sectors, roles


def marketplace_chart(*, matches: dict) -> object:
    """Delivered (concrete return), open and dropped matches, from the one selector of the figures."""
    return bar_chart(key="marketplace", title=_("Beursvloermatches en hoe het ermee staat"),
                     category_label=_("Stand"),
                     # the statuses in the marketplace's own words, as on its pages
                     categories=[MatchStatus.DELIVERED.label, MatchStatus.PENDING.label, MatchStatus.DROPPED.label],
                     series=[Series(_("Matches"), [matches["delivered"], matches["open"], matches["dropped"]])],
                     extra=[(_("Waarde (euro)"), [number_format(matches[k] or 0, decimal_pos=0, force_grouping=True) for k in
                                                  ("delivered_value", "open_value", "dropped_value")])],
                     horizontal=True, empty_text=_("Er zijn nog geen beursvloermatches."))


def community_dashboard(*, community, now=None) -> dict:
    now = now or timezone.now()
    if community.stopped_at:
        now = min(now, community.stopped_at)
    end = selectors.figures_until(community, now)
    periods = selectors.quarters(start=community.starts_on, end=end)
    members = list(members_of(community=community))
    comp, sectors, roles = composition_charts(members=members)
    totals = selectors.return_totals(community=community, now=now)
    costs = selectors.contribution_totals(community=community)
    return {
        "attendance_chart": attendance_chart(community=community, now=now),
        "returns_chart": selectors.kind_counts_by_quarter_chart(
            table=selectors.returns_by_quarter(community=community, periods=periods, now=now)),
        "reflection_chart": reflection_chart(community=community, now=now),
        "composition": comp, "sectors_chart": sectors, "roles_chart": roles,
        "costs": costs, "costs_chart": selectors.costs_chart(costs),
        "return_totals": totals,
        "marketplace_chart": marketplace_chart(matches=totals["matches"]),
        "expectations": selectors.expectation_spread(community=community, members=members),
    }
