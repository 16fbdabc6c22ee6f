"""Ending consciously: a facilitator ends a period with a decision (continue for a new period, hand over to
the core group, or stop), and the community's harvest is stored with that decision as a JSON snapshot, so
its page and its download stay the same later, also after the community stopped.

Hand over to the core group: the guide's 'go on without the municipality'. The core-group members the
facilitator names become the community's facilitators (they can invite, schedule and end the next
period), and the facilitators who step back keep their membership as sounding board (klankbordgroep),
so they can still read along and advise."""

from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lessons import selectors as lessons_selectors
from lessons.models import (
    AssessmentRound,
    Chapter,
    Evaluation,
    EvaluationResponse,
    GoalChange,
    LearningGoal,
    Reflection,
)
from meetings.models import Attendance, Meeting, MeetingKind
from participants import services as participant_services
from participants.models import Community, Membership
from participants.selectors import composition, is_active_member, members_of
from workgroups.models import Workgroup

from . import emails, rules, selectors
from .models import AskRequest, Contribution, ContributionSource, ExpectationKind, Harvest, PeriodDecision, ReturnKind

SNAPSHOT_VERSION = 1
MAX_RETURNS = 300
MAX_TEXTS = 30


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def _money(value) -> str:
    return f"{(value or Decimal(0)):.2f}"


def _unique_texts(texts, limit=MAX_TEXTS) -> list[str]:
    seen = []
    for text in texts:
        text = (text or "").strip()
        if text and text not in seen:
            seen.append(text)
        if len(seen) >= limit:
            break
    return seen


def period_start(*, community) -> date:
    """Where the current period began: the end of the last ended period, or the community's start."""
    last = Harvest.objects.filter(community=community).order_by("-period_ends_on").first()
    return last.period_ends_on if last else community.starts_on


# --- the snapshot ---------------------------------------------------------------------------------------

def harvest_snapshot(*, community: Community, starts_on: date, ends_on: date, now=None) -> dict:
    """The harvest as it stands: question, goals and how they changed, what the community learned, its
    returns, the compass at the end, and facts and figures. Lists cover the period from `starts_on` to
    now; the goal history covers the whole run. Plain JSON (dates as ISO strings, euros as strings);
    evidence sentences are written in the portal's default language. A fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    with translation.override(settings.LANGUAGE_CODE):
        members = list(members_of(community=community))
        return {
            "version": SNAPSHOT_VERSION,
            "made_at": now.isoformat(),
            "community": {"name": community.name, "question": community.question, "goals": community.goals,
                          "starts_on": _iso(community.starts_on), "ends_on": _iso(community.ends_on),
                          "initiator": community.initiator_kind},
            "period": {"starts_on": _iso(starts_on), "ends_on": _iso(ends_on), "until": _iso(today)},
            "goal_changes": _goal_changes(community),
            "learning_goals": [{"text": g.text, "reached": g.reached_at is not None}
                               for g in LearningGoal.objects.filter(community=community, membership__isnull=True)],
            "evaluations": _evaluations(community, starts_on, today),
            "reflections": _reflections(community, starts_on, today),
            "returns": _returns(community, starts_on, today),
            "relations": _relations(community, now),
            "expectations": _expectations(community, members),
            "compass": _compass(community, now, members),
            "facts": _facts(community, members, starts_on, today, now),
        }


def _goal_changes(community) -> list[dict]:
    changes = GoalChange.objects.filter(community=community).select_related("evaluation").order_by("changed_on", "pk")
    return [{"changed_on": _iso(c.changed_on), "old_text": c.old_text, "new_text": c.new_text,
             "evaluation": _iso(c.evaluation.planned_on) if c.evaluation_id else None} for c in changes]


def _evaluations(community, starts_on, today) -> list[dict]:
    evaluations = list(Evaluation.objects.filter(community=community, concluded_at__isnull=False,
                                                 planned_on__gte=starts_on, planned_on__lte=today)
                       .annotate(n=Count("responses")).order_by("planned_on"))
    learned = {}
    for evaluation_id, text in (EvaluationResponse.objects.filter(evaluation__in=evaluations).exclude(learned="")
                                .order_by("answered_at").values_list("evaluation_id", "learned")):
        learned.setdefault(evaluation_id, []).append(text)
    return [{"planned_on": _iso(e.planned_on), "concluded_on": _iso(timezone.localdate(e.concluded_at)),
             "conclusion": e.conclusion, "responses": e.n, "learned": _unique_texts(learned.get(e.pk, []), 10)}
            for e in evaluations]


def _reflections(community, starts_on, today) -> dict:
    """What the community learned from its look-backs. Reflections on a closed workgroup's activities and
    meetings stay within that workgroup, and a personal insight only shows when its author shared it."""
    in_period = Reflection.objects.filter(community=community, created_at__date__gte=starts_on)
    open_group = ((Q(activity__isnull=False) & (Q(activity__workgroup__closed=False)))
                  | (Q(meeting__isnull=False) & (Q(meeting__workgroup__isnull=True)
                                                 | Q(meeting__workgroup__closed=False))))
    rows = list(in_period.filter(open_group).order_by("-created_at")
                .values_list("learned_content", "learned_process", "next_time", "insight", "insight_shared"))
    return {
        "count": in_period.count(),
        "content": _unique_texts(r[0] for r in rows),
        "process": _unique_texts(r[1] for r in rows),
        "next_time": _unique_texts((r[2] for r in rows), 15),
        "insights": _unique_texts((r[3] for r in rows if r[4]), 15),
    }


def _returns(community, starts_on, today) -> dict:
    entries = list(selectors.return_entries(community=community).filter(happened_on__gte=starts_on)
                   .order_by("happened_on", "pk")[:MAX_RETURNS])
    totals = selectors.return_totals(community=community, until=today, since=starts_on)
    in_period = {k: {"count": 0, "value": Decimal(0), "hours": Decimal(0)} for k in ReturnKind.values}
    for e in entries:
        row = in_period[e.kind]
        row["count"] += 1
        row["value"] += e.value_eur or Decimal(0)
        row["hours"] += e.hours or Decimal(0)
    # The marketplace's figures (from its one selector, through return_totals): delivered by `today` is
    # concrete return (in the period by the day it was delivered); open and dropped matches are apart.
    matches = totals["matches"]
    return {
        "entries": [{"date": _iso(e.happened_on), "kind": e.kind, "title": e.title, "description": e.description,
                     "people": [m.user.name for m in e.people.all()], "organisations": e.organisations,
                     "workgroup": e.workgroup.name if e.workgroup_id else "",
                     "value": _money(e.value_eur) if e.value_eur is not None else None,
                     "hours": str(e.hours) if e.hours is not None else None} for e in entries],
        "period": [{"kind": k, "count": v["count"], "value": _money(v["value"]), "hours": str(v["hours"])}
                   for k, v in in_period.items()],
        "since_start": [{"kind": k.kind, "count": k.count, "value": _money(k.value), "hours": str(k.hours)}
                        for k in totals["kinds"]],
        "matches": {"count": matches["matches"], "value": _money(matches["value"]),
                    "delivered": matches["delivered"], "delivered_value": _money(matches["delivered_value"]),
                    "period_delivered": matches["period_delivered"],
                    "period_delivered_value": _money(matches["period_delivered_value"]),
                    "open": matches["open"], "open_value": _money(matches["open_value"]),
                    "dropped": matches["dropped"], "dropped_value": _money(matches["dropped_value"])},
        "count": totals["count"], "value": _money(totals["value"]), "hours": str(totals["hours"]),
    }


def _relations(community, now) -> dict:
    pairs = selectors.relation_pairs(community=community, now=now, limit=15)
    return {"pairs": pairs["pairs"], "from_returns": pairs["from_returns"],
            "working_together": pairs["working_together"],
            "strongest": [{"a": r["a"].user.name, "b": r["b"].user.name, "together": r["together"],
                           "returns": r["returns"]} for r in pairs["strongest"]]}


def _expectations(community, members) -> dict:
    spread = selectors.expectation_spread(community=community, members=members)
    with translation.override("en"):
        warnings_en = [w["text"] for w in selectors.expectation_spread(community=community, members=members)["warnings"]]
    return {"size": spread["size"], "answered": spread["answered"],
            "kinds": [{"kind": value, "count": n} for value, _label, n in spread["kinds"]],
            "top": spread["top_kinds"], "top_count": spread["top_count"],
            "warnings": [w["text"] for w in spread["warnings"]], "warnings_en": warnings_en}


def _compass(community, now, members) -> dict:
    checks = lessons_selectors.compass_checks(community=community, now=now, members=members)
    # The record is in the portal's language; its checks are said in English too, for an English reader.
    with translation.override("en"):
        checks_en = {key: (str(c.label), c.evidence)
                     for key, c in lessons_selectors.compass_checks(community=community, now=now, members=members).items()}
    latest = (AssessmentRound.objects.filter(community=community, closed_at__isnull=False)
              .order_by("-closed_at").first())
    chapters = []
    if latest:
        for chapter in Chapter.objects.order_by("order"):
            summary = latest.summary.get(chapter.key, {})
            chapters.append({"key": chapter.key, "title_nl": chapter.title_nl, "title_en": chapter.title_en,
                             "score": summary.get("score")})
    return {"checks": [{"key": c.key, "label": str(c.label), "state": c.state, "evidence": c.evidence,
                        "label_en": checks_en[key][0], "evidence_en": checks_en[key][1]}
                       for key, c in checks.items()],
            "round": {"closed_on": _iso(timezone.localdate(latest.closed_at)), "chapters": chapters} if latest else None}


def _labelled(label, **values) -> dict:
    """A label as the record keeps it (the portal's language) and in English."""
    with translation.override("en"):
        english = str(label)
    return {"label": str(label), "label_en": english, **values}


def _facts(community, members, starts_on, today, now) -> dict:
    comp = composition(members=members)
    meetings = Meeting.objects.filter(community=community, cancelled_at__isnull=True, starts_at__lt=now,
                                      starts_at__date__gte=starts_on)
    by_kind = dict(meetings.values_list("kind").annotate(n=Count("pk")).order_by())
    recorded = meetings.filter(kind=MeetingKind.PLENARY, attendance_recorded_at__isnull=False)
    present = Attendance.objects.filter(meeting__in=recorded).aggregate(n=Count("pk"),
                                                                         meetings=Count("meeting", distinct=True))
    # What counts as an activity is the compass's definition: recorded activities and held meetings.
    moments = lessons_selectors.moments_to_look_back_on(community=community, since=starts_on, until=today, now=now)
    activities = {"n": len(moments), "reflected": sum(1 for *_rest, reflected in moments if reflected)}
    contributions = Contribution.objects.filter(community=community, contributed_on__gte=starts_on)
    money = selectors.contribution_totals(community=community)
    period_money = contributions.values("source").annotate(n=Count("pk")).order_by()
    asks = AskRequest.objects.filter(community=community, created_at__date__gte=starts_on).aggregate(
        n=Count("pk"), closed=Count("pk", filter=Q(closed_at__isnull=False)))
    return {
        "members": comp["size"],
        "all_members": len(members),
        "sectors": [_labelled(label, count=n) for label, n in comp["sectors"]],
        "group_roles": [_labelled(label, count=n) for label, n in comp["group_roles"] if n],
        "average_hours": comp["average_hours"],
        "meetings": {kind: by_kind.get(kind, 0) for kind in MeetingKind.values},
        "plenary_attendance": round(present["n"] / present["meetings"], 1) if present["meetings"] else None,
        "activities": activities["n"], "activities_reflected": activities["reflected"],
        "workgroups": Workgroup.objects.filter(community=community, is_core_group=False).count(),
        "contributions": {"sources": [{"key": s["key"], "amount": _money(s["amount"]), "count": s["count"],
                                       "in_kind": s["in_kind"]} for s in money["sources"]],
                          "ease": [{"key": e["key"], "amount": _money(e["amount"]), "count": e["count"]}
                                   for e in money["ease"]],
                          "amount": _money(money["amount"]), "count": money["count"],
                          "in_period": sum(row["n"] for row in period_money)},
        "asks": {"count": asks["n"], "closed": asks["closed"]},
    }


# --- showing a snapshot ------------------------------------------------------------------------------

def _date(value):
    return date.fromisoformat(value) if value else None


def _in_reader_language(row: dict, english: bool) -> dict:
    return {**row, "label": row.get("label_en", row["label"])} if english else row


def harvest_display(snapshot: dict) -> dict:
    """The stored snapshot with dates as dates and keys as labels in the reader's language, for templates."""
    s = snapshot
    kinds = dict(ReturnKind.choices)
    expectation_kinds = dict(ExpectationKind.choices)
    sources = dict(ContributionSource.choices)
    ease = {"easy": _("Makkelijk te regelen"), "hard": _("Moeilijker te regelen"), "other": _("Overig")}
    meeting_kinds = dict(MeetingKind.choices)
    english = (translation.get_language() or "nl")[:2] == "en"
    returns_ = s["returns"]
    shown = {
        **s,
        "made_at": datetime.fromisoformat(s["made_at"]),
        "community": {**s["community"], "starts_on": _date(s["community"]["starts_on"]),
                      "ends_on": _date(s["community"]["ends_on"])},
        "period": {k: _date(v) for k, v in s["period"].items()},
        "goal_changes": [{**c, "changed_on": _date(c["changed_on"]), "evaluation": _date(c["evaluation"])}
                         for c in s["goal_changes"]],
        "evaluations": [{**e, "planned_on": _date(e["planned_on"]), "concluded_on": _date(e["concluded_on"])}
                        for e in s["evaluations"]],
        "returns": {
            **returns_,
            "entries": [{**e, "date": _date(e["date"]), "kind_label": kinds.get(e["kind"], e["kind"])}
                        for e in returns_["entries"]],
            "period": [{**r, "label": kinds.get(r["kind"], r["kind"])} for r in returns_["period"]],
            "since_start": [{**r, "label": kinds.get(r["kind"], r["kind"])} for r in returns_["since_start"]],
        },
        "expectations": {**s["expectations"],
                         "warnings": s["expectations"].get("warnings_en", s["expectations"]["warnings"]) if english
                         else s["expectations"]["warnings"],
                         "kinds": [{**k, "label": expectation_kinds.get(k["kind"], k["kind"])}
                                                        for k in s["expectations"]["kinds"]],
                         "top_labels": [expectation_kinds.get(k, k) for k in s["expectations"].get("top", [])]},
        "compass": {
            **s["compass"],
            "checks": [{**c, "label": c.get("label_en", c["label"]), "evidence": c.get("evidence_en", c["evidence"])}
                       if english else c for c in s["compass"]["checks"]],
            "round": ({**s["compass"]["round"], "closed_on": _date(s["compass"]["round"]["closed_on"]),
                       "chapters": [{**c, "title": c["title_en"] if english else c["title_nl"]}
                                    for c in s["compass"]["round"]["chapters"]]}
                      if s["compass"]["round"] else None),
        },
        "facts": {
            **s["facts"],
            "sectors": [_in_reader_language(r, english) for r in s["facts"]["sectors"]],
            "group_roles": [_in_reader_language(r, english) for r in s["facts"]["group_roles"]],
            "meetings": [{"label": meeting_kinds.get(k, k), "count": n} for k, n in s["facts"]["meetings"].items()],
            "contributions": {
                **s["facts"]["contributions"],
                "sources": [{**r, "label": sources.get(r["key"], r["key"])} for r in s["facts"]["contributions"]["sources"]],
                "ease": [{**r, "label": ease.get(r["key"], r["key"])} for r in s["facts"]["contributions"]["ease"]],
            },
        },
    }
    if s.get("decision"):
        d = s["decision"]
        shown["decision"] = {**d, "label": dict(PeriodDecision.choices).get(d["key"], d["key"]),
                             "new_ends_on": _date(d.get("new_ends_on")),
                             "decided_at": datetime.fromisoformat(d["decided_at"])}
    return shown


# --- ending a period ------------------------------------------------------------------------------------

def period_close(*, community: Community, by: Membership, decision: str, period_ends_on: date,
               new_ends_on: date | None = None, note: str = "", successors=(), notify: bool = True,
               now=None) -> Harvest:
    """End the community's current period with a decision and store its harvest. The community row is
    locked, so a period is never ended twice (also not by two facilitators at once); `period_ends_on` is
    the end date the facilitator saw, so a form sent twice is refused instead of ending the next period.
    Continue and hand over set the new end date; stop sets Community.stopped_at (read-only from then).
    After commit every active member gets an email with the harvest (unless notify is False: the demo)."""
    if by.community_id != community.pk or not rules.can_end_period(by):
        raise ValidationError(_("Alleen een procesbegeleider van deze gemeenschap kan een periode afsluiten."))
    if decision not in PeriodDecision.values:
        raise ValidationError({"decision": _("Kies wat er na deze periode gebeurt.")})
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        locked = Community.objects.select_for_update().get(pk=community.pk)
        if locked.stopped_at:
            raise ValidationError(_("Deze gemeenschap is al gestopt."))
        done = Harvest.objects.filter(community=locked, period_ends_on=period_ends_on).first()
        if done or Harvest.objects.filter(community=locked, period_ends_on=locked.ends_on).exists():
            done = done or Harvest.objects.get(community=locked, period_ends_on=locked.ends_on)
            raise ValidationError(_("Deze periode is al afgesloten, op %(date)s: %(decision)s.") % {
                "date": date_format(timezone.localdate(done.decided_at), "j F Y"), "decision": done.get_decision_display()})
        if period_ends_on != locked.ends_on:
            raise ValidationError(_("De einddatum van de gemeenschap is intussen gewijzigd. Laad de pagina opnieuw."))
        successors = list(successors)
        _check_decision(locked, decision, new_ends_on, successors, today)
        starts_on = period_start(community=locked)
        harvest = Harvest(community=locked, decision=decision, period_starts_on=starts_on,
                          period_ends_on=locked.ends_on, new_ends_on=new_ends_on if decision != "stop" else None,
                          note=note.strip(), decided_by=by.user, decided_at=now)
        snapshot = harvest_snapshot(community=locked, starts_on=starts_on, ends_on=locked.ends_on, now=now)
        snapshot["decision"] = _apply(locked, decision, new_ends_on, successors, by, now)
        snapshot["decision"].update({"key": decision, "note": harvest.note, "decided_by": by.user.name,
                                     "decided_at": now.isoformat(), "new_ends_on": _iso(harvest.new_ends_on)})
        harvest.snapshot = snapshot
        harvest.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                harvest.save()
        except IntegrityError:
            raise ValidationError(_("Deze periode is al afgesloten.")) from None
        if notify:
            emails.harvest_ready(harvest=harvest)
    return harvest


def _check_decision(community, decision, new_ends_on, successors, today):
    if decision == PeriodDecision.STOP:
        return
    if new_ends_on is None:
        raise ValidationError({"new_ends_on": _("Kies tot wanneer de nieuwe periode loopt.")})
    if new_ends_on <= community.ends_on or new_ends_on <= today:
        raise ValidationError({"new_ends_on": _("De nieuwe einddatum moet na de huidige einddatum (%(date)s) en na "
                                                "vandaag liggen.") % {"date": date_format(community.ends_on, "j F Y")}})
    if decision == PeriodDecision.HANDOVER:
        if not successors:
            raise ValidationError({"successors": _("Kies wie uit de kerngroep het stokje overneemt.")})
        wrong = [m for m in successors if m.community_id != community.pk or not m.is_core_group
                 or not is_active_member(m)]
        if wrong:
            raise ValidationError({"successors": _("Alleen actieve leden van de kerngroep kunnen het overnemen.")})


def _apply(community, decision, new_ends_on, successors, by, now) -> dict:
    """Carry out the decision; returns what the harvest records about it."""
    if decision == PeriodDecision.STOP:
        participant_services.community_update(community=community, stopped_at=now)
        return {}
    if decision == PeriodDecision.CONTINUE:
        participant_services.community_update(community=community, ends_on=new_ends_on)
        return {}
    successor_ids = {m.pk for m in successors}
    for m in successors:
        participant_services.membership_set_roles(membership=m, roles={"is_facilitator": True}, by=by)
    stepped_back = []
    for m in Membership.objects.filter(community=community, is_facilitator=True).select_related("user"):
        if m.pk not in successor_ids:
            participant_services.membership_set_roles(
                membership=m, roles={"is_facilitator": False, "is_sounding_board": True}, by=by)
            stepped_back.append(m.user.name)
    participant_services.community_update(community=community, ends_on=new_ends_on)
    return {"successors": sorted(m.user.name for m in successors), "stepped_back": sorted(stepped_back)}


def harvests_of(*, community) -> list[Harvest]:
    return list(Harvest.objects.filter(community=community).select_related("decided_by"))


def harvest_get(*, community, pk) -> Harvest:
    return get_object_or_404(Harvest.objects.select_related("decided_by"), pk=pk, community=community)

