"""The engagement app's periodic scans: personal nudges to people who drift away, alerts for what
nobody answered, the weekly digest instead of bulk mail, and forgetting old logs.

Every job may run twice, or twice at once, and still sends once:
- a nudge is a Nudge row, unique per (membership, period), written in the same transaction as its
  outbox row (key "nudge:<membership>:<period>"); `period` is the number of this person's nudge, so two
  scans racing compute the same number and the unique constraint lets one through;
- telling the facilitators that nudges went unanswered is claimed by a conditional UPDATE on the
  last nudge (facilitators_told_at) and keyed per facilitator;
- an unanswered post is claimed by its UnansweredAlert row (one per post), keyed per recipient;
- the digest is keyed per person and ISO week.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from lg_portal.common.links import absolute
from meetings.models import MeetingKind
from meetings.selectors import meetings_between, plenaries_around
from participants.models import Community, EmailKind, Membership, MemberStatus
from participants.preferences import users_allowing
from participants.selectors import (
    facilitators_by_community,
    is_paused,
    memberships_in_running_communities,
    newcomers_since,
)
from participants.services import memberships_resume_due
from workgroups.selectors import (
    activities_in_period,
    members_by_workgroup,
    posts_between,
    posts_waiting_for_answer,
    workgroup_ids_by_membership,
)

from . import drift, emails
from .models import Nudge, UnansweredAlert

BATCH = 500
UNANSWERED_LOOKBACK = timedelta(days=14)  # older waiting posts are on the catch-up list, not mailed
DIGEST_DAYS = 7
DIGEST_AHEAD_DAYS = 14
RETENTION = timedelta(days=365)


# --- nudges ------------------------------------------------------------------------------------------

def nudges_send(*, now=None, community: Community | None = None) -> tuple[int, int]:
    """Scan for drift and nudge who is due. Returns (sent, skipped): skipped are drifting people who got
    nothing now (paused, nudged within the quiet period, no email wanted, nudging stopped, or another
    scan just nudged them). A fixed number of queries per batch of 500 drifting people, plus the
    writes for each nudge."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    memberships_resume_due(now=now)
    # A follow-up the facilitator planned is their reminder: nobody is nudged for it.
    rows = drift.drifting(community=community, now=now, codes=drift.NUDGE_CODES)
    sent = skipped = 0
    for start in range(0, len(rows), BATCH):
        s, k = _send_batch(rows[start:start + BATCH], now=now, today=today)
        sent, skipped = sent + s, skipped + k
    return sent, skipped


def _send_batch(rows, *, now, today) -> tuple[int, int]:
    ids = [r.membership_id for r in rows]
    members = Membership.objects.select_related("user", "community").in_bulk(ids)
    history = defaultdict(list)
    for n in Nudge.objects.filter(membership_id__in=ids).order_by("period"):
        history[n.membership_id].append(n)
    community_ids = {r.community_id for r in rows}
    facilitators = facilitators_by_community(community_ids=community_ids)
    meetings = plenaries_around(community_ids=community_ids, now=now)
    allowed = users_allowing(EmailKind.NUDGES, [m.user_id for m in members.values()])
    alerts_allowed = users_allowing(EmailKind.ALERTS, [f.user_id for fs in facilitators.values() for f in fs])
    sent = skipped = 0
    for row in rows:
        membership = members.get(row.membership_id)
        nudges = history[row.membership_id]
        last = nudges[-1] if nudges else None
        if (membership is None or membership.status == MemberStatus.STEPPED_OUT or is_paused(membership, today)
                or (last and last.sent_at > now - timedelta(days=row.quiet_days))):
            skipped += 1
            continue
        unanswered = [n for n in nudges if n.answered_at is None and n.sent_at > row.reset_at]
        if len(unanswered) >= row.max_nudges:
            _tell_facilitators(membership=membership, last=last, count=len(unanswered), row=row, now=now,
                               facilitators=[f for f in facilitators.get(row.community_id, [])
                                             if f.user_id in alerts_allowed])
            skipped += 1
            continue
        if membership.user_id not in allowed:
            skipped += 1
            continue
        signer = next(iter(facilitators.get(row.community_id, [])), None)
        period = (last.period if last else 0) + 1
        last_meeting, next_meeting = meetings.get(row.community_id, (None, None))
        try:
            with transaction.atomic():
                nudge = Nudge.objects.create(membership=membership, period=period, signed_by=signer, sent_at=now,
                                             signals=[s.as_json() for s in row.signals])
                nudge.membership = membership
                emails.nudge(nudge=nudge, membership=membership, signals=row.signals, signer=signer,
                             last_meeting=last_meeting, next_meeting=next_meeting)
        except IntegrityError:  # another scan nudged this person for this period a moment ago
            skipped += 1
            continue
        sent += 1
    return sent, skipped


def _tell_facilitators(*, membership, last, count, row, now, facilitators) -> None:
    """Nudging stops after the last of N unanswered nudges: the facilitators get one email instead,
    claimed by a conditional UPDATE so two scans tell them once."""
    with transaction.atomic():
        won = Nudge.objects.filter(pk=last.pk, facilitators_told_at__isnull=True).update(facilitators_told_at=now)
        if not won:
            return
        for facilitator in facilitators:
            emails.nudging_stopped(facilitator=facilitator, membership=membership, last=last, count=count,
                                   signals=row.signals)


def nudges_scan() -> dict:
    sent, skipped = nudges_send()
    return {"sent": sent, "skipped": skipped}


# --- questions, proposals and ideas nobody answered --------------------------------------------------

def unanswered_alerts_send(*, now=None) -> int:
    """Tell a workgroup's members, once and personally, about a question, proposal or idea of their
    group that waited three days for an answer (a community-wide one: the facilitators). Posts older
    than two weeks are not mailed any more (they stay on the catch-up list). Returns emails queued."""
    now = now or timezone.now()
    posts = list(posts_waiting_for_answer(now=now).filter(
        created_at__gte=now - UNANSWERED_LOOKBACK, community__stopped_at__isnull=True).exclude(
        Exists(UnansweredAlert.objects.filter(post=OuterRef("pk")))))
    if not posts:
        return 0
    by_workgroup = members_by_workgroup(workgroup_ids={p.workgroup_id for p in posts if p.workgroup_id})
    facilitators = facilitators_by_community(community_ids={p.community_id for p in posts if not p.workgroup_id})
    everyone = {m.user_id for ms in by_workgroup.values() for m in ms} | {
        f.user_id for fs in facilitators.values() for f in fs}
    allowed = users_allowing(EmailKind.ALERTS, everyone)
    queued = 0
    for post in posts:
        recipients = (by_workgroup.get(post.workgroup_id, []) if post.workgroup_id
                      else facilitators.get(post.community_id, []))
        try:
            with transaction.atomic():
                UnansweredAlert.objects.create(post=post, alerted_at=now)
                for member in recipients:
                    if member.pk == post.author_id or member.user_id not in allowed:
                        continue
                    queued += emails.unanswered(post=post, member=member)
        except IntegrityError:  # another run alerted this post a moment ago
            continue
    return queued


# --- the weekly digest -------------------------------------------------------------------------------

def digest_send(*, now=None) -> int:
    """One digest per person per ISO week with what happened in their workgroups and communities last
    week and what comes in the next two. Nothing to tell: no email. A fixed number of queries per 500
    people. Returns digests queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    user_ids = list(memberships_in_running_communities(today=today).values_list("user_id", flat=True)
                    .distinct().order_by("user_id"))
    queued = 0
    for start in range(0, len(user_ids), BATCH):
        queued += _digest_batch(user_ids[start:start + BATCH], now=now, today=today)
    return queued


def _digest_batch(user_ids, *, now, today) -> int:
    allowed = users_allowing(EmailKind.DIGEST, user_ids)
    if not allowed:
        return 0
    memberships = list(memberships_in_running_communities(today=today, user_ids=allowed)
                       .order_by("user_id", "community__name"))
    community_ids = {m.community_id for m in memberships}
    groups = workgroup_ids_by_membership(membership_ids=[m.pk for m in memberships])
    since = now - timedelta(days=DIGEST_DAYS)
    posts, activities, meetings = defaultdict(list), defaultdict(list), defaultdict(list)
    for post in posts_between(community_ids=community_ids, start=since, end=now):
        posts[post.community_id].append(post)
    for activity in activities_in_period(community_ids=community_ids, start=since.date(), end=today):
        activities[activity.community_id].append(activity)
    for meeting in meetings_between(community_ids=community_ids, start=since,
                                    end=now + timedelta(days=DIGEST_AHEAD_DAYS)):
        meetings[meeting.community_id].append(meeting)
    newcomers = newcomers_since(community_ids=community_ids, since=since)

    per_user = defaultdict(list)
    for m in memberships:
        mine = groups.get(m.pk, set())

        def visible(workgroup_id, mine=mine):
            return workgroup_id is None or workgroup_id in mine

        section = {
            "community": m.community,
            "url": absolute(reverse("community_home", args=[m.community.slug])),
            "posts": [p for p in posts[m.community_id] if visible(p.workgroup_id) and p.author_id != m.pk],
            "activities": [a for a in activities[m.community_id] if a.workgroup_id in mine],
            "held": [x for x in meetings[m.community_id] if x.starts_at < now and (
                x.kind != MeetingKind.WORKGROUP or x.workgroup_id in mine)],
            "coming": [x for x in meetings[m.community_id] if x.starts_at >= now and (
                x.kind != MeetingKind.WORKGROUP or x.workgroup_id in mine)],
            "newcomers": [n for n in newcomers.get(m.community_id, []) if n.pk != m.pk],
        }
        if any(section[k] for k in ("posts", "activities", "held", "coming", "newcomers")):
            per_user[m.user_id].append((m.user, section))
    queued = 0
    for entries in per_user.values():
        queued += emails.digest(user=entries[0][0], sections=[s for _u, s in entries], since=since, now=now)
    return queued


# --- keeping personal data no longer than needed -----------------------------------------------------

def logs_purge(*, now=None) -> dict[str, int]:
    """Forget nudge and alert logs older than a year that nobody needs any more. What stays: each
    person's latest nudge (the next nudge is numbered after it, and the facilitators' "told" mark lives
    on it) and the nudge with their latest answer (the drift scan counts signals from that answer on);
    and the alert for a question nobody has answered yet (the catch-up list shows the group was told).
    Each part is one DELETE, so running it twice or concurrently is safe."""
    now = now or timezone.now()
    cutoff = now - RETENTION
    counts = {}
    per_person = Nudge.objects.filter(membership=OuterRef("membership")).order_by().values("membership")
    with transaction.atomic():
        counts["nudges"] = (
            Nudge.objects.filter(sent_at__lt=cutoff)
            .annotate(last_period=Subquery(per_person.annotate(p=Max("period")).values("p")),
                      last_answer=Subquery(per_person.annotate(a=Max("answered_at")).values("a")))
            .filter(period__lt=F("last_period"), last_answer__isnull=False)
            .filter(last_answer__gt=Coalesce("answered_at", "sent_at"))
            .delete()[0]
        )
    with transaction.atomic():
        counts["unanswered_alerts"] = (
            UnansweredAlert.objects.filter(alerted_at__lt=cutoff)
            .exclude(post__in=posts_waiting_for_answer(now=now).values("pk"))
            .delete()[0]
        )
    return counts
