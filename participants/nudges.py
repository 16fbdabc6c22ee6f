"""Catching up with people who drift away (the guide: "bijpraten met wegzakkers"), answering what
nobody answers, and the weekly digest instead of bulk mail.

Every email here goes to one person through the outbox (lg_portal.outbox), rendered in their
language, with an unsubscribe link for its kind and a List-Unsubscribe header. Every job may run
twice, or twice at once, and still sends once:
- a nudge is a Nudge row, unique per (membership, period), written in the same transaction as its
  outbox row (key "nudge:<membership>:<period>"); `period` is the number of this person's nudge, so two
  scans racing compute the same number and the unique constraint lets one through;
- telling the facilitators that nudges went unanswered is claimed by a conditional UPDATE on the
  last nudge (facilitators_told_at) and keyed per facilitator;
- an unanswered post is claimed by its UnansweredAlert row (one per post), keyed per recipient;
- the digest is keyed per person and ISO week.

Other apps ask `email_allowed(user, kind)` (or `users_allowing(kind, user_ids)` for many at once)
before they email someone; kinds are participants.models.EmailKind.
"""

import logging
from collections import defaultdict
from datetime import date, datetime, timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lg_portal import outbox
from lg_portal.common.mail import absolute

from . import drift
from .models import (
    Community,
    Contact,
    DriftSettings,
    EmailKind,
    EmailPreference,
    Membership,
    MemberStatus,
    Nudge,
    NudgeAnswer,
    UnansweredAlert,
    User,
)

logger = logging.getLogger(__name__)

NUDGE_LINK_DAYS = 60
BATCH = 500
UNANSWERED_LOOKBACK = timedelta(days=14)  # older waiting posts are on the catch-up list, not mailed
DIGEST_DAYS = 7
DIGEST_AHEAD_DAYS = 14
PAUSE_MAX_DAYS = 366


# --- email preferences and unsubscribe links ---------------------------------------------------------

KINDS = [k.value for k in EmailKind]


def email_allowed(user, kind: str) -> bool:
    """May we send this person email of this kind? No preference row means yes. One query."""
    if kind not in KINDS:
        raise ValueError(f"unknown email kind {kind!r}")
    if user is None or not user.is_active:
        return False
    return not EmailPreference.objects.filter(user=user, **{kind: False}).exists()


def users_allowing(kind: str, user_ids) -> set[int]:
    """Of these user ids, those who accept email of this kind. One query, for any number of people."""
    if kind not in KINDS:
        raise ValueError(f"unknown email kind {kind!r}")
    user_ids = set(user_ids)
    blocked = set(EmailPreference.objects.filter(user_id__in=user_ids, **{kind: False}).values_list("user_id", flat=True))
    return user_ids - blocked


def email_preferences_for(user) -> EmailPreference:
    """The person's preferences, or unsaved defaults (everything on)."""
    return EmailPreference.objects.filter(user=user).first() or EmailPreference(user=user)


def email_preferences_update(*, user, now=None, **flags) -> EmailPreference:
    unknown = set(flags) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown email kinds {sorted(unknown)}")
    with transaction.atomic():
        preference, _created = EmailPreference.objects.select_for_update().get_or_create(user=user)
        for kind, value in flags.items():
            setattr(preference, kind, bool(value))
        preference.updated_at = now or timezone.now()
        preference.save()
    return preference


def _unsubscribe_salt(kind: str) -> str:
    return f"participants.unsubscribe.{kind}"


def unsubscribe_url(user, kind: str) -> str:
    token = signing.dumps(user.pk, salt=_unsubscribe_salt(kind))
    return absolute(reverse("email_unsubscribe", args=[kind, token]))


def unsubscribe_user(token: str, kind: str):
    """The active person this unsubscribe link was made for, or None (tampered, other kind, deleted)."""
    if kind not in KINDS:
        return None
    try:
        user_id = signing.loads(token, salt=_unsubscribe_salt(kind))
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def unsubscribe_headers(user, kind: str, url: str | None = None) -> dict:
    """RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs to the link."""
    return {"List-Unsubscribe": f"<{url or unsubscribe_url(user, kind)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def enqueue_with_unsubscribe(*, key, kind, pref_kind, user, template, context, reply_to=None) -> bool:
    """Queue an email of a kind people can switch off, with its unsubscribe link (include
    emails/nudge__unsubscribe.txt/.html in the template) and List-Unsubscribe headers."""
    url = unsubscribe_url(user, pref_kind)
    headers = unsubscribe_headers(user, pref_kind, url)
    if reply_to:
        headers["Reply-To"] = reply_to
    return outbox.enqueue(key=key, kind=kind, user=user, template=template, headers=headers,
                          context={"unsubscribe_url": url, "unsubscribe_kind": EmailKind(pref_kind).label,
                                   "preferences_url": absolute(reverse("email_preferences")),
                                   **context})


# --- settings ----------------------------------------------------------------------------------------

def drift_settings_for(*, community: Community) -> DriftSettings:
    """The community's thresholds, or unsaved defaults (the row is created when a facilitator saves)."""
    return DriftSettings.objects.filter(community=community).first() or DriftSettings(community=community)


def drift_settings_update(*, community: Community, **fields) -> DriftSettings:
    found = drift_settings_for(community=community)
    for name, value in fields.items():
        setattr(found, name, value)
    found.full_clean()
    found.save()
    return found


# --- contacts and answers ----------------------------------------------------------------------------

def contact_log(*, membership: Membership, by: Membership, note: str = "", now=None) -> Contact:
    """A facilitator caught up with someone personally: their drift signals count again from now."""
    if membership.community_id != by.community_id or not by.can_facilitate:
        raise ValidationError(_("Alleen een procesbegeleider van deze gemeenschap kan dit vastleggen."))
    contact = Contact(membership=membership, by=by, note=note.strip(), happened_at=now or timezone.now())
    contact.full_clean()
    contact.save()
    return contact


def _nudge_salt(answer: str) -> str:
    return f"participants.nudge.{answer}"


def nudge_token(nudge: Nudge, answer: str) -> str:
    """A link that can do one thing (this answer) for one nudge of one person."""
    return signing.dumps({"n": nudge.pk, "u": nudge.membership.user_id}, salt=_nudge_salt(answer))


def nudge_url(nudge: Nudge, answer: str) -> str:
    return absolute(reverse("nudge_answer", args=[answer, nudge_token(nudge, answer)]))


def nudge_from_token(token: str, answer: str, *, now=None) -> Nudge | None:
    """The nudge this link answers, or None when the link is tampered, made for another answer, too
    old, or its person deleted their account."""
    if answer not in NudgeAnswer.values:
        return None
    try:
        data = signing.loads(token, salt=_nudge_salt(answer), max_age=timedelta(days=NUDGE_LINK_DAYS))
    except signing.BadSignature:
        return None
    nudge = (Nudge.objects.select_related("membership__user", "membership__community", "signed_by__user")
             .filter(pk=data.get("n"), membership__user_id=data.get("u"), membership__user__is_active=True).first())
    return nudge


def nudge_answer(*, nudge: Nudge, answer: str, pause_until: date | None = None, now=None) -> Nudge:
    """Record the person's answer (once) and act on it: still in (a pause ends), paused until a date,
    or stepped out consciously. Raises ValidationError with a message for the person."""
    now = now or timezone.now()
    if answer not in NudgeAnswer.values:
        raise ValidationError(_("Onbekend antwoord."))
    today = timezone.localdate(now)
    if answer == NudgeAnswer.PAUSE:
        if pause_until is None:
            raise ValidationError({"pause_until": _("Kies tot wanneer je wilt pauzeren.")})
        if pause_until <= today:
            raise ValidationError({"pause_until": _("Kies een datum na vandaag.")})
        if pause_until > today + timedelta(days=PAUSE_MAX_DAYS):
            raise ValidationError({"pause_until": _("Pauzeren kan tot hooguit een jaar vooruit.")})
    with transaction.atomic():
        locked = Nudge.objects.select_for_update().get(pk=nudge.pk)
        if locked.answered_at is not None:
            raise ValidationError(_("Je hebt deze herinnering al beantwoord."))
        membership = Membership.objects.select_for_update().get(pk=nudge.membership_id)
        if membership.status == MemberStatus.STEPPED_OUT:
            raise ValidationError(_("Je bent al uit deze gemeenschap gestapt."))
        locked.answer, locked.answered_at = answer, now
        if answer == NudgeAnswer.PAUSE:
            locked.pause_until = pause_until
            membership.status, membership.paused_until = MemberStatus.PAUSED, pause_until
        elif answer == NudgeAnswer.STEP_OUT:
            membership.status, membership.paused_until = MemberStatus.STEPPED_OUT, None
        else:
            membership.status, membership.paused_until = MemberStatus.ACTIVE, None
        locked.save(update_fields=["answer", "answered_at", "pause_until"])
        membership.save(update_fields=["status", "paused_until"])
    nudge.answer, nudge.answered_at, nudge.pause_until = locked.answer, locked.answered_at, locked.pause_until
    nudge.membership.status, nudge.membership.paused_until = membership.status, membership.paused_until
    return nudge


def memberships_resume_due(*, now=None) -> int:
    """People whose pause has ended are active again. One UPDATE."""
    today = timezone.localdate(now or timezone.now())
    return Membership.objects.filter(status=MemberStatus.PAUSED, paused_until__lte=today).update(
        status=MemberStatus.ACTIVE)


# --- sending nudges ----------------------------------------------------------------------------------

def _is_paused(membership: Membership, today: date) -> bool:
    if membership.paused_until and membership.paused_until > today:
        return True
    return membership.status == MemberStatus.PAUSED and membership.paused_until is None


def _community_meetings(community_ids, now):
    """community id -> (last held plenary, next plenary). Two queries for any number of communities."""
    from meetings.models import Meeting, MeetingKind

    live = Meeting.objects.filter(community=OuterRef("pk"), kind=MeetingKind.PLENARY, cancelled_at__isnull=True)
    pairs = list(Community.objects.filter(pk__in=community_ids).annotate(
        last_id=Subquery(live.filter(starts_at__lt=now).order_by("-starts_at", "-pk").values("pk")[:1]),
        next_id=Subquery(live.filter(starts_at__gte=now).order_by("starts_at", "pk").values("pk")[:1]),
    ).values_list("pk", "last_id", "next_id"))
    meetings = Meeting.objects.in_bulk([i for _, a, b in pairs for i in (a, b) if i])
    return {pk: (meetings.get(a), meetings.get(b)) for pk, a, b in pairs}


def _facilitators(community_ids) -> dict[int, list[Membership]]:
    result = defaultdict(list)
    for m in (Membership.objects.filter(community_id__in=community_ids, is_facilitator=True, user__is_active=True)
              .exclude(status=MemberStatus.STEPPED_OUT).select_related("user").order_by("pk")):
        result[m.community_id].append(m)
    return result


def _nudge_context(*, nudge, membership, signals, signer, last_meeting, next_meeting):
    community = membership.community
    return {
        "community": community, "tz": community.time_zone, "signals": signals, "signer": signer,
        "last_meeting": last_meeting, "next_meeting": next_meeting,
        "community_url": absolute(reverse("community_home", args=[community.slug])),
        "still_in_url": nudge_url(nudge, NudgeAnswer.STILL_IN),
        "pause_url": nudge_url(nudge, NudgeAnswer.PAUSE),
        "step_out_url": nudge_url(nudge, NudgeAnswer.STEP_OUT),
    }


def nudges_send(*, now=None, community: Community | None = None) -> tuple[int, int]:
    """Scan for drift and nudge who is due. Returns (sent, skipped): skipped are drifting people who got
    nothing now (paused, nudged within the quiet period, no email wanted, nudging stopped, or another
    scan just nudged them). A fixed number of queries per batch of 500 drifting people, plus the
    writes for each nudge."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    memberships_resume_due(now=now)
    rows = drift.drifting(community=community, now=now)
    sent = skipped = 0
    for start in range(0, len(rows), BATCH):
        batch = rows[start:start + BATCH]
        s, k = _send_batch(batch, now=now, today=today)
        sent, skipped = sent + s, skipped + k
    return sent, skipped


def _send_batch(rows, *, now, today) -> tuple[int, int]:
    ids = [r.membership_id for r in rows]
    members = Membership.objects.select_related("user", "community").in_bulk(ids)
    history = defaultdict(list)
    for n in Nudge.objects.filter(membership_id__in=ids).order_by("period"):
        history[n.membership_id].append(n)
    community_ids = {r.community_id for r in rows}
    facilitators = _facilitators(community_ids)
    meetings = _community_meetings(community_ids, now)
    allowed = users_allowing(EmailKind.NUDGES, [m.user_id for m in members.values()])
    alerts_allowed = users_allowing(EmailKind.ALERTS, [f.user_id for fs in facilitators.values() for f in fs])
    sent = skipped = 0
    for row in rows:
        membership = members.get(row.membership_id)
        nudges = history[row.membership_id]
        last = nudges[-1] if nudges else None
        if (membership is None or membership.status == MemberStatus.STEPPED_OUT or _is_paused(membership, today)
                or (last and last.sent_at > now - timedelta(days=row.quiet_days))):
            skipped += 1
            continue
        unanswered = [n for n in nudges if n.answered_at is None and n.sent_at > row.reset_at]
        if len(unanswered) >= row.max_nudges:
            _tell_facilitators(membership=membership, last=last, count=len(unanswered), row=row, now=now,
                               facilitators=[f for f in facilitators[row.community_id] if f.user_id in alerts_allowed])
            skipped += 1
            continue
        if membership.user_id not in allowed:
            skipped += 1
            continue
        signer = next(iter(facilitators[row.community_id]), None)
        period = (last.period if last else 0) + 1
        last_meeting, next_meeting = meetings.get(row.community_id, (None, None))
        try:
            with transaction.atomic():
                nudge = Nudge.objects.create(membership=membership, period=period, signed_by=signer, sent_at=now,
                                             signals=[s.as_json() for s in row.signals])
                nudge.membership = membership
                enqueue_with_unsubscribe(key=f"nudge:{membership.pk}:{period}", kind="nudge", pref_kind=EmailKind.NUDGES,
                         user=membership.user, template="nudge",
                         reply_to=signer.user.email if signer else None,
                         context=_nudge_context(nudge=nudge, membership=membership, signals=row.signals,
                                                signer=signer, last_meeting=last_meeting, next_meeting=next_meeting))
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
        url = absolute(reverse("catch_up", args=[membership.community.slug]))
        for facilitator in facilitators:
            enqueue_with_unsubscribe(key=f"nudge-stopped:{membership.pk}:{last.period}:{facilitator.user_id}", kind="nudge_stopped",
                     pref_kind=EmailKind.ALERTS, user=facilitator.user, template="nudge_stopped",
                     context={"person": membership.user, "community": membership.community, "count": count,
                              "signals": row.signals, "url": url, "tz": membership.community.time_zone})


# --- questions, proposals and ideas nobody answered --------------------------------------------------

def unanswered_alerts_send(*, now=None) -> int:
    """Tell a workgroup's members, once and personally, about a question, proposal or idea of their
    group that waited three days for an answer (a community-wide one: the facilitators). Posts older
    than two weeks are not mailed any more (they stay on the catch-up list). Returns emails queued."""
    from workgroups.models import WorkgroupMember
    from workgroups.selectors import posts_waiting_for_answer

    now = now or timezone.now()
    posts = list(posts_waiting_for_answer(now=now).filter(
        created_at__gte=now - UNANSWERED_LOOKBACK, community__stopped_at__isnull=True).exclude(
        Exists(UnansweredAlert.objects.filter(post=OuterRef("pk")))))
    if not posts:
        return 0
    by_workgroup = defaultdict(list)
    for wm in (WorkgroupMember.objects.filter(workgroup_id__in={p.workgroup_id for p in posts if p.workgroup_id})
               .exclude(membership__status=MemberStatus.STEPPED_OUT).filter(membership__user__is_active=True)
               .select_related("membership__user").order_by("pk")):
        by_workgroup[wm.workgroup_id].append(wm.membership)
    facilitators = _facilitators({p.community_id for p in posts if not p.workgroup_id})
    everyone = {m.user_id for ms in by_workgroup.values() for m in ms} | {
        f.user_id for fs in facilitators.values() for f in fs}
    allowed = users_allowing(EmailKind.ALERTS, everyone)
    queued = 0
    for post in posts:
        recipients = by_workgroup[post.workgroup_id] if post.workgroup_id else facilitators[post.community_id]
        url = absolute(reverse("post_detail", args=[post.community.slug, post.pk]))
        try:
            with transaction.atomic():
                UnansweredAlert.objects.create(post=post, alerted_at=now)
                for member in recipients:
                    if member.pk == post.author_id or member.user_id not in allowed:
                        continue
                    queued += enqueue_with_unsubscribe(key=f"unanswered:{post.pk}:{member.user_id}", kind="unanswered",
                                       pref_kind=EmailKind.ALERTS, user=member.user, template="unanswered",
                                       context={"post": post, "community": post.community, "url": url,
                                                "workgroup": post.workgroup, "tz": post.community.time_zone})
        except IntegrityError:  # another run alerted this post a moment ago
            continue
    return queued


# --- the weekly digest -------------------------------------------------------------------------------

def digest_key(user_id: int, now: datetime) -> str:
    year, week, _day = timezone.localdate(now).isocalendar()
    return f"digest:{user_id}:{year}-W{week:02d}"


def digest_send(*, now=None) -> int:
    """One digest per person per ISO week with what happened in their workgroups and communities last
    week and what comes in the next two. Nothing to tell: no email. A fixed number of queries per 500
    people. Returns digests queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    user_ids = list(
        Membership.objects.filter(user__is_active=True, community__ends_on__gte=today, community__starts_on__lte=today,
                                  community__stopped_at__isnull=True)
        .exclude(status=MemberStatus.STEPPED_OUT).values_list("user_id", flat=True).distinct().order_by("user_id"))
    queued = 0
    for start in range(0, len(user_ids), BATCH):
        queued += _digest_batch(user_ids[start:start + BATCH], now=now, today=today)
    return queued


def _digest_batch(user_ids, *, now, today) -> int:
    from meetings.models import Meeting, MeetingKind
    from workgroups.models import Activity, Post, WorkgroupMember

    allowed = users_allowing(EmailKind.DIGEST, user_ids)
    if not allowed:
        return 0
    memberships = list(Membership.objects.filter(user_id__in=allowed, community__ends_on__gte=today,
                                                 community__starts_on__lte=today, community__stopped_at__isnull=True)
                       .exclude(status=MemberStatus.STEPPED_OUT).select_related("user", "community")
                       .order_by("user_id", "community__name"))
    community_ids = {m.community_id for m in memberships}
    groups = defaultdict(set)
    for membership_id, workgroup_id in WorkgroupMember.objects.filter(
            membership__in=memberships, workgroup__archived_at__isnull=True).values_list("membership_id", "workgroup_id"):
        groups[membership_id].add(workgroup_id)
    since = now - timedelta(days=DIGEST_DAYS)
    posts = defaultdict(list)
    for post in (Post.objects.filter(community_id__in=community_ids, created_at__gte=since, created_at__lt=now)
                 .select_related("workgroup", "author__user").order_by("created_at", "pk")):
        posts[post.community_id].append(post)
    activities = defaultdict(list)
    for activity in (Activity.objects.filter(community_id__in=community_ids, happened_on__gte=since.date(),
                                             happened_on__lte=today)
                     .select_related("workgroup").order_by("happened_on", "pk")):
        activities[activity.community_id].append(activity)
    meetings = defaultdict(list)
    for meeting in (Meeting.objects.filter(community_id__in=community_ids, cancelled_at__isnull=True,
                                           starts_at__gte=since, starts_at__lt=now + timedelta(days=DIGEST_AHEAD_DAYS))
                    .select_related("workgroup").order_by("starts_at", "pk")):
        meetings[meeting.community_id].append(meeting)
    newcomers = defaultdict(list)
    for m in Membership.objects.filter(community_id__in=community_ids, joined_at__gte=since).exclude(
            status=MemberStatus.STEPPED_OUT).select_related("user").order_by("joined_at"):
        newcomers[m.community_id].append(m)

    per_user = defaultdict(list)
    for m in memberships:
        mine = groups[m.pk]

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
            "newcomers": [n for n in newcomers[m.community_id] if n.pk != m.pk],
        }
        if any(section[k] for k in ("posts", "activities", "held", "coming", "newcomers")):
            per_user[m.user_id].append((m.user, section))
    queued = 0
    for _user_id, entries in per_user.items():
        user = entries[0][0]
        queued += enqueue_with_unsubscribe(key=digest_key(user.pk, now), kind="digest", pref_kind=EmailKind.DIGEST, user=user,
                           template="digest", context={"sections": [s for _u, s in entries],
                                                       "tz": entries[0][1]["community"].time_zone,
                                                       "since": since, "now": now})
    return queued


# --- reads for the catch-up page ---------------------------------------------------------------------

def catch_up(*, community: Community, now=None) -> dict:
    """Everything the facilitator's catch-up list shows, in a fixed number of queries (eight)."""
    from workgroups.selectors import posts_waiting_for_answer

    now = now or timezone.now()
    today = timezone.localdate(now)
    settings = drift_settings_for(community=community)
    rows = drift.drifting(community=community, now=now)
    ids = [r.membership_id for r in rows]
    members = Membership.objects.select_related("user").in_bulk(ids)
    history = defaultdict(list)
    answered = []
    for n in (Nudge.objects.filter(membership__community=community)
              .filter(Q(membership_id__in=ids) | Q(answered_at__gte=now - timedelta(days=60)))
              .select_related("membership__user", "signed_by__user").order_by("-sent_at", "-pk")):
        if n.membership_id in members:
            history[n.membership_id].append(n)
        if n.answered_at:
            answered.append(n)
    contacts = {}
    for c in Contact.objects.filter(membership_id__in=ids).select_related("by__user").order_by("happened_at", "pk"):
        contacts[c.membership_id] = c  # the latest wins
    people = []
    for row in rows:
        membership = members.get(row.membership_id)
        if membership is None:
            continue
        nudges = history[row.membership_id]
        unanswered = [n for n in nudges if n.answered_at is None and n.sent_at > row.reset_at]
        people.append({
            "membership": membership, "signals": row.signals, "since": row.since, "nudges": nudges,
            "last_nudge": nudges[0] if nudges else None, "contact": contacts.get(row.membership_id),
            "paused": _is_paused(membership, today), "stopped": len(unanswered) >= row.max_nudges,
            "unanswered": len(unanswered),
        })
    people.sort(key=lambda p: (p["paused"], p["since"]))
    waiting = list(posts_waiting_for_answer(community=community, now=now).annotate(
        alerted=Exists(UnansweredAlert.objects.filter(post=OuterRef("pk")))))
    paused = list(Membership.objects.filter(community=community).filter(
        Q(status=MemberStatus.PAUSED) | Q(paused_until__gt=today)).exclude(status=MemberStatus.STEPPED_OUT)
        .select_related("user").order_by("paused_until", "user__name"))
    return {"people": people, "answered": answered[:30], "waiting": waiting, "paused": paused,
            "drift_settings": settings}


def drifting_count(*, community: Community, now=None) -> int:
    return len(drift.drifting(community=community, now=now or timezone.now()))
