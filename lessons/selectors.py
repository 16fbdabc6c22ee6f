"""Reads for the compass, self-assessments, evaluations and reflections. Every function costs a fixed
number of queries, whatever the number of rows."""

from collections import defaultdict
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal import registry
from meetings.models import Attendance, Meeting, MeetingKind, Rsvp
from meetings.selectors import meeting_get_for_member
from participants.models import Membership
from participants.selectors import active_member_q, members_of
from workgroups.models import Activity, Workgroup, WorkgroupMember
from workgroups.selectors import workgroup_visible_q

from . import checks
from .charts import bar_slots, num
from .models import (
    AnswerState,
    AssessmentAnswer,
    AssessmentRound,
    AutoCheck,
    BonusTip,
    Chapter,
    Evaluation,
    EvaluationResponse,
    GoalChange,
    InitiatorGuide,
    Item,
    ItemKind,
    LearningGoal,
    Lesson,
    Reflection,
)

EVALUATION_INTERVAL_MONTHS = 6
REFLECTION_GRACE_DAYS = 7


# --- the compass -------------------------------------------------------------------------------

def compass_chapters():
    """All chapters with their items and lessons: three queries."""
    return list(Chapter.objects.prefetch_related(
        Prefetch("items", queryset=Item.objects.order_by("order")),
        Prefetch("lessons", queryset=Lesson.objects.order_by("order")),
    ))


def compass_chapter(*, key):
    return Chapter.objects.prefetch_related(
        Prefetch("items", queryset=Item.objects.order_by("order")),
        Prefetch("lessons", queryset=Lesson.objects.order_by("order")),
    ).filter(key=key).first()


KIND_ORDER = [k.value for k in ItemKind]


def items_by_kind(items) -> list[tuple[str, str, list]]:
    """Group a chapter's items the way the guide does: (kind, label, items), in the guide's order."""
    groups = defaultdict(list)
    for item in items:
        groups[item.kind].append(item)
    labels = dict(ItemKind.choices)
    return [(kind, labels[kind], groups[kind]) for kind in KIND_ORDER if groups[kind]]


def initiator_guide(*, initiator):
    """The bonus tips and example questions for one kind of initiator: two queries."""
    return (InitiatorGuide.objects.filter(initiator=initiator)
            .prefetch_related(Prefetch("tips", queryset=BonusTip.objects.order_by("kind", "order"))).first())


# --- automatic checks ----------------------------------------------------------------------------

def reflection_window_start(*, community, today: date) -> date:
    return max(community.starts_on, today - relativedelta(months=EVALUATION_INTERVAL_MONTHS))


def meeting_day(meeting) -> date:
    """The day a meeting was held: the day it started, in the active time zone (as the queries'
    `starts_at__date` count it)."""
    return timezone.localdate(meeting.starts_at)


def _look_back_querysets(*, community, since: date, until: date, now):
    """(activities, held meetings) on their day between `since` and `until`, each annotated with
    `reflected`: the one definition of a moment to look back on."""
    activities = (Activity.objects.filter(community=community,
                                          happened_on__gte=since, happened_on__lte=until)
                  .annotate(reflected=Exists(Reflection.objects.filter(activity=OuterRef("pk")))))
    meetings = (held_meetings(community=community, now=now)
                .filter(starts_at__date__gte=since, starts_at__date__lte=until)
                .annotate(reflected=Exists(Reflection.objects.filter(meeting=OuterRef("pk")))))
    return activities, meetings


def moments_to_look_back_on(*, community, since: date, until: date, now=None) -> list[tuple]:
    """What counts as an activity to look back on, everywhere the portal counts them (the compass's
    reflection check, the overdue list, the balance per workgroup, the dashboard, the harvest): every
    activity a workgroup recorded (a match the workgroup made itself too; the marketplace's matches are
    results, not activities: the marketplace day is one activity), and every held meeting (a
    plenary, a workgroup meeting, a work visit; not cancelled, started before now), on its day between
    `since` and `until`. Each as (workgroup id, workgroup name, closed, day, meeting kind or None,
    reflected). Two queries."""
    now = now or timezone.now()
    activities, meetings = _look_back_querysets(community=community, since=since, until=until, now=now)
    activities = activities.values_list("workgroup_id", "workgroup__name", "workgroup__closed", "happened_on",
                                        "reflected")
    meetings = meetings.values_list("workgroup_id", "workgroup__name", "workgroup__closed", "starts_at", "kind",
                                    "reflected")
    return ([(wg, name, closed, day, None, reflected) for wg, name, closed, day, reflected in activities]
            + [(wg, name, closed, timezone.localdate(starts), kind, reflected)
               for wg, name, closed, starts, kind, reflected in meetings])


def reflection_window(*, community, now) -> tuple[date, date]:
    """The days whose moments the compass's reflection check and the overdue list judge: from the
    window's start (half a year back, or the community's start) to the last day whose
    REFLECTION_GRACE_DAYS are over (a moment is overdue from the eighth day on)."""
    today = timezone.localdate(now)
    return (reflection_window_start(community=community, today=today),
            today - timedelta(days=REFLECTION_GRACE_DAYS + 1))


def reflection_check_moments(*, community, now=None) -> dict:
    """One set for the compass's reflection check and the coordinator's list of overdue reflections
    (the reflections page): the moments to look back on in reflection_window, and those nobody
    reflected on yet, as subject rows, oldest first. Recording one reflection takes a moment off
    both. {"since", "until", "total", "missing", "workgroups"} (`workgroups`: each counted moment's
    workgroup or None, so a page can say how many it cannot list to this viewer). Two queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since, until = reflection_window(community=community, now=now)
    activities, meetings = _look_back_querysets(community=community, since=since, until=until, now=now)
    activities = list(activities.select_related("workgroup"))
    meetings = list(meetings.select_related("workgroup"))
    missing = [_subject_row(a, "activity", today=today, now=now, count=0) for a in activities if not a.reflected]
    missing += [_subject_row(m, "meeting", today=today, now=now, count=0) for m in meetings if not m.reflected]
    missing.sort(key=lambda row: row["day"])
    return {"since": since, "until": until, "total": len(activities) + len(meetings), "missing": missing,
            "workgroups": [a.workgroup for a in activities] + [m.workgroup for m in meetings]}


def _open_workgroups_with_members(*, community):
    workgroups = list(Workgroup.objects.filter(community=community, archived_at__isnull=True, is_core_group=False)
                      .prefetch_related(Prefetch(
                          "members",
                          queryset=WorkgroupMember.objects.select_related("membership").filter(
                              active_member_q("membership__")))))
    return [(w.name, [wm.membership for wm in w.members.all()]) for w in workgroups]


def compass_checks(*, community, now=None, members=None) -> dict:
    """Every automatic check's live state, keyed by AutoCheck value. A fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if members is None:
        members = list(members_of(community=community))
    last_concluded = Evaluation.objects.filter(community=community, concluded_at__isnull=False).aggregate(
        last=Max("concluded_at"))["last"]
    reflected = reflection_check_moments(community=community, now=now)
    slug = community.slug
    results = [
        checks.check_group_size(members=members),
        checks.check_duration(community=community),
        checks.check_evaluation(community=community, today=today,
                                last_concluded=timezone.localdate(last_concluded) if last_concluded else None),
        checks.check_reflection(total=reflected["total"], missing=len(reflected["missing"]), since=reflected["since"],
                                evidence_url=reverse("lessons_reflections", args=[slug]) + "#overdue-title"),
        checks.check_mixed_workgroups(workgroups=_open_workgroups_with_members(community=community)),
        checks.check_ground_rules(community=community, members=members,
                                  evidence_url=reverse("community_home", args=[slug]) + "#rules-status-title",
                                  rules_url=reverse("community_edit", args=[slug])),
    ]
    # Every check links to where its evidence is: the people counted, the dates, the evaluations, the
    # workgroups judged (the reflection and ground-rules checks point at their own lists above).
    evidence = {
        "group_size": (reverse("member_list", args=[slug]), _("Bekijk de leden"), ""),
        "duration": (reverse("community_edit", args=[slug]), _("Bekijk of verander de looptijd"), "facilitate"),
        "evaluation": (reverse("lessons_evaluations", args=[slug]), _("Bekijk de tussenevaluaties"), ""),
        "mixed_workgroups": (reverse("workgroup_list", args=[slug]), _("Bekijk de werkgroepen"), ""),
    }
    for result in results:
        if result.key in evidence and not result.evidence_url:
            result.evidence_url, result.evidence_label, result.evidence_for = evidence[result.key]
    # Checks on what other apps own (who drifts away: the engagement app's scan) are registered there.
    for check in registry.COMPASS_CHECKS:
        results.extend(check(community=community, now=now, members=members))
    labels = dict(AutoCheck.choices)
    for result in results:
        result.label = labels[result.key]
    return {r.key: r for r in results}


# --- self-assessment ---------------------------------------------------------------------------

def open_round(*, community):
    return AssessmentRound.objects.filter(community=community, closed_at__isnull=True).first()


def rounds_of(*, community):
    return list(AssessmentRound.objects.filter(community=community).select_related("opened_by", "closed_by"))


def round_get(*, community, pk):
    """A round of this community, or 404."""
    return get_object_or_404(AssessmentRound.objects.select_related("opened_by", "closed_by"),
                             pk=pk, community=community)


def answers_of_member(*, round, membership) -> dict:
    """item_id -> this member's answer in the round: one query."""
    return {a.item_id: a for a in AssessmentAnswer.objects.filter(round=round, membership=membership)}


def score(in_place: int, attention: int) -> int | None:
    """Share of answered (applicable) marks that say 'in place', 0-100."""
    answered = in_place + attention
    return round(100 * in_place / answered) if answered else None


def round_tally(*, round) -> dict:
    """Counts per item and state for a round: {item_id: {state: n}}. One query."""
    tally = defaultdict(lambda: dict.fromkeys(AnswerState.values, 0))
    for item_id, state, n in (AssessmentAnswer.objects.filter(round=round)
                              .values_list("item_id", "state").annotate(n=Count("pk")).order_by()):
        tally[item_id][state] = n
    return tally


def summarise_round(*, round) -> dict:
    """Summary per chapter key: counts per state, the score and how many people answered. Two queries."""
    chapter_of = dict(Item.objects.values_list("pk", "chapter__key"))
    summary = {key: {**dict.fromkeys(AnswerState.values, 0), "score": None}
               for key in Chapter.objects.order_by("order").values_list("key", flat=True)}
    for item_id, counts in round_tally(round=round).items():
        for state, n in counts.items():
            summary[chapter_of[item_id]][state] += n
    for row in summary.values():
        row["score"] = score(row[AnswerState.IN_PLACE], row[AnswerState.ATTENTION])
    return summary


def round_respondents(*, round) -> int:
    return AssessmentAnswer.objects.filter(round=round).values("membership").distinct().count()


def round_notes(*, round) -> dict:
    """item_id -> [(name, state label, note)] for the notes members left. One query."""
    labels = dict(AnswerState.choices)
    notes = defaultdict(list)
    for answer in (AssessmentAnswer.objects.filter(round=round).exclude(note="")
                   .select_related("membership__user").order_by("answered_at")):
        notes[answer.item_id].append((answer.membership.user.name, labels[answer.state], answer.note))
    return notes


def trend(*, community, chapters, limit: int = 8) -> dict:
    """The closed rounds' stored summaries, oldest first, for the chart and its table. One query."""
    closed = list(AssessmentRound.objects.filter(community=community, closed_at__isnull=False)
                  .order_by("-closed_at")[:limit])[::-1]
    rows = []
    for chapter in chapters:
        rows.append({"chapter": chapter,
                     "scores": [r.summary.get(chapter.key, {}).get("score") for r in closed]})
    return {"rounds": closed, "rows": rows}


def trend_chart(trend_data, *, width=200, height=80, gap=4) -> list[dict]:
    """Geometry for a small bar chart per chapter (drawn as inline SVG by the template)."""
    rounds = trend_data["rounds"]
    slots = bar_slots(len(rounds), length=width, gap=gap)
    charts = []
    for row in trend_data["rows"]:
        bars = []
        for (value, rnd), (x, bar) in zip(zip(row["scores"], rounds, strict=True), slots, strict=False):
            h = 0 if value is None else height * value / 100
            # Strings, not floats (lessons.charts.num): the template would localise 4.5 to "4,5".
            bars.append({"x": num(x), "y": num(height - h), "w": num(bar), "h": num(h), "value": value,
                         "round": rnd})
        charts.append({"chapter": row["chapter"], "bars": bars, "scores": row["scores"]})
    return charts


def latest_closed_tally(*, community):
    """The latest closed round and its counts per item (two queries), for the printable compass."""
    latest = (AssessmentRound.objects.filter(community=community, closed_at__isnull=False)
              .order_by("-closed_at").first())
    return latest, (round_tally(round=latest) if latest else {})


# --- intermediate evaluations ---------------------------------------------------------------------

def evaluation_plan(*, community) -> list[date]:
    """Every six months from the community's start, up to its end."""
    dates, k = [], 1
    while True:
        planned = community.starts_on + relativedelta(months=EVALUATION_INTERVAL_MONTHS * k)
        if planned > community.ends_on:
            return dates
        dates.append(planned)
        k += 1


def evaluation_schedule(*, community, today) -> list[dict]:
    """The planned dates joined with the evaluations held or open (also unplanned ones). One query."""
    evaluations = {e.planned_on: e for e in Evaluation.objects.filter(community=community)
                   .annotate(n_responses=Count("responses"))}
    rows = []
    for planned in sorted(set(evaluation_plan(community=community)) | set(evaluations)):
        evaluation = evaluations.get(planned)
        if evaluation is None:
            state = "due" if planned <= today else "planned"
        else:
            state = "open" if evaluation.is_open else "concluded"
        rows.append({"planned_on": planned, "evaluation": evaluation, "state": state})
    return rows


def evaluation_get(*, community, pk):
    return get_object_or_404(Evaluation.objects.select_related("opened_by", "concluded_by"), pk=pk,
                             community=community)


def evaluation_responses(*, evaluation):
    return list(EvaluationResponse.objects.filter(evaluation=evaluation).select_related("membership__user")
                .order_by("answered_at"))


def goal_history(*, community):
    return list(GoalChange.objects.filter(community=community).select_related("changed_by", "evaluation"))


# --- learning goals ----------------------------------------------------------------------------

def community_learning_goals(*, community) -> list:
    """The community's own learning goals (not a person's), the open ones first. One query."""
    return list(LearningGoal.objects.filter(community=community, membership__isnull=True)
                .order_by(F("reached_at").asc(nulls_first=True), "created_at", "pk"))


def learning_goals(*, community):
    """(community goals, {membership: [goals]}) in two lists. One query."""
    shared, personal = [], defaultdict(list)
    for goal in LearningGoal.objects.filter(community=community).select_related("membership__user"):
        if goal.membership_id is None:
            shared.append(goal)
        else:
            personal[goal.membership].append(goal)
    return shared, sorted(personal.items(), key=lambda kv: kv[0].user.name)


# --- reflections --------------------------------------------------------------------------------

REFLECTION_DUE_WINDOW_DAYS = 60  # a person's own list of reflections to write looks back this far


def visible_reflections_q(membership) -> Q:
    return Q(community_id=membership.community_id) & (
        (Q(activity__isnull=False) & workgroup_visible_q(membership, "activity__workgroup"))
        | (Q(meeting__isnull=False) & workgroup_visible_q(membership, "meeting__workgroup"))
    )


def held_meetings(*, community, now):
    return Meeting.objects.filter(community=community, starts_at__lt=now, cancelled_at__isnull=True)


def took_part_in_meeting_q(membership) -> Q:
    """Who took part in a meeting: the recorded attendance; before attendance is recorded, those who
    said yes."""
    attended = Attendance.objects.filter(meeting=OuterRef("pk"), membership=membership)
    said_yes = Rsvp.objects.filter(meeting=OuterRef("pk"), membership=membership, answer="yes")
    return ((Q(attendance_recorded_at__isnull=False) & Q(Exists(attended)))
            | (Q(attendance_recorded_at__isnull=True) & Q(Exists(said_yes))))


def took_part_in_meeting(*, meeting, membership) -> bool:
    return Meeting.objects.filter(took_part_in_meeting_q(membership), pk=meeting.pk).exists()


def took_part_in_activity(*, activity, membership) -> bool:
    return activity.participants.filter(pk=membership.pk).exists()


def reflections_due_for(*, membership, now=None, limit=None) -> list[dict]:
    """Held meetings and activities this member took part in and has not reflected on yet, in the last
    REFLECTION_DUE_WINDOW_DAYS, oldest first. Two queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = today - timedelta(days=REFLECTION_DUE_WINDOW_DAYS)
    mine = Reflection.objects.filter(membership=membership)
    activities = (Activity.objects.filter(community_id=membership.community_id,
                                          participants=membership, happened_on__gte=since, happened_on__lte=today)
                  .exclude(Exists(mine.filter(activity=OuterRef("pk")))).select_related("workgroup"))
    meetings = (held_meetings(community=membership.community_id, now=now)
                .filter(took_part_in_meeting_q(membership), starts_at__date__gte=since)
                .exclude(Exists(mine.filter(meeting=OuterRef("pk")))).select_related("workgroup"))
    due = [_subject_row(a, "activity", today=today, now=now) for a in activities]
    due += [_subject_row(m, "meeting", today=today, now=now) for m in meetings]
    due.sort(key=lambda row: row["day"])
    return due[:limit] if limit else due


def is_overdue(day: date, *, today: date) -> bool:
    """A moment waits REFLECTION_GRACE_DAYS for its reflection; from the day after, it is overdue."""
    return (today - day).days > REFLECTION_GRACE_DAYS


def _subject_row(obj, kind, *, today, now, count=None):
    if kind == "activity":
        day, title, workgroup = obj.happened_on, obj.title, obj.workgroup
    else:
        day, title, workgroup = meeting_day(obj), obj.title, obj.workgroup
    overdue = is_overdue(day, today=today)
    return {"kind": kind, "obj": obj, "pk": obj.pk, "day": day, "title": title, "workgroup": workgroup,
            "count": count, "overdue": overdue, "due_on": day + timedelta(days=REFLECTION_GRACE_DAYS)}


def reflection_moments(*, membership, now=None) -> list[dict]:
    """Every moment to look back on in the compass's window (reflection_window_start: the last half
    year) that this member may see, newest first, with its number of reflections and whether one is
    overdue. Three queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    since = reflection_window_start(community=membership.community, today=today)
    activities = (Activity.objects.filter(workgroup_visible_q(membership, "workgroup"),
                                          community_id=membership.community_id,
                                          happened_on__gte=since, happened_on__lte=today)
                  .select_related("workgroup").annotate(n=Count("reflections")))
    meetings = (held_meetings(community=membership.community_id, now=now)
                .filter(workgroup_visible_q(membership, "workgroup"), starts_at__date__gte=since)
                .select_related("workgroup").annotate(n=Count("reflections")))
    rows = [_subject_row(a, "activity", today=today, now=now, count=a.n) for a in activities]
    rows += [_subject_row(m, "meeting", today=today, now=now, count=m.n) for m in meetings]
    for row in rows:
        row["overdue"] = row["overdue"] and not row["count"]
    rows.sort(key=lambda row: row["day"], reverse=True)
    return rows


def overdue_reflections(*, community, now=None) -> list[dict]:
    """The moments in the compass's window whose week of grace is over and that nobody reflected on
    (oldest first): exactly those the compass's reflection check counts (reflection_check_moments).
    Titles of closed workgroups' subjects are for their members only; the caller decides what to
    show. Two queries."""
    return reflection_check_moments(community=community, now=now)["missing"]


def quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def reflection_balance(*, community, now=None, quarters: int = 4) -> dict:
    """Per workgroup and quarter: the moments to look back on (moments_to_look_back_on: activities and
    held meetings; plenaries and work visits, which belong to no workgroup, in rows of their own) and
    how many were reflected on. The balance of acting and reflecting over time. Two queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    periods = [quarter_start(today)]
    while len(periods) < quarters:
        previous = quarter_start(periods[0] - timedelta(days=1))
        if previous < quarter_start(community.starts_on):
            break
        periods.insert(0, previous)
    rows = moments_to_look_back_on(community=community, since=periods[0], until=today, now=now)
    own_rows = {MeetingKind.PLENARY: (0, _("Plenaire bijeenkomsten")), MeetingKind.WORK_VISIT: (1, _("Werkbezoeken"))}
    table = {}
    for workgroup_id, name, closed, happened_on, kind, reflected in rows:
        order, label = (2, name) if workgroup_id is not None else own_rows[kind]
        entry = table.setdefault(workgroup_id or kind, {"name": label, "closed": closed, "order": order,
                                                        "plenary": workgroup_id is None,
                                                        "cells": {p: [0, 0] for p in periods}})
        cell = entry["cells"][quarter_start(happened_on)]
        cell[0] += 1
        cell[1] += 1 if reflected else 0
    result = []
    for entry in sorted(table.values(), key=lambda e: (e["order"], e["name"])):
        cells = []
        for p in periods:
            total, reflected = entry["cells"][p]
            cells.append({"total": total, "reflected": reflected,
                          "share": round(100 * reflected / total) if total else None})
        result.append({"name": entry["name"], "closed": entry["closed"], "cells": cells})
    labelled = [{"start": p, "quarter": (p.month - 1) // 3 + 1, "year": p.year} for p in periods]
    return {"periods": periods, "quarters": labelled, "rows": result}


def shared_insights(*, membership, limit: int = 30) -> list:
    """Personal insights their authors chose to share, that this member may see. One query."""
    return list(Reflection.objects.filter(visible_reflections_q(membership), insight_shared=True)
                .exclude(insight="").select_related("membership__user", "activity", "meeting")
                .order_by("-created_at")[:limit])


def reflections_on(*, membership, activity=None, meeting=None) -> list:
    """The reflections on one subject, with everyone's insight hidden unless shared or their own. One query."""
    qs = Reflection.objects.filter(activity=activity) if activity is not None else Reflection.objects.filter(
        meeting=meeting)
    rows = list(qs.select_related("membership__user").order_by("created_at"))
    for r in rows:
        r.insight_visible = bool(r.insight) and (r.insight_shared or r.membership_id == membership.pk)
    return rows


def activity_get_for_reflection(*, membership, pk):
    """An activity of the member's community that they may see (closed workgroups: members only), or 404."""
    activity = (Activity.objects.filter(workgroup_visible_q(membership, "workgroup"), pk=pk,
                                        community_id=membership.community_id)
                .select_related("workgroup").first())
    if activity is None:
        raise Http404
    return activity


def meeting_get_for_reflection(*, membership, pk):
    return meeting_get_for_member(membership=membership, pk=pk)


def workgroup_ids_of(*, membership) -> set[int]:
    return set(WorkgroupMember.objects.filter(membership=membership).values_list("workgroup_id", flat=True))


REMINDER_AFTER_DAYS = (1, 3)  # remind those who took part one to three days afterwards


def reflection_reminders_due(*, now=None) -> list[tuple[dict, Membership]]:
    """(subject row, membership) for everyone, in every community, who took part in an activity or a held
    meeting that ended one to three days ago and has not reflected on it. A fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    first, last = REMINDER_AFTER_DAYS
    active = Membership.objects.filter(active_member_q()).select_related("user", "community")
    due = []

    activities = list(Activity.objects.filter(happened_on__gte=today - timedelta(days=last),
                                              happened_on__lte=today - timedelta(days=first))
                      .select_related("workgroup").prefetch_related(Prefetch("participants", queryset=active)))
    done = set(Reflection.objects.filter(activity__in=activities).values_list("activity_id", "membership_id"))
    for activity in activities:
        row = _subject_row(activity, "activity", today=today, now=now)
        due += [(row, m) for m in activity.participants.all() if (activity.pk, m.pk) not in done]

    meetings = list(Meeting.objects.filter(cancelled_at__isnull=True, ends_at__gte=now - timedelta(days=last),
                                           ends_at__lte=now - timedelta(days=first)).select_related("workgroup"))
    recorded = [m.pk for m in meetings if m.attendance_recorded_at]
    unrecorded = [m.pk for m in meetings if not m.attendance_recorded_at]
    took_part = set(Attendance.objects.filter(meeting_id__in=recorded).values_list("meeting_id", "membership_id"))
    took_part |= set(Rsvp.objects.filter(meeting_id__in=unrecorded, answer="yes")
                     .values_list("meeting_id", "membership_id"))
    done = set(Reflection.objects.filter(meeting__in=meetings).values_list("meeting_id", "membership_id"))
    people = {m.pk: m for m in active.filter(pk__in={pk for _meeting, pk in took_part})}
    by_pk = {m.pk: m for m in meetings}
    for meeting_id, membership_id in sorted(took_part - done):
        if membership_id in people:
            row = _subject_row(by_pk[meeting_id], "meeting", today=today, now=now)
            due.append((row, people[membership_id]))
    return due
