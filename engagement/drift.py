"""The drift scan: who is slipping away from their community ("wegzakkers"), and why.

One SQL statement finds every signal for every member (of one community or of all), whatever the
number of members or communities: common table expressions number each community's plenaries with
ROW_NUMBER() OVER (PARTITION BY community ...), and NOT EXISTS checks look up attendance and answers
through their indexes. It runs on SQLite and PostgreSQL; the few spots where their SQL differs are in
_DIALECT. Only drifting members come back to Python.

Signals (thresholds per community, see DriftSettings; each counts only from the member's *reset
point*: when they joined, the facilitator's last logged contact, their last answer to a nudge, or the
end of a pause, whichever is latest):
- missed_plenaries: absent from each of the last N held plenaries (not cancelled, started, attendance
  recorded) without having said "no" to it: sending regrets is a sign of life, not a no-show;
- unanswered_invitations: no RSVP to each of the last N plenaries that already started;
- silent: no sign of life (login, RSVP, post, reply, reflection, attendance) for N weeks;
- no_workgroup: in no active workgroup while the community has some, for more than four weeks. The
  workgroups app deletes a WorkgroupMember row when someone leaves, so "left all workgroups" cannot be
  told from "never joined one": the signal looks at today, and its reason says so;
- follow_up: the facilitator's last logged contact asked to follow up on a day that has come. It
  brings the person back on the catch-up list; it is the facilitator's reminder, so nobody is nudged
  for it (FOLLOW_UP is not among NUDGE_CODES).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from lessons.models import Reflection
from meetings.models import Attendance, Meeting, Rsvp
from participants.models import Community, Membership, MemberStatus, User
from workgroups.models import Post, Reply, Workgroup, WorkgroupMember

from .models import Contact, DriftSettings, Nudge

NO_WORKGROUP_AFTER = timedelta(weeks=4)

MISSED = "missed_plenaries"
UNANSWERED = "unanswered_invitations"
SILENT = "silent"
NO_WORKGROUP = "no_workgroup"
FOLLOW_UP = "follow_up"
CODES = (MISSED, UNANSWERED, SILENT, NO_WORKGROUP, FOLLOW_UP)
NUDGE_CODES = (MISSED, UNANSWERED, SILENT, NO_WORKGROUP)  # the signals the person hears of


def _default(name):
    return DriftSettings._meta.get_field(name).default


@dataclass(frozen=True)
class Signal:
    code: str
    since: datetime
    count: int = 0

    @property
    def reason(self) -> str:
        """What the facilitator reads, in the active language."""
        n = self.count
        if self.code == MISSED:
            return ngettext("Niet aanwezig bij de laatste plenaire bijeenkomst.",
                            "Niet aanwezig bij de laatste %(n)s plenaire bijeenkomsten op rij.", n) % {"n": n}
        if self.code == UNANSWERED:
            return ngettext("Liet bij de laatste uitnodiging niet weten of hij of zij kwam.",
                            "Liet bij de laatste %(n)s uitnodigingen op rij niet weten of hij of zij kwam.",
                            n) % {"n": n}
        if self.code == SILENT:
            weeks = max(1, n)
            return ngettext("Geen teken van leven (inloggen, aanmelden, bericht, reflectie) in %(n)s week.",
                            "Geen teken van leven (inloggen, aanmelden, bericht, reflectie) in %(n)s weken.",
                            weeks) % {"n": weeks}
        if self.code == NO_WORKGROUP:
            return ngettext(
                # (what this looks at is now: the portal keeps no record of who left a workgroup)
                "Doet nu in geen enkele werkgroep mee, terwijl er %(n)s actief is.",
                "Doet nu in geen enkele werkgroep mee, terwijl er %(n)s actief zijn.", n) % {"n": n}
        if self.code == FOLLOW_UP:
            return gettext("Je spraak af om op %(date)s weer contact op te nemen.") % {
                "date": date_format(self.since.date(), "j F Y")}
        return self.code

    @property
    def personal(self) -> str:
        """The same signal, said to the person themselves (for the nudge email)."""
        n = self.count
        if self.code == MISSED:
            return ngettext("We misten je bij de laatste plenaire bijeenkomst.",
                            "We misten je bij de laatste %(n)s plenaire bijeenkomsten.", n) % {"n": n}
        if self.code == UNANSWERED:
            return ngettext("We hoorden bij de laatste uitnodiging niet of je kwam.",
                            "We hoorden bij de laatste %(n)s uitnodigingen niet of je kwam.", n) % {"n": n}
        if self.code == SILENT:
            return gettext("We hebben al een tijdje niets van je gehoord.")
        if self.code == NO_WORKGROUP:
            return ngettext("Je doet nu in geen werkgroep mee; er is er %(n)s waar je kunt aanschuiven.",
                            "Je doet nu in geen werkgroep mee; er zijn er %(n)s waar je kunt aanschuiven.",
                            n) % {"n": n}
        return ""

    def as_json(self) -> dict:
        return {"code": self.code, "since": self.since.isoformat(), "count": self.count}


@dataclass
class DriftRow:
    membership_id: int
    community_id: int
    reset_at: datetime
    quiet_days: int
    max_nudges: int
    signals: list[Signal] = field(default_factory=list)

    @property
    def since(self) -> datetime:
        return min(s.since for s in self.signals)


# Where SQLite and PostgreSQL say the same thing differently.
_DIALECT = {
    "sqlite": {
        "greatest": "MAX",
        # Date minus a number of days, as text comparable with stored datetimes.
        "days_before": "datetime({now}, '-' || ({days}) || ' days')",
        "date_as_datetime": "({col} || ' 00:00:00')",
    },
    "postgresql": {
        "greatest": "GREATEST",
        "days_before": "({now} - ({days}) * INTERVAL '1 day')",
        "date_as_datetime": "(CAST({col} AS timestamp) AT TIME ZONE 'UTC')",
    },
}


def _tables() -> dict:
    """The tables the scan reads, named through their models (so the imports above show what it
    depends on)."""
    models = {
        "community": Community, "membership": Membership, "user": User, "settings": DriftSettings,
        "contact": Contact, "nudge": Nudge, "meeting": Meeting, "attendance": Attendance, "rsvp": Rsvp,
        "workgroup": Workgroup, "wgmember": WorkgroupMember, "post": Post, "reply": Reply,
        "reflection": Reflection,
    }
    return {name: connection.ops.quote_name(model._meta.db_table) for name, model in models.items()}


# The final SELECT of each signal; the scan unions the ones asked for (all, normally).
_BRANCHES = {
    MISSED: """SELECT mem.id, mem.community_id, mem.reset_at, mem.quiet_days, mem.max_nudges, 'missed_plenaries',
       hs.oldest, hs.n
FROM mem JOIN held_span hs ON hs.community_id = mem.community_id
WHERE hs.n >= mem.n_missed AND hs.oldest > mem.reset_at AND mem.id NOT IN (SELECT id FROM went)""",
    UNANSWERED: """SELECT mem.id, mem.community_id, mem.reset_at, mem.quiet_days, mem.max_nudges,
       'unanswered_invitations', ins.oldest, ins.n
FROM mem JOIN invited_span ins ON ins.community_id = mem.community_id
WHERE ins.n >= mem.n_unanswered AND ins.oldest > mem.reset_at AND mem.id NOT IN (SELECT id FROM answered)""",
    SILENT: "SELECT id, community_id, reset_at, quiet_days, max_nudges, 'silent', since, 0 FROM silent",
    NO_WORKGROUP: """SELECT mem.id, mem.community_id, mem.reset_at, mem.quiet_days, mem.max_nudges, 'no_workgroup',
       mem.reset_at, ow.n
FROM mem JOIN open_wg ow ON ow.community_id = mem.community_id
WHERE mem.reset_at < %(no_wg_cutoff)s AND mem.id NOT IN (SELECT id FROM in_wg)""",
    FOLLOW_UP: """SELECT mem.id, mem.community_id, mem.reset_at, mem.quiet_days, mem.max_nudges, 'follow_up',
       lc.follow_up_at, 0
FROM mem JOIN last_contact lc ON lc.membership_id = mem.id
WHERE lc.rn = 1 AND lc.follow_up_on IS NOT NULL AND lc.follow_up_on <= %(today)s""",
}


def _sql(*, one_community: bool, codes=CODES) -> str:
    d = _DIALECT[connection.vendor if connection.vendor in _DIALECT else "sqlite"]
    g = d["greatest"]
    cutoff = d["days_before"].format(now="%(now)s", days="s.silent_weeks * 7")
    paused_end = d["date_as_datetime"].format(col="m.paused_until")
    follow_up_at = d["date_as_datetime"].format(col="ct.follow_up_on")
    community_filter = "AND c.id = %(community)s" if one_community else ""
    # Each signal is found set-based: the last N plenaries per community come from a window function,
    # who attended or answered them from one join each, and "no sign of life" first from everything
    # that happened inside the widest window; only the few who stay silent get their exact last date.
    return f"""
WITH s AS (
    SELECT c.id AS community_id,
           COALESCE(ds.missed_plenaries, %(d_missed)s) AS n_missed,
           COALESCE(ds.unanswered_invitations, %(d_unanswered)s) AS n_unanswered,
           COALESCE(ds.silent_weeks, %(d_silent)s) AS silent_weeks,
           COALESCE(ds.quiet_days, %(d_quiet)s) AS quiet_days,
           COALESCE(ds.max_unanswered_nudges, %(d_max)s) AS max_nudges
    FROM {{community}} c LEFT JOIN {{settings}} ds ON ds.community_id = c.id
    WHERE c.ends_on >= %(today)s AND c.starts_on <= %(today)s AND c.stopped_at IS NULL {community_filter}
),
plen AS (
    SELECT mt.id, mt.community_id, mt.starts_at, mt.attendance_recorded_at, s.n_missed, s.n_unanswered,
           ROW_NUMBER() OVER (PARTITION BY mt.community_id ORDER BY mt.starts_at DESC, mt.id DESC) AS rn
    FROM {{meeting}} mt JOIN s ON s.community_id = mt.community_id
    WHERE mt.kind = 'plenary' AND mt.cancelled_at IS NULL AND mt.starts_at < %(now)s
),
held AS (
    SELECT id, community_id, starts_at, n_missed,
           ROW_NUMBER() OVER (PARTITION BY community_id ORDER BY starts_at DESC, id DESC) AS rn
    FROM plen WHERE attendance_recorded_at IS NOT NULL
),
last_held AS (SELECT id, community_id, starts_at FROM held WHERE rn <= n_missed),
last_invited AS (SELECT id, community_id, starts_at FROM plen WHERE rn <= n_unanswered),
held_span AS (
    SELECT community_id, COUNT(*) AS n, MIN(starts_at) AS oldest FROM last_held GROUP BY community_id
),
invited_span AS (
    SELECT community_id, COUNT(*) AS n, MIN(starts_at) AS oldest FROM last_invited GROUP BY community_id
),
went AS (
    SELECT DISTINCT a.membership_id AS id FROM {{attendance}} a WHERE a.meeting_id IN (SELECT id FROM last_held)
    UNION
    SELECT r.membership_id FROM {{rsvp}} r WHERE r.meeting_id IN (SELECT id FROM last_held) AND r.answer = 'no'
),
answered AS (
    SELECT DISTINCT r.membership_id AS id FROM {{rsvp}} r WHERE r.meeting_id IN (SELECT id FROM last_invited)
),
open_wg AS (
    SELECT w.community_id, COUNT(*) AS n
    FROM {{workgroup}} w JOIN s ON s.community_id = w.community_id
    WHERE w.archived_at IS NULL AND w.is_core_group = %(false)s
    GROUP BY w.community_id
),
in_wg AS (
    SELECT DISTINCT wm.membership_id AS id
    FROM {{wgmember}} wm JOIN {{workgroup}} w ON w.id = wm.workgroup_id JOIN s ON s.community_id = w.community_id
    WHERE w.archived_at IS NULL
),
mem AS (
    SELECT m.id, m.community_id, u.last_login, s.n_missed, s.n_unanswered, s.quiet_days, s.max_nudges,
           {cutoff} AS silent_cutoff,
           {g}(m.joined_at, COALESCE(ct.t, m.joined_at), COALESCE(nu.t, m.joined_at),
               COALESCE({paused_end}, m.joined_at)) AS reset_at
    FROM {{membership}} m
    JOIN s ON s.community_id = m.community_id
    JOIN {{user}} u ON u.id = m.user_id
    LEFT JOIN (SELECT membership_id, MAX(happened_at) AS t FROM {{contact}} GROUP BY membership_id) ct
           ON ct.membership_id = m.id
    LEFT JOIN (SELECT membership_id, MAX(answered_at) AS t FROM {{nudge}} WHERE answered_at IS NOT NULL
               GROUP BY membership_id) nu ON nu.membership_id = m.id
    WHERE m.status <> %(stepped_out)s AND u.is_active = %(true)s AND m.is_facilitator = %(false)s
      AND (m.is_participant = %(true)s OR m.is_core_group = %(true)s)
),
last_contact AS (
    SELECT ct.membership_id, ct.follow_up_on, {follow_up_at} AS follow_up_at,
           ROW_NUMBER() OVER (PARTITION BY ct.membership_id ORDER BY ct.happened_at DESC, ct.id DESC) AS rn
    FROM {{contact}} ct WHERE ct.membership_id IN (SELECT id FROM mem)
),
win AS (SELECT MIN(silent_cutoff) AS since FROM mem),
signs AS (
    SELECT id, MAX(t) AS t FROM (
        SELECT r.membership_id AS id, r.answered_at AS t FROM {{rsvp}} r JOIN mem ON mem.id = r.membership_id
        WHERE r.answered_at >= (SELECT since FROM win)
        UNION ALL
        SELECT p.author_id, p.created_at FROM {{post}} p JOIN mem ON mem.id = p.author_id
        WHERE p.created_at >= (SELECT since FROM win)
        UNION ALL
        SELECT rp.author_id, rp.created_at FROM {{reply}} rp JOIN mem ON mem.id = rp.author_id
        WHERE rp.created_at >= (SELECT since FROM win)
        UNION ALL
        SELECT rf.membership_id, rf.created_at FROM {{reflection}} rf JOIN mem ON mem.id = rf.membership_id
        WHERE rf.created_at >= (SELECT since FROM win)
        UNION ALL
        SELECT a.membership_id, am.starts_at FROM {{meeting}} am JOIN {{attendance}} a ON a.meeting_id = am.id
        WHERE am.starts_at >= (SELECT since FROM win) AND am.starts_at < %(now)s
          AND am.community_id IN (SELECT community_id FROM s)
    ) x GROUP BY id
),
quiet AS (
    SELECT mem.id, mem.community_id, mem.reset_at, mem.quiet_days, mem.max_nudges, mem.last_login
    FROM mem LEFT JOIN signs sg ON sg.id = mem.id
    WHERE {g}(mem.reset_at, COALESCE(mem.last_login, mem.reset_at), COALESCE(sg.t, mem.reset_at)) < mem.silent_cutoff
),
silent AS (
    SELECT q.id, q.community_id, q.reset_at, q.quiet_days, q.max_nudges,
           {g}(q.reset_at, COALESCE(q.last_login, q.reset_at),
               COALESCE((SELECT MAX(r.answered_at) FROM {{rsvp}} r WHERE r.membership_id = q.id), q.reset_at),
               COALESCE((SELECT MAX(p.created_at) FROM {{post}} p WHERE p.author_id = q.id), q.reset_at),
               COALESCE((SELECT MAX(rp.created_at) FROM {{reply}} rp WHERE rp.author_id = q.id), q.reset_at),
               COALESCE((SELECT MAX(rf.created_at) FROM {{reflection}} rf WHERE rf.membership_id = q.id), q.reset_at),
               COALESCE((SELECT MAX(am.starts_at) FROM {{attendance}} a JOIN {{meeting}} am ON am.id = a.meeting_id
                         WHERE a.membership_id = q.id AND am.starts_at < %(now)s), q.reset_at)) AS since
    FROM quiet q
)
{{branches}}
""".format(branches="\nUNION ALL\n".join(_BRANCHES[c] for c in codes),  # noqa: S608 # nosec B608
           **_tables())  # only table names and fixed fragments are formatted in


def _as_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)
    parsed = parse_datetime(str(value))
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


def drifting(*, community: Community | None = None, now: datetime | None = None, codes=CODES) -> list[DriftRow]:
    """Everyone drifting away (in one community, or in all running communities), with their signals.
    One query. Only participants and the core group are scanned: facilitators, a moderator or sounding
    board who do not take part, people who stepped out and deleted accounts are never listed. Paused
    people are (the sender skips them), with signals counted from the end of their pause."""
    now = now or timezone.now()
    ops = connection.ops
    params = {
        "now": ops.adapt_datetimefield_value(now),
        "no_wg_cutoff": ops.adapt_datetimefield_value(now - NO_WORKGROUP_AFTER),
        "today": ops.adapt_datefield_value(now.date()),
        "community": community.pk if community is not None else None,
        "d_missed": _default("missed_plenaries"), "d_unanswered": _default("unanswered_invitations"),
        "d_silent": _default("silent_weeks"), "d_quiet": _default("quiet_days"),
        "d_max": _default("max_unanswered_nudges"),
        "stepped_out": MemberStatus.STEPPED_OUT, "true": True, "false": False,
    }
    if community is None:
        del params["community"]
    rows: dict[int, DriftRow] = {}
    with connection.cursor() as cursor:
        cursor.execute(_sql(one_community=community is not None, codes=codes), params)
        for mid, cid, reset_at, quiet_days, max_nudges, code, since, n in cursor.fetchall():
            row = rows.get(mid)
            if row is None:
                row = rows[mid] = DriftRow(membership_id=mid, community_id=cid, reset_at=_as_datetime(reset_at),
                                           quiet_days=quiet_days, max_nudges=max_nudges)
            since = _as_datetime(since)
            if code == SILENT:
                n = (now - since).days // 7  # weeks without a sign of life
            row.signals.append(Signal(code=code, since=since, count=int(n or 0)))
    return sorted(rows.values(), key=lambda r: (r.community_id, r.membership_id))
