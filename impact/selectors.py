"""Reads for return (rendement): expectations, the return ledger, who found whom, costs and contributions,
and 'dare to ask'. Each function costs a fixed number of queries, whatever the number of rows.
Writes are in impact.services."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Min, Prefetch, Q, Sum
from django.db.models.functions import Greatest, TruncQuarter
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lessons.charts import Series, bar_chart
from lessons.selectors import quarter_start
from marketplace.models import MatchStatus
from marketplace.selectors import (
    delivered_matches_for_community,
    match_totals_for_community,
    matches_for_community,
)
from meetings.models import Attendance, MeetingKind
from participants.models import Membership, Sector
from participants.selectors import counted_in_group, members_of
from workgroups.models import Activity, Workgroup, WorkgroupMember
from workgroups.selectors import workgroup_visible_q

from .models import (
    AskAnswer,
    AskRequest,
    Contribution,
    ContributionSource,
    CostCategory,
    ExpectationKind,
    ReturnEntry,
    ReturnExpectation,
    ReturnKind,
    ReturnPerson,
    ease_of,
)

LESSON_RETURN_IDEAS = "return-discuss-ideas"  # the compass lesson behind the expectation warning
NEW_PAIR_DAYS = 90  # a pair that first met this recently is a new short line


def quarters(*, start: date, end: date, limit: int = 8) -> list[date]:
    """The first days of the quarters from `start` to `end`, the last `limit` of them."""
    periods = [quarter_start(end)]
    while len(periods) < limit:
        previous = quarter_start(periods[0] - timedelta(days=1))
        if previous < quarter_start(start):
            break
        periods.insert(0, previous)
    return periods


def quarter_label(d: date) -> str:
    return _("K%(quarter)s %(year)s") % {"quarter": (d.month - 1) // 3 + 1, "year": d.year}


def figures_until(community, now=None) -> date:
    """The last day the figures cover: today in the community's time zone, or the day it stopped."""
    today = timezone.localdate(now or timezone.now())
    if community.stopped_at:
        return min(today, timezone.localdate(community.stopped_at))
    return today


# --- expectations ---------------------------------------------------------------------------------

def expectation_of(*, membership) -> ReturnExpectation | None:
    return ReturnExpectation.objects.filter(membership=membership).first()


def expectation_spread(*, community, members=None) -> dict:
    """What the group counts as return: per kind how many of those who answered chose it, everyone's own
    words, and a warning with the lesson when the pictures differ widely. Two queries (one when the
    members are given).

    The rule: among the participants and core-group members (the group), a warning when fewer than half
    have answered; otherwise, when at least two answered and no kind (apart from 'something else') is
    chosen by more than half of those who answered."""
    if members is None:
        members = list(members_of(community=community))
    group = [m for m in members if counted_in_group(m)]
    group_ids = {m.pk for m in group}
    by_member = {e.membership_id: e for e in ReturnExpectation.objects.filter(membership__in=members)}
    answered = [m for m in group if m.pk in by_member and (by_member[m.pk].kinds or by_member[m.pk].own_words)]
    counts = Counter(k for m in answered for k in by_member[m.pk].kinds)
    kinds = [(value, label, counts[value]) for value, label in ExpectationKind.choices]
    size, n = len(group), len(answered)
    shared = [(c, value) for value, _label, c in kinds if value != ExpectationKind.OTHER]
    top = max((c for c, _v in shared), default=0)
    # Every kind chosen most often: a tie is reported as a tie, never as one winner.
    top_kinds = [value for c, value in shared if top and c == top]
    labels = dict(ExpectationKind.choices)
    top_labels = [str(labels[k]) for k in top_kinds]
    warnings = []
    if size and n * 2 < size:
        warnings.append({"key": "few", "text": ngettext(
            "Pas %(n)s van de %(size)s deelnemers heeft gezegd wat rendement voor hem of haar is. Breng het nu in "
            "kaart: in Hellendoorn bleek pas laat hoe verschillend de beelden waren.",
            "Pas %(n)s van de %(size)s deelnemers hebben gezegd wat rendement voor hen is. Breng het nu in kaart: "
            "in Hellendoorn bleek pas laat hoe verschillend de beelden waren.", n) % {"n": n, "size": size}})
    elif n >= 2 and top * 2 <= n:
        if len(top_kinds) == 1:
            text = _("De beelden lopen ver uiteen: geen enkele soort rendement wordt door meer dan de helft "
                     "genoemd (het vaakst: %(kind)s, door %(top)s van de %(n)s). Bespreek samen wat jullie onder "
                     "rendement verstaan.") % {"kind": top_labels[0], "top": top, "n": n}
        else:
            text = _("De beelden lopen ver uiteen: geen enkele soort rendement wordt door meer dan de helft "
                     "genoemd (het vaakst, even vaak: %(kinds)s, elk door %(top)s van de %(n)s). Bespreek samen "
                     "wat jullie onder rendement verstaan.") % {"kinds": join_labels(top_labels), "top": top, "n": n}
        warnings.append({"key": "differ", "text": text})
    for w in warnings:
        w["lesson"] = _("Ideeën over rendement bespreken")
    rows = [(m, by_member.get(m.pk), m.pk in group_ids) for m in members if m.pk in by_member]
    chart = bar_chart(key="expectations", title=_("Wat deelnemers onder rendement verstaan"),
                      category_label=_("Soort rendement"),
                      categories=[label for _v, label, _c in kinds],
                      series=[Series(_("Aantal deelnemers"), [c for _v, _l, c in kinds])],
                      horizontal=True, extra=[(_("Deel van wie antwoordde"),
                                               [f"{round(100 * c / n)}%" if n else "–" for _v, _l, c in kinds])])
    return {"size": size, "answered": n, "kinds": kinds, "rows": rows, "warnings": warnings, "chart": chart,
            "top_kinds": top_kinds, "top_labels": top_labels, "top_count": top, "tie": len(top_kinds) > 1,
            "lesson_key": LESSON_RETURN_IDEAS}


def join_labels(labels) -> str:
    """'a', 'a en b', 'a, b en c' (in the active language)."""
    labels = [str(label) for label in labels]
    if len(labels) <= 1:
        return "".join(labels)
    return _("%(first)s en %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}


# --- the return ledger ----------------------------------------------------------------------------

def _people_prefetch():
    return Prefetch("people", queryset=Membership.objects.select_related("user").order_by("user__name"))


def return_entries(*, community, kind: str | None = None, viewer=None):
    """The ledger, newest first, with its people, workgroup, activity and recorder (a fixed number of
    queries when evaluated: one, plus one for the people). Each entry has `activity_visible`: whether
    `viewer` may see the linked activity (a closed workgroup's activities are for its members); with no
    viewer (the harvest, which every member reads), only an open workgroup's activity is shown."""
    visible = (workgroup_visible_q(viewer, "activity__workgroup") if viewer is not None
               else Q(activity__isnull=True) | Q(activity__workgroup__closed=False))
    qs = (ReturnEntry.objects.filter(community=community)
          .select_related("workgroup", "activity", "recorded_by__user")
          .annotate(activity_visible=ExpressionWrapper(visible, output_field=BooleanField()))
          .prefetch_related(_people_prefetch()))
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def return_get(*, community, pk) -> ReturnEntry:
    entry = ReturnEntry.objects.filter(community=community, pk=pk).first()
    if entry is None:
        raise Http404
    return entry


@dataclass
class KindTotal:
    kind: str
    label: str
    count: int = 0
    value: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)


def return_totals(*, community, now=None, until: date | None = None, since: date | None = None) -> dict:
    """Per kind: how many, their value and hours. The marketplace's delivered matches count as concrete
    return on the day they were delivered, up to figures_until (read from the marketplace app's one
    selector, not copied); its open and dropped matches are in `matches` apart and never in the totals.
    `until` (default figures_until) and `since` go to match_totals_for_community. Two queries."""
    by_kind = {value: KindTotal(value, label) for value, label in ReturnKind.choices}
    for row in (ReturnEntry.objects.filter(community=community).values("kind")
                .annotate(n=Count("pk"), value=Sum("value_eur"), hours=Sum("hours")).order_by()):
        total = by_kind[row["kind"]]
        total.count, total.value, total.hours = row["n"], row["value"] or Decimal(0), row["hours"] or Decimal(0)
    matches = match_totals_for_community(community=community, until=until or figures_until(community, now),
                                         since=since)
    kinds = list(by_kind.values())
    return {
        "kinds": kinds,
        "matches": matches,
        "count": sum(k.count for k in kinds) + matches["delivered"],
        "value": sum((k.value for k in kinds), Decimal(0)) + matches["delivered_value"],
        "hours": sum((k.hours for k in kinds), Decimal(0)),
    }


def returns_by_quarter(*, community, periods: list[date], now=None) -> dict:
    """{quarter start: {kind: n, "matches": n}} from the first period on; a match counts in the quarter it
    was delivered (delivered matches only). Two grouped queries."""
    table = {p: Counter() for p in periods}
    for row in (ReturnEntry.objects.filter(community=community, happened_on__gte=periods[0])
                .annotate(q=TruncQuarter("happened_on")).values("q", "kind").annotate(n=Count("pk")).order_by()):
        if row["q"] in table:
            table[row["q"]][row["kind"]] += row["n"]
    delivered = delivered_matches_for_community(community=community, until=figures_until(community, now))
    for row in (delivered.filter(delivered_on__gte=periods[0])
                .annotate(q=TruncQuarter("delivered_on")).values("q").annotate(n=Count("pk")).order_by()):
        if row["q"] in table:
            table[row["q"]]["matches"] += row["n"]
    return table


def return_form_choices(*, membership):
    """The members, workgroups and activities a return may name: this community's only (closed workgroups
    for their members). Three querysets."""
    community_id = membership.community_id
    members = members_of(community=membership.community)
    workgroups = (Workgroup.objects.filter(Q(closed=False) | Q(members__membership=membership),
                                           community_id=community_id, archived_at__isnull=True)
                  .distinct().order_by("name"))
    activities = (Activity.objects.filter(workgroup_visible_q(membership, "workgroup"), community_id=community_id)
                  .select_related("workgroup").order_by("-happened_on", "-pk"))
    return members, workgroups, activities


# --- who found whom -------------------------------------------------------------------------------

SOURCES = ("returns", "matches", "visits", "workgroups")


def relation_pairs(*, community, now=None, new_days: int = NEW_PAIR_DAYS, limit: int = 20) -> dict:
    """Pairs of members who found each other: named together in a relationship return, or working
    together as a new pair: a marketplace match between their organisations (a need and an offer whose
    contact email is each one's account email; a dropped match does not count), a work visit (the host
    with each member who was there) or a workgroup they are both in (not the core group). Sitting in the
    same plenary is not finding each other. Each source is one self-join grouped by pair in SQL (five
    queries in all, whatever the number of members, meetings, matches or returns). 'New' pairs first
    found each other within the last `new_days` days."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    people = {m.pk: m for m in members_of(community=community, include_inactive=True)}
    pairs: dict[tuple[int, int], dict] = {}

    def add(a, b, source, n, first):
        if a == b or a not in people or b not in people:
            return
        p = pairs.setdefault((min(a, b), max(a, b)), {**dict.fromkeys(SOURCES, 0), "first": None})
        p[source] += n
        if first is not None:
            p["first"] = min(p["first"], first) if p["first"] else first

    named = (ReturnPerson.objects.filter(entry__community=community, entry__kind=ReturnKind.RELATIONSHIP,
                                         entry__people_links__membership__gt=F("membership"))
             .values("membership", "entry__people_links__membership")
             .annotate(n=Count("entry", distinct=True), first=Min("entry__happened_on")).order_by())
    for row in named:
        add(row["membership"], row["entry__people_links__membership"], "returns", row["n"], row["first"])

    by_email = {}
    for m in people.values():
        if m.user.email:
            by_email.setdefault(m.user.email.strip().lower(), m.pk)
    matched = (matches_for_community(community=community).exclude(status=MatchStatus.DROPPED)
               .values("need__email", "offer__email").annotate(n=Count("pk"), first=Min("marketplace__held_on"))
               .order_by())
    for row in matched:
        a, b = by_email.get(row["need__email"].lower()), by_email.get(row["offer__email"].lower())
        if a and b:
            add(a, b, "matches", row["n"], row["first"])

    visits = (Attendance.objects.filter(meeting__community=community, meeting__kind=MeetingKind.WORK_VISIT,
                                        meeting__cancelled_at__isnull=True, meeting__starts_at__lt=now,
                                        meeting__host__isnull=False)
              .exclude(membership=F("meeting__host"))
              .values("membership", "meeting__host")
              .annotate(n=Count("meeting", distinct=True), first=Min("meeting__starts_at")).order_by())
    for row in visits:
        add(row["membership"], row["meeting__host"], "visits", row["n"], timezone.localdate(row["first"]))

    shared = (WorkgroupMember.objects.filter(workgroup__community=community, workgroup__is_core_group=False,
                                             workgroup__members__membership__gt=F("membership"))
              .values("membership", "workgroup__members__membership")
              .annotate(n=Count("workgroup", distinct=True),
                        first=Min(Greatest("joined_at", "workgroup__members__joined_at"))).order_by())
    for row in shared:
        add(row["membership"], row["workgroup__members__membership"], "workgroups", row["n"],
            timezone.localdate(row["first"]))

    rows = []
    for (a, b), p in pairs.items():
        first, second = sorted((people[a], people[b]), key=lambda m: m.user.name)
        together = p["matches"] + p["visits"] + p["workgroups"]
        rows.append({"a": first, "b": second, **{k: p[k] for k in SOURCES}, "together": together,
                     "strength": p["returns"] + together, "first": p["first"],
                     "new": p["first"] is not None and (today - p["first"]).days <= new_days})
    strongest = sorted(rows, key=lambda r: (-r["strength"], -r["returns"], r["a"].user.name, r["b"].user.name))[:limit]
    new = sorted((r for r in rows if r["new"]), key=lambda r: (r["first"], r["a"].user.name), reverse=True)[:limit]
    return {"strongest": strongest, "new": new, "pairs": len(rows), "from_returns": sum(1 for r in rows if r["returns"]),
            "working_together": sum(1 for r in rows if r["together"]),
            "matrix": _matrix(strongest), "new_days": new_days}


def _matrix(rows) -> dict:
    """A small grid of the people in the strongest pairs: cell shade by how often a pair met or was named
    together. Geometry for templates/lessons/_relations_matrix.html."""
    people = []
    for r in rows:
        for m in (r["a"], r["b"]):
            if m not in people:
                people.append(m)
    people.sort(key=lambda m: m.user.name)
    index = {m.pk: i for i, m in enumerate(people)}
    peak = max([r["strength"] for r in rows] or [1])
    cell, label = 22, 170
    cells = []
    for r in rows:
        i, j = index[r["a"].pk], index[r["b"].pk]
        level = min(4, 1 + (3 * r["strength"]) // max(peak, 1))
        for row, col in ((i, j), (j, i)):
            cells.append({"x": label + col * cell, "y": label + row * cell, "level": level, "value": r["strength"],
                          "tip": f"{r['a'].user.name} – {r['b'].user.name}: {r['strength']}"})
    return {"people": [{"name": m.user.name, "pos": label + i * cell + cell // 2 + 4} for i, m in enumerate(people)],
            "cells": cells, "size": label + cell * len(people) + 4, "cell": cell, "label": label}


# --- costs and contributions ----------------------------------------------------------------------

def contributions(*, community):
    return (Contribution.objects.filter(community=community)
            .select_related("contributor__user", "recorded_by__user"))


def contribution_get(*, community, pk) -> Contribution:
    found = Contribution.objects.filter(community=community, pk=pk).first()
    if found is None:
        raise Http404
    return found


def contribution_totals(*, community) -> dict:
    """Totals by source and by the compass's easy/hard distinction: euros, and how many in kind. One query."""
    by_source = {value: {"key": value, "label": label, "amount": Decimal(0), "count": 0, "in_kind": 0}
                 for value, label in ContributionSource.choices}
    ease_labels = {"easy": _("Makkelijk te regelen"), "hard": _("Moeilijker te regelen"), "other": _("Overig")}
    by_ease = {key: {"key": key, "label": label, "amount": Decimal(0), "count": 0, "in_kind": 0,
                     "categories": []} for key, label in ease_labels.items()}
    for value, label in CostCategory.choices:
        by_ease[ease_of(value)]["categories"].append(label)
    for row in (Contribution.objects.filter(community=community).values("source", "category")
                .annotate(amount=Sum("amount_eur"), n=Count("pk"), in_kind=Count("pk", filter=Q(in_kind=True)))
                .order_by()):
        for bucket in (by_source[row["source"]], by_ease[ease_of(row["category"])]):
            bucket["amount"] += row["amount"] or Decimal(0)
            bucket["count"] += row["n"]
            bucket["in_kind"] += row["in_kind"]
    sources = list(by_source.values())
    return {"sources": sources, "ease": list(by_ease.values()),
            "amount": sum((s["amount"] for s in sources), Decimal(0)),
            "count": sum(s["count"] for s in sources), "in_kind": sum(s["in_kind"] for s in sources)}


def costs_chart(totals) -> object:
    return bar_chart(key="costs", title=_("Bijdragen per bron (euro)"), category_label=_("Bron"),
                     categories=[s["label"] for s in totals["sources"]],
                     series=[Series(_("Euro"), [int(round(s["amount"])) for s in totals["sources"]])],
                     unit="€", horizontal=True,
                     extra=[(_("Bijdragen"), [s["count"] for s in totals["sources"]]),
                            (_("Waarvan in natura"), [s["in_kind"] for s in totals["sources"]])])


# --- dare to ask ------------------------------------------------------------------------------------

def ask_requests(*, community, limit: int = 50) -> list[AskRequest]:
    """Open requests first (newest first), then recently closed ones, with their answers. Two queries."""
    answers = Prefetch("answers", queryset=AskAnswer.objects.select_related("membership__user"))
    return list(AskRequest.objects.filter(community=community).select_related("asked_by__user")
                .prefetch_related(answers).order_by(F("closed_at").desc(nulls_first=True), "-created_at")[:limit])


def ask_with_answers(*, community, pk) -> AskRequest:
    """One request of this community with its answers (two queries), or 404."""
    answers = Prefetch("answers", queryset=AskAnswer.objects.select_related("membership__user"))
    found = (AskRequest.objects.filter(community=community, pk=pk).select_related("asked_by__user")
             .prefetch_related(answers).first())
    if found is None:
        raise Http404
    return found


def ask_get(*, community, pk) -> AskRequest:
    found = AskRequest.objects.filter(community=community, pk=pk).select_related("asked_by").first()
    if found is None:
        raise Http404
    return found


def open_asks_count(*, community) -> int:
    return AskRequest.objects.filter(community=community, closed_at__isnull=True).count()


# --- used by the dashboard, the harvest and the exports -------------------------------------------

SECTOR_LABELS = dict(Sector.choices)


def sector_label(value: str) -> str:
    return str(SECTOR_LABELS.get(value) or _("Onbekend"))


def attendance_rows(*, community):
    """Every recorded attendance with its meeting and person, oldest first (for the export)."""
    return (Attendance.objects.filter(meeting__community=community)
            .select_related("meeting", "membership__user").order_by("meeting__starts_at", "membership__user__name"))


def people_names(entry) -> str:
    return ", ".join(m.user.name for m in entry.people.all())


def expectation_lookup(*, community) -> dict:
    return {e.membership_id: e for e in ReturnExpectation.objects.filter(membership__community=community)}


def kind_counts_by_quarter_chart(*, table: dict) -> object:
    """The stacked chart of returns per kind per quarter, with the marketplace's matches as a series."""
    periods = list(table)
    series = [Series(label, [table[p][value] for p in periods]) for value, label in ReturnKind.choices]
    series.append(Series(_("Beursvloermatches"), [table[p]["matches"] for p in periods]))
    return bar_chart(key="returns", title=_("Rendement per soort en kwartaal"), category_label=_("Kwartaal"),
                     categories=[quarter_label(p) for p in periods], series=series)
